package dev.deepbuild.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.iris;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Train} and its {@code @Optimizer}. */
class TrainingValidationTest {

  @Test
  void epochsArePositive() {
    JavaFileObject source = iris("epochs = 60", "epochs = 0");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Train(epochs = 0) on class 'IrisClassifier': epochs is the number of passes over the"
                + " training data, so it must be positive. Received: epochs=0. Set epochs to 1 or"
                + " more, such as 50.")
        .inFile(source)
        .onLineContaining("epochs = 0");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void batchSizeIsPositive() {
    JavaFileObject source = iris("batchSize = 16", "batchSize = -1");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "batchSize is the number of samples per gradient update, so it must be positive."
                + " Received: batchSize=-1. Set batchSize to 1 or more, such as Keras's default,"
                + " 32.")
        .inFile(source)
        .onLineContaining("batchSize = -1");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void learningRateIsNotNegative() {
    JavaFileObject source = iris("learningRate = 0.01", "learningRate = -0.01");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Optimizer(learningRate = -0.01) on class 'IrisClassifier': learningRate must be"
                + " positive, or 0 for the optimizer's Keras default. Received:"
                + " learningRate=-0.01. Set a rate such as 0.001, ADAM's default.")
        .inFile(source)
        .onLineContaining("learningRate = -0.01");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void zeroLearningRateIsTheKerasDefault() throws Exception {
    Compilation compilation = compile(iris("learningRate = 0.01", "learningRate = 0"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("com.example.DeepBuild_IrisClassifier")
        .contentsAsUtf8String()
        .contains(".updater(new Adam(0.001, 0.9, 0.999, 1e-7))  // Keras's Adam defaults");
  }
}
