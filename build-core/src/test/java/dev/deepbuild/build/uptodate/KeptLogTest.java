package dev.deepbuild.build.uptodate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptLogTest {
  @TempDir Path folder;

  private static OutcomeKey key(String data) {
    return new OutcomeKey(new TreeMap<>(Map.of("data flowers.csv", data)));
  }

  @Test
  void linesStandUnderTheirKeyOnly() throws IOException {
    Path file = folder.resolve("summary-log.txt");
    List<KeptLog.Line> lines = List.of(new KeptLog.Line(false, "Model: \"iris\" (it.Iris)"),
        new KeptLog.Line(true, "a warning\twith a tab"), new KeptLog.Line(false, ""));
    KeptLog.store(file, key("sha256:1"), lines);

    assertEquals(Optional.of(lines), KeptLog.reuse(file, key("sha256:1")));
    assertEquals(Optional.empty(), KeptLog.reuse(file, key("sha256:2")));

    Files.writeString(file, Files.readString(file) + "debug\tnot a kind\n");
    assertEquals(Optional.empty(), KeptLog.reuse(file, key("sha256:1")), "damaged");
    KeptLog.forget(file);
    assertTrue(KeptLog.reuse(file, key("sha256:1")).isEmpty());
  }
}
