package dev.deepbuild.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.iris;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @CsvData} and its {@code @Split}. */
class DataValidationTest {

  @Test
  void dataNeedsALocation() {
    JavaFileObject source = iris("resource = \"iris.dat\", ", "");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@CsvData on class 'IrisClassifier': the data has no location. Set file to a path"
                + " relative to the project's base directory, or resource to a class path"
                + " resource, such as @CsvData(resource = \"iris.csv\", label = 4).")
        .inFile(source)
        .onLineContaining("@CsvData(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void dataHasOneLocation() {
    JavaFileObject source =
        iris("resource = \"iris.dat\",", "file = \"iris.csv\", resource = \"iris.dat\",");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@CsvData(resource = \"iris.dat\") on class 'IrisClassifier': file = \"iris.csv\" and"
                + " resource are both set, but the data comes from one place. Received:"
                + " resource=\"iris.dat\". Remove file or resource.")
        .inFile(source)
        .onLineContaining("@CsvData(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void labelColumnMustBeGiven() {
    JavaFileObject source = iris(" label = 4,", "");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "the label column is not given. Set label to its 0-based index, such as label = 4, or"
                + " labelColumn to its name in the header row, such as labelColumn = \"species\".")
        .inFile(source)
        .onLineContaining("@CsvData(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void labelColumnIsGivenOnce() {
    JavaFileObject source = iris("label = 4,", "label = 4, labelColumn = \"species\",");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@CsvData(labelColumn = \"species\") on class 'IrisClassifier': label = 4 and"
                + " labelColumn both name the label column. Received: labelColumn=\"species\"."
                + " Remove one of them.")
        .inFile(source)
        .onLineContaining("labelColumn = \"species\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void labelIndexIsNotNegative() {
    JavaFileObject source = iris("label = 4,", "label = -2,");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "label is the label column's 0-based index, so it is 0 or more. Received: label=-2.")
        .inFile(source)
        .onLineContaining("label = -2");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void labelColumnImpliesAHeaderRow() {
    Compilation compilation =
        compile(iris("label = 4,", "labelColumn = \"species\", header = false,"));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void classesAreAtLeastTwo() {
    JavaFileObject source = iris("classes = 3", "classes = 1");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@CsvData(classes = 1) on class 'IrisClassifier': classes is the number of classes of"
                + " a classifier, at least 2, or 0 to infer it from the data. Received: classes=1."
                + " Set classes to the number of classes, such as 3, or remove it.")
        .inFile(source)
        .onLineContaining("classes = 1");
    // The output layer's 3 units are not compared with a class count that is itself wrong.
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void delimiterIsNotALineBreak() {
    JavaFileObject source = iris("classes = 3,", "classes = 3, delimiter = '\\n',");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "rows are lines, so a line break cannot separate fields. Received:"
                + " delimiter='\\u000a'.")
        .inFile(source)
        .onLineContaining("delimiter = '\\n'");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void testFractionIsBetweenZeroAndOne() {
    JavaFileObject source = iris("test = 0.2", "test = 0");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Split(test = 0.0) on class 'IrisClassifier': test is the fraction of rows held out"
                + " for the final test, in (0, 1). Received: test=0.0. Set a fraction such as 0.2,"
                + " to test on 20% of the rows.")
        .inFile(source)
        .onLineContaining("test = 0,");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void validationFractionIsBelowOne() {
    JavaFileObject source = iris("validation = 0.2", "validation = 1");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "validation is the fraction of rows held out to validate during training, in [0, 1),"
                + " where 0 means none. Received: validation=1.0.")
        .inFile(source)
        .onLineContaining("validation = 1");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void splitLeavesRowsToTrainOn() {
    // 0.7 + 0.3 is exactly 1 as decimals, though not as doubles.
    JavaFileObject source = iris("test = 0.2, validation = 0.2", "test = 0.7, validation = 0.3");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Split(validation = 0.3) on class 'IrisClassifier': test = 0.7 and validation together"
                + " hold out every row, leaving none to train on. Received: validation=0.3. Lower"
                + " them so that they add up to less than 1, such as test = 0.2 and validation ="
                + " 0.2.")
        .inFile(source)
        .onLineContaining("validation = 0.3");
    assertThat(compilation).hadErrorCount(1);
  }
}
