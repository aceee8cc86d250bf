package dev.deepbuild.build.report;

import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.io.AtomicFiles;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a session's reports under the output root ({@code target/deepbuild}):
 *
 * <pre>
 *   &lt;model&gt;/report.html        per model: thresholds, metrics, curves, confusion matrix, summary
 *   index.html                  every model of the session, linking to its page
 *   junit/TEST-deepbuild.xml    a test case per threshold, for CI servers
 * </pre>
 *
 * Each file is self-contained and written atomically. The reports are made from the session's
 * result alone, so a build that fails writes them too.
 */
public final class Reports {
  static final String JUNIT_FILE = "junit/TEST-" + JUnitReport.SUITE + ".xml";

  private Reports() {}

  /** Writes every report and returns the index page's path. */
  public static Path write(Path outputRoot, SessionResult result) throws IOException {
    return write(outputRoot, result, AcceptedMetrics.none(AcceptedMetrics.DEFAULT_SOURCE));
  }

  /**
   * Writes every report, each model's metrics beside their accepted values, and returns the index
   * page's path.
   */
  public static Path write(Path outputRoot, SessionResult result, AcceptedMetrics accepted)
      throws IOException {
    for (ModelOutcome model : result.models()) {
      write(outputRoot.resolve(model.model()).resolve("report.html"),
          ModelPage.render(model, accepted));
    }
    write(outputRoot.resolve(JUNIT_FILE), JUnitReport.render(result));
    Path index = outputRoot.resolve("index.html");
    write(index, IndexPage.render(result, JUNIT_FILE));
    return index;
  }

  private static void write(Path file, String content) throws IOException {
    AtomicFiles.write(file, temporary -> Files.writeString(temporary, content, StandardCharsets.UTF_8));
  }
}
