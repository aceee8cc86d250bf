package dev.deepbuild.build.report;

import static dev.deepbuild.build.report.Sessions.broken;
import static dev.deepbuild.build.report.Sessions.classifier;
import static dev.deepbuild.build.report.Sessions.min;
import static dev.deepbuild.build.report.Sessions.trained;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.SessionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  @TempDir Path root;

  @Test
  void writesAPagePerModelTheIndexAndTheJUnitXmlWithoutLeftovers() throws Exception {
    Files.createDirectories(root.resolve("iris"));
    Files.writeString(root.resolve("iris/report.html"), "an old page");
    SessionResult session = SessionResult.of(List.of(
        trained(classifier("iris", 4), min(Metric.ACCURACY, 0.9)), broken("flowers", "no data")));

    Path index = Reports.write(root, session);

    assertEquals(root.resolve("index.html"), index);
    try (Stream<Path> files = Files.walk(root)) {
      assertEquals(List.of("flowers/report.html", "index.html", "iris/report.html", "junit/TEST-deepbuild.xml"),
          files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
              .sorted().toList());
    }
    for (String file : List.of("index.html", "iris/report.html", "flowers/report.html", "junit/TEST-deepbuild.xml")) {
      Xml.parse(Files.readString(root.resolve(file)));
    }
    assertTrue(Files.readString(root.resolve("iris/report.html")).contains("<svg"));
    assertEquals("1", Xml.parse(Files.readString(root.resolve("junit/TEST-deepbuild.xml")))
        .getDocumentElement().getAttribute("failures"));
  }
}
