package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;

import com.google.testing.compile.Compilation;
import dev.deepbuild.resources.DataRead;
import dev.deepbuild.resources.ModelResources;
import java.io.IOException;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** {@code META-INF/deepbuild/<model>/reads.txt}, the files a model's data is read from. */
class ReadsResourceTest {

  @Test
  void csvFileIsListedAndAClasspathResourceIsNot() throws Exception {
    Compilation file = compile(TestSources.iris("resource = \"iris.dat\"", "file = \"data/iris.csv\""));
    assertThat(file).succeeded();
    assertThat(reads(file, "iris")).isEqualTo("file data/iris.csv\n");
    assertThat(DataRead.parse("file data/iris.csv"))
        .isEqualTo(new DataRead(DataRead.Kind.FILE, "data/iris.csv"));

    Compilation builtin = compile(TestSources.boston());
    assertThat(builtin).succeeded();
    assertThat(reads(builtin, "boston")).isEmpty();
  }

  private static String reads(Compilation compilation, String model) throws IOException {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, ModelResources.reads(model))
        .orElseThrow().getCharContent(false).toString();
  }
}
