package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.iris;
import static dev.deepbuild.processor.TestSources.model;
import static dev.deepbuild.processor.TestSources.process;

import com.google.testing.compile.Compilation;
import dev.deepbuild.processor.writer.ModelIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code META-INF/deepbuild/models}, by which the runtime finds a build's models. */
class ModelIndexTest {

  private static final String SPAM =
      """
      @Model
      @CsvData(resource = "spam.csv", label = 0)
      @Train(epochs = 5, loss = BINARY_CROSSENTROPY)
      class Spam {
        @Dense(units = 1, activation = SIGMOID) Layer spam;
      }
      """;

  private static JavaFileObject spam(String... replacements) {
    return model("Spam", TestSources.replace(SPAM, replacements));
  }

  @Test
  void indexListsTheGeneratedClassesSorted() {
    Compilation compilation = compile(iris(), spam());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, ModelIndex.PATH)
        .contentsAsUtf8String()
        .isEqualTo("com.example.DeepBuild_IrisClassifier\ncom.example.DeepBuild_Spam\n");
  }

  @Test
  void noModelWritesNoIndex() {
    Compilation compilation =
        compile(TestSources.source("com.example.Plain", "package com.example; class Plain {}"));

    assertThat(compilation).succeededWithoutWarnings();
    boolean indexWritten =
        compilation.generatedFile(StandardLocation.CLASS_OUTPUT, ModelIndex.PATH).isPresent();
    assertThat(indexWritten).isFalse();
  }

  @Test
  void indexListsTheValidModelsWhenAnotherHasErrors(@TempDir Path output) throws IOException {
    process(output, iris(), spam("units = 1", "units = 0"));

    assertThat(Files.readString(output.resolve(ModelIndex.PATH)))
        .isEqualTo("com.example.DeepBuild_IrisClassifier\n");
  }

  @Test
  void indexKeepsTheModelsOfAnEarlierCompilation(@TempDir Path output) throws IOException {
    Path index = output.resolve(ModelIndex.PATH);
    Files.createDirectories(index.getParent());
    Files.writeString(
        index,
        "com.other.DeepBuild_Kept\n"
            + "com.example.DeepBuild_IrisClassifier\n"
            + "com.a.DeepBuild_First\n");

    process(output, iris());

    assertThat(Files.readString(index))
        .isEqualTo(
            "com.a.DeepBuild_First\n"
                + "com.example.DeepBuild_IrisClassifier\n"
                + "com.other.DeepBuild_Kept\n");
  }
}
