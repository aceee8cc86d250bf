package dev.deepbuild.build.uptodate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.result.SessionVerdict;
import dev.deepbuild.build.result.SessionVerdict.Check;
import dev.deepbuild.build.result.SessionVerdict.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictFileTest {
  @TempDir Path folder;

  @Test
  void readsBackWhatItWroteEscapesIncluded() throws IOException {
    SessionVerdict verdict = new SessionVerdict(List.of(
        new Model("flowers", false, 5.7, null, List.of(
            new Check(true, false, "flowers: test accuracy is 0.867 (minimum 0.600)"),
            new Check(true, true, "flowers: test loss is 0.3\twith a tab, a \\ and\na line end\r"),
            new Check(false, false, "flowers: test f1 is 0.5, but expected minimum is 0.6"))),
        new Model("no-report", false, Double.NaN, "no-report: the data is gone", List.of()),
        new Model("", false, 0.1, null, List.of(new Check(true, false, "")))),
        "the session broke off");
    Path file = folder.resolve("outcome-verdict.txt");
    VerdictFile.write(file, "sha256:abc", verdict);

    VerdictFile.Kept kept = VerdictFile.read(file).orElseThrow();
    assertEquals("sha256:abc", kept.keyDigest());
    assertEquals(verdict, kept.verdict());
    assertTrue(Files.readString(file).startsWith("deepbuild verdict 1\nkey\tsha256:abc\nerror\t"));
  }

  @Test
  void missingFileOrAnotherFormatIsNone() throws IOException {
    Path file = folder.resolve("outcome-verdict.txt");
    assertTrue(VerdictFile.read(file).isEmpty());
    Files.writeString(file, "deepbuild verdict 2\nkey\tsha256:abc\n");
    assertTrue(VerdictFile.read(file).isEmpty());
    Files.writeString(file, "deepbuild verdict 1\nkey\tsha256:abc\nmodel\tflowers\t1.0\nbroken\\x\n");
    assertTrue(VerdictFile.read(file).isEmpty());
    Files.writeString(file, "deepbuild verdict 1\nmodel\tflowers\t1.0\n");
    assertTrue(VerdictFile.read(file).isEmpty(), "no key");
  }
}
