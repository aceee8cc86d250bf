package dev.deepbuild.build.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.build.DeepBuildException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmArgumentsTest {
  private static List<String> parse(String line) {
    return JvmArguments.parse(line, "<jvmArgs>");
  }

  @Test
  void whitespaceSeparatesArguments() {
    assertEquals(List.of("-Xmx2g", "-Dx=1", "-ea"), parse("  -Xmx2g \t-Dx=1\n -ea "));
    assertEquals(List.of(), parse("   "));
    assertEquals(List.of(), parse(null));
  }

  @Test
  void quotesKeepSpacesWithinOneArgument() {
    assertEquals(List.of("-Dlabel=two words", "-Xmx1g"), parse("\"-Dlabel=two words\" -Xmx1g"));
    assertEquals(List.of("-Dlabel=two words"), parse("-Dlabel=\"two words\""));
    assertEquals(List.of("-Dq=say \"hi\""), parse("'-Dq=say \"hi\"'"));
    assertEquals(List.of("-Dempty=", ""), parse("-Dempty=\"\" ''"));
  }

  @Test
  void backslashesStaySoWindowsPathsNeedNoEscaping() {
    assertEquals(List.of("-Djava.io.tmpdir=C:\\Program Files\\tmp"),
        parse("\"-Djava.io.tmpdir=C:\\Program Files\\tmp\""));
  }

  @Test
  void anUnclosedQuoteNamesTheParameter() {
    DeepBuildException e = assertThrows(DeepBuildException.class, () -> parse("-Xmx1g \"-Dx=a b"));
    assertEquals("<jvmArgs> has a \" that is never closed: -Xmx1g \"-Dx=a b; close it, or quote the"
        + " argument with the other kind of quote", e.getMessage());
  }
}
