package dev.deepbuild.processor;

import static com.google.testing.compile.Compiler.javac;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Model classes to compile, and the compiler that runs the processor on them. */
final class TestSources {

  private TestSources() {}

  private static final String IMPORTS =
      """
      import static dev.deepbuild.annotations.Activation.*;
      import static dev.deepbuild.annotations.BuiltinDataset.*;
      import static dev.deepbuild.annotations.DataSplit.*;
      import static dev.deepbuild.annotations.LearningRateSchedule.Type.*;
      import static dev.deepbuild.annotations.Loss.*;
      import static dev.deepbuild.annotations.Metric.*;
      import static dev.deepbuild.annotations.OptimizerType.*;
      import static dev.deepbuild.annotations.OutputMode.*;
      import static dev.deepbuild.annotations.Padding.*;

      import dev.deepbuild.annotations.*;
      """;

  /** The DSL's example: a complete, valid classifier, one option per line where errors point. */
  static final String IRIS =
      "package com.example;\n\n" + IMPORTS
          + """

          @Model(name = "iris", seed = 42)
          @CsvData(resource = "iris.dat", label = 4, classes = 3,
              split = @Split(test = 0.2, validation = 0.2))
          @Standardize
          @Train(epochs = 60, batchSize = 16,
              optimizer = @Optimizer(value = ADAM, learningRate = 0.01),
              loss = CATEGORICAL_CROSSENTROPY)
          @Threshold(metric = ACCURACY, min = 0.9)
          public class IrisClassifier {
            @Dense(units = 16, activation = RELU) Layer hidden;
            @Dropout(0.2) Layer drop;
            @Dense(units = 3, activation = SOFTMAX) Layer output;
          }
          """;

  /** The book's IMDB classifier: a built-in text dataset, multi-hot vectors. */
  static final String IMDB =
      "package dev.deepbuild.samples.imdb;\n\n" + IMPORTS
          + """

          @Model(name = "imdb", seed = 42)
          @Dataset(IMDB)
          @TextVectorization(maxTokens = 10000)
          @Train(epochs = 4, batchSize = 512, optimizer = @Optimizer(RMSPROP),
              loss = BINARY_CROSSENTROPY)
          @Threshold(metric = ACCURACY, min = 0.86)
          public class ImdbClassifier {
            @Dense(units = 16, activation = RELU) Layer first;
            @Dense(units = 16, activation = RELU) Layer second;
            @Dense(units = 1, activation = SIGMOID) Layer output;
          }
          """;

  /** The book's Boston housing regression: a built-in table, 4-fold cross-validation. */
  static final String BOSTON =
      "package dev.deepbuild.samples.boston;\n\n" + IMPORTS
          + """

          @Model(name = "boston", seed = 42)
          @Dataset(BOSTON_HOUSING)
          @Standardize
          @KFold(k = 4)
          @Train(epochs = 130, batchSize = 16, optimizer = @Optimizer(RMSPROP),
              loss = MEAN_SQUARED_ERROR)
          @Threshold(metric = MAE, max = 3.0)
          @Threshold(metric = MAE, max = 3.0, on = KFOLD_MEAN)
          public class BostonHousing {
            @Dense(units = 64, activation = RELU) Layer first;
            @Dense(units = 64, activation = RELU) Layer second;
            @Dense(units = 1) Layer output;
          }
          """;

  /**
   * Iris with the book's chapter-5 tools: a class-wide L2 penalty that one layer overrides and the
   * output layer turns off, a max-norm constraint, dropout, early stopping, a step schedule and a
   * threshold relative to the common-sense baseline.
   */
  static final String REGULARIZED_IRIS =
      "package com.example;\n\n" + IMPORTS
          + """

          @Model(name = "regularized-iris", seed = 42)
          @CsvData(resource = "iris.dat", label = 4, classes = 3,
              split = @Split(test = 0.2, validation = 0.2))
          @Standardize
          @Train(epochs = 100, batchSize = 16,
              optimizer = @Optimizer(value = ADAM, learningRate = 0.01),
              loss = CATEGORICAL_CROSSENTROPY)
          @Regularization(l2 = 0.002)
          @EarlyStopping(patience = 10)
          @LearningRateSchedule(value = STEP, factor = 0.5, every = 20)
          @Threshold(metric = ACCURACY, min = 0.9)
          @Threshold(metric = ACCURACY, beatBaselineBy = 0.4)
          public class RegularizedIris {
            @Dense(units = 16, activation = RELU, maxNorm = 3) Layer hidden;
            @Dense(units = 16, activation = RELU, l1 = 0.001, l2 = 0.005) Layer second;
            @Dropout(0.2) Layer drop;
            @Dense(units = 3, activation = SOFTMAX, l2 = 0) Layer output;
          }
          """;

  /**
   * A functional model: two text inputs of Reuters wires merged and shared by two heads, each
   * with its own loss, weight and threshold.
   */
  static final String TICKETS =
      "package com.example;\n\n" + IMPORTS
          + """

          @Model(name = "tickets")
          @Dataset(REUTERS)
          @Train(epochs = 2, batchSize = 512, loss = CATEGORICAL_CROSSENTROPY)
          @Threshold(output = "topic", metric = ACCURACY, min = 0.5)
          @Threshold(output = "usa", metric = ACCURACY, min = 0.7)
          public class Tickets {
            @Input(field = "title") @TextVectorization(maxTokens = 2000) Layer title;
            @Input(field = "body") @TextVectorization(maxTokens = 10000) Layer body;
            @Concatenate(from = {"title", "body"}) Layer features;
            @Dense(units = 64, activation = RELU) Layer hidden;
            @Dense(units = 64, activation = RELU) Layer shared;
            @Dense(units = 46, activation = SOFTMAX) @Output Layer topic;
            @Dense(units = 1, activation = SIGMOID, from = "shared")
            @Output(loss = BINARY_CROSSENTROPY, weight = 0.3) Layer usa;
          }
          """;

  /** The book's MNIST convnet (chapter 8): 104,202 parameters. */
  static final String MNIST_CONVNET =
      "package com.example;\n\n" + IMPORTS
          + """

          @Model(name = "mnist", seed = 42)
          @Dataset(MNIST)
          @Train(epochs = 5, batchSize = 64, optimizer = @Optimizer(RMSPROP),
              loss = CATEGORICAL_CROSSENTROPY)
          @Threshold(metric = ACCURACY, min = 0.98)
          public class MnistConvnet {
            @Conv2D(filters = 32, kernel = 3, activation = RELU) Layer conv1;
            @MaxPooling2D(2) Layer pool1;
            @Conv2D(filters = 64, kernel = 3, activation = RELU) Layer conv2;
            @MaxPooling2D(2) Layer pool2;
            @Conv2D(filters = 128, kernel = 3, activation = RELU) Layer conv3;
            @Flatten Layer flat;
            @Dense(units = 10, activation = SOFTMAX) Layer output;
          }
          """;

  /** The book's cats-vs-dogs convnet, at the dataset's 32x32 pixels. */
  static final String CATS_CONVNET =
      "package com.example;\n\n" + IMPORTS
          + """

          @Model(name = "cats", seed = 42)
          @Dataset(CATS_VS_DOGS)
          @Train(epochs = 30, batchSize = 32, optimizer = @Optimizer(RMSPROP),
              loss = BINARY_CROSSENTROPY)
          @Threshold(metric = ACCURACY, min = 0.7)
          public class CatsConvnet {
            @Conv2D(filters = 32, kernel = 3, activation = RELU) Layer conv1;
            @MaxPooling2D(2) Layer pool1;
            @Conv2D(filters = 64, kernel = 3, activation = RELU) Layer conv2;
            @MaxPooling2D(2) Layer pool2;
            @Conv2D(filters = 128, kernel = 3, activation = RELU, padding = SAME) Layer conv3;
            @MaxPooling2D(2) Layer pool3;
            @Conv2D(filters = 256, kernel = 3, activation = RELU, padding = SAME) Layer conv4;
            @Flatten Layer flat;
            @Dropout(0.5) Layer drop;
            @Dense(units = 1, activation = SIGMOID) Layer output;
          }
          """;

  /**
   * A functional convnet on MNIST's images: two branches of convolutions of the one image input,
   * joined by channels, then pooled, flattened and classified.
   */
  static final String DIGITS_GRAPH =
      "package com.example;\n\n" + IMPORTS
          + """

          @Model(name = "digits-graph", seed = 42)
          @Dataset(MNIST)
          @Rescaling(1 / 255.0)
          @Train(epochs = 2, batchSize = 64, optimizer = @Optimizer(RMSPROP),
              loss = CATEGORICAL_CROSSENTROPY)
          public class DigitsGraph {
            @Input(field = "image") Layer digits;
            @Conv2D(filters = 8, kernel = 3, activation = RELU, padding = SAME) Layer narrow;
            @Conv2D(from = "digits", filters = 8, kernel = 5, activation = RELU,
                padding = SAME) Layer wide;
            @Concatenate(from = {"narrow", "wide"}) Layer both;
            @MaxPooling2D(2) Layer pool;
            @Flatten Layer flat;
            @Dense(units = 10, activation = SOFTMAX) @Output(field = "label") Layer digit;
          }
          """;

  /** {@code com.example.DigitsGraph}, with each pair of strings replaced: old, new, old... */
  static JavaFileObject digitsGraph(String... replacements) {
    return source("com.example.DigitsGraph", replace(DIGITS_GRAPH, replacements));
  }

  /** {@code com.example.MnistConvnet}, with each pair of strings replaced: old, new, old... */
  static JavaFileObject mnistConvnet(String... replacements) {
    return source("com.example.MnistConvnet", replace(MNIST_CONVNET, replacements));
  }

  /** {@code com.example.CatsConvnet}, with each pair of strings replaced: old, new, old... */
  static JavaFileObject catsConvnet(String... replacements) {
    return source("com.example.CatsConvnet", replace(CATS_CONVNET, replacements));
  }

  /** {@code com.example.Tickets}, with each pair of strings replaced: old, new, old... */
  static JavaFileObject tickets(String... replacements) {
    return source("com.example.Tickets", replace(TICKETS, replacements));
  }

  static JavaFileObject regularizedIris() {
    return source("com.example.RegularizedIris", REGULARIZED_IRIS);
  }

  /** {@code ImdbClassifier}, with each pair of strings replaced: old, new, old... */
  static JavaFileObject imdb(String... replacements) {
    return source("dev.deepbuild.samples.imdb.ImdbClassifier", replace(IMDB, replacements));
  }

  /** {@code BostonHousing}, with each pair of strings replaced: old, new, old... */
  static JavaFileObject boston(String... replacements) {
    return source("dev.deepbuild.samples.boston.BostonHousing", replace(BOSTON, replacements));
  }

  /** {@code com.example.IrisClassifier}, with each pair of strings replaced: old, new, old... */
  static JavaFileObject iris(String... replacements) {
    return source("com.example.IrisClassifier", replace(IRIS, replacements));
  }

  /** A class of package {@code com.example}, with the DSL imported. */
  static JavaFileObject model(String simpleName, String body) {
    return source("com.example." + simpleName, "package com.example;\n\n" + IMPORTS + "\n" + body);
  }

  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new DeepBuildProcessor()).compile(sources);
  }

  /**
   * The sources the processor generates, as paths such as {@code com/example/DeepBuild_X.java},
   * whether or not the compilation succeeds: compile-testing shows them only on success.
   */
  static List<String> generatedSources(JavaFileObject... sources) throws IOException {
    Path output = Files.createTempDirectory("deepbuild-generated");
    try {
      process(output, sources);
      try (Stream<Path> paths = Files.walk(output)) {
        return paths
            .filter(path -> path.toString().endsWith(".java"))
            .map(path -> output.relativize(path).toString())
            .sorted()
            .toList();
      }
    } finally {
      try (Stream<Path> paths = Files.walk(output)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /** Runs only the processor, with javac's own file manager writing to a directory. */
  static void process(Path output, JavaFileObject... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, UTF_8)) {
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(output));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null, files, diagnostic -> {}, List.of("-proc:only"), null, List.of(sources));
      task.setProcessors(List.of(new DeepBuildProcessor()));
      task.call();
    }
  }

  /** The 1-based number of the one line of the source that contains the text. */
  static long lineContaining(JavaFileObject source, String text) throws IOException {
    List<String> lines = source.getCharContent(false).toString().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("not in the source: " + text);
  }

  static String replace(String text, String... replacements) {
    for (int i = 0; i < replacements.length; i += 2) {
      if (!text.contains(replacements[i])) {
        throw new IllegalArgumentException("not in the source: " + replacements[i]);
      }
      text = text.replace(replacements[i], replacements[i + 1]);
    }
    return text;
  }
}
