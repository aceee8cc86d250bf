package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.generatedSources;
import static dev.deepbuild.processor.TestSources.iris;
import static dev.deepbuild.processor.TestSources.model;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The model class itself: its declaration, its name, and the parts every model needs. */
class ModelClassValidationTest {

  @Test
  void modelMustBeAClass() {
    JavaFileObject source =
        model(
            "IrisModel",
            """
            @Model(name = "iris")
            interface IrisModel {}
            """);
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Model on interface 'IrisModel': @Model marks a class. Declare IrisModel as a class:"
                + " `class IrisModel`.")
        .inFile(source)
        .onLineContaining("@Model(name = \"iris\")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void modelMustNotBeAnInnerClass() throws IOException {
    JavaFileObject source =
        model(
            "Models",
            """
            class Models {
              @Model
              @CsvData(resource = "iris.dat", label = 4)
              @Train(epochs = 10, loss = CATEGORICAL_CROSSENTROPY)
              class Iris {
                @Dense(units = 3, activation = SOFTMAX) Layer output;
              }
            }
            """);
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("class 'Iris': it is an inner class")
        .inFile(source)
        .onLineContaining("class Iris {");
    assertThat(compilation).hadErrorContaining("Make it static: `static class Iris`.");
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void modelMustNotBePrivateOrAbstract() {
    JavaFileObject source =
        model(
            "Models",
            """
            class Models {
              @Model
              @CsvData(resource = "iris.dat", label = 4)
              @Train(epochs = 10, loss = CATEGORICAL_CROSSENTROPY)
              private abstract static class Iris {
                @Dense(units = 3, activation = SOFTMAX) Layer output;
              }
            }
            """);
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("class 'Iris': it is private")
        .inFile(source)
        .onLineContaining("class Iris {");
    assertThat(compilation)
        .hadErrorContaining("class 'Iris': it is abstract")
        .inFile(source)
        .onLineContaining("class Iris {");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void invalidModelNameSuggestsTheNearestValidOne() throws IOException {
    JavaFileObject source = iris("name = \"iris\"", "name = \"Iris Model\"");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Model(name = \"Iris Model\") on class 'IrisClassifier': a model name is lower-case"
                + " letters, digits, '.', '_' and '-', starting with a letter or digit, since it"
                + " names the folder target/deepbuild/<name>/. Received: name=\"Iris Model\"."
                + " Use name = \"iris-model\".")
        .inFile(source)
        .onLineContaining("@Model(name = \"Iris Model\"");
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void nameDerivedFromAnUnusableClassNameMustBeSetExplicitly() {
    JavaFileObject source =
        TestSources.source(
            "com.example.Iris$Classifier",
            TestSources.replace(
                TestSources.IRIS,
                "@Model(name = \"iris\", seed = 42)", "@Model",
                "class IrisClassifier", "class Iris$Classifier"));
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "the class name gives the model name \"iris$classifier\", which is not valid.");
    assertThat(compilation)
        .hadErrorContaining("Set a name, such as @Model(name = \"iris-classifier\").");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void nameIsDerivedFromTheClassNameInKebabCase() throws Exception {
    Compilation compilation = compile(iris("@Model(name = \"iris\", seed = 42)", "@Model"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("com.example.DeepBuild_IrisClassifier")
        .contentsAsUtf8String()
        .contains("ModelSpec.builder(\"iris-classifier\")");
  }

  @Test
  void twoModelsWithOneNameReportTheSecondNamingTheFirst() throws IOException {
    JavaFileObject first = iris();
    JavaFileObject second =
        TestSources.source(
            "com.example.other.Flowers",
            TestSources.replace(
                TestSources.IRIS,
                "package com.example;", "package com.example.other;",
                "class IrisClassifier", "class Flowers"));
    Compilation compilation = compile(first, second);

    assertThat(compilation)
        .hadErrorContaining(
            "@Model(name = \"iris\") on class 'Flowers': the model com.example.IrisClassifier"
                + " already has the name \"iris\", and each model needs its own output folder."
                + " Received: name=\"iris\". Give one of them another name, such as"
                + " name = \"iris-2\".")
        .inFile(second)
        .onLineContaining("@Model(name = \"iris\"");
    assertThat(compilation).hadErrorCount(1);
    // The first model is fine and keeps its code.
    assertThat(generatedSources(first, second))
        .containsExactly("com/example/DeepBuild_IrisClassifier.java",
            "com/example/IrisClassifierPredictor.java");
  }

  @Test
  void missingDataTrainingAndLayersAreEachReportedWithAnExample() {
    JavaFileObject source =
        model(
            "Empty",
            """
            @Model
            class Empty {}
            """);
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "class 'Empty': a model needs data, and this class has no @CsvData, @Dataset,"
                + " @TextData, @ProvidedData or @ImageData. Add one, such as @CsvData(resource ="
                + " \"iris.csv\", label = 4) for a table, @Dataset(IMDB) for a built-in dataset,"
                + " @TextData(folder = \"data/reviews\") for your own texts, or @ImageData("
                + "directory = \"data/pets\", height = 180, width = 180) for your own images.")
        .inFile(source)
        .onLineContaining("class Empty {}");
    assertThat(compilation)
        .hadErrorContaining(
            "class 'Empty': a model needs training options, and this class has no @Train. Add it,"
                + " such as @Train(epochs = 50, loss = CATEGORICAL_CROSSENTROPY).")
        .inFile(source)
        .onLineContaining("class Empty {}");
    assertThat(compilation)
        .hadErrorContaining(
            "class 'Empty': a model needs at least one layer, and this class declares none. Add a"
                + " layer field, such as `@Dense(units = 1, activation = SIGMOID) Layer output;`.")
        .inFile(source)
        .onLineContaining("class Empty {}");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void layerExampleFitsTheLoss() {
    Compilation compilation =
        compile(iris(
            "  @Dense(units = 16, activation = RELU) Layer hidden;\n"
                + "  @Dropout(0.2) Layer drop;\n"
                + "  @Dense(units = 3, activation = SOFTMAX) Layer output;\n", ""));

    assertThat(compilation)
        .hadErrorContaining("such as `@Dense(units = 3, activation = SOFTMAX) Layer output;`.");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void dslAnnotationsOnAClassWithoutModelAskForModel() throws IOException {
    JavaFileObject source =
        model(
            "IrisClassifier",
            """
            @CsvData(resource = "iris.dat", label = 4)
            @Train(epochs = 10, loss = CATEGORICAL_CROSSENTROPY)
            class IrisClassifier {
              @Dense(units = 3, activation = SOFTMAX) Layer output;
            }
            """);
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@CsvData on class 'IrisClassifier': @CsvData and @Train describe a model, but this"
                + " class has no @Model. Add @Model, such as @Model(name = \"iris-classifier\"),"
                + " or remove @CsvData and @Train.")
        .inFile(source)
        .onLineContaining("@CsvData(");
    assertThat(compilation)
        .hadErrorContaining(
            "@Dense on field 'output': a layer belongs to a model, but class 'IrisClassifier' has"
                + " no @Model. Add @Model to class IrisClassifier")
        .inFile(source)
        .onLineContaining("Layer output;");
    assertThat(compilation).hadErrorCount(2);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void datasetAnnotationsOnAClassWithoutModelAskForModel() {
    JavaFileObject source =
        model(
            "Imdb",
            """
            @Dataset(IMDB)
            @TextVectorization
            @KFold
            class Imdb {}
            """);
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dataset on class 'Imdb': @Dataset, @TextVectorization and @KFold describe a model,"
                + " but this class has no @Model. Add @Model, such as @Model(name = \"imdb\"), or"
                + " remove @Dataset, @TextVectorization and @KFold.")
        .inFile(source)
        .onLineContaining("@Dataset(IMDB)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void repeatedThresholdsOnAClassWithoutModelAskForModel() {
    JavaFileObject source =
        model(
            "Gates",
            """
            @Threshold(metric = ACCURACY, min = 0.9)
            @Threshold(metric = F1, min = 0.8)
            @Standardize
            class Gates {}
            """);
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold on class 'Gates': @Threshold and @Standardize describe a model, but this"
                + " class has no @Model. Add @Model, such as @Model(name = \"gates\"), or remove"
                + " @Threshold and @Standardize.")
        .inFile(source)
        .onLineContaining("metric = ACCURACY");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void unresolvedLayerTypeIsLeftToJavac() {
    JavaFileObject source = iris("Layer drop;", "Layr drop;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(source)
        .onLineContaining("Layr drop;");
    assertThat(compilation).hadErrorCount(1);
  }
}
