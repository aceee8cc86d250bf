package dev.deepbuild.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelEncoderTest {

  @Test
  void numericClassesAreOrderedByValueAndEqualNumbersShareAClass() {
    EncodedLabels labels = LabelEncoder.classes("m", Tables.withLabels("10", "2", "1", "1.0", "2"), 1, 0, 3);
    assertEquals(List.of("1", "2", "10"), labels.classNames());
    assertArrayEquals(new int[] {2, 1, 0, 0, 1}, labels.strata());
    assertArrayEquals(new double[] {0, 0, 1}, labels.values()[0]);
    assertArrayEquals(new double[] {1, 0, 0}, labels.values()[3]);
  }

  @Test
  void textClassesAreOrderedAsStrings() {
    EncodedLabels labels = LabelEncoder.classes("m",
        Tables.withLabels("versicolor", "setosa", "virginica", "setosa", "10"), 1, 0, 4);
    assertEquals(List.of("10", "setosa", "versicolor", "virginica"), labels.classNames());
    assertArrayEquals(new int[] {2, 1, 3, 1, 0}, labels.strata());
    assertArrayEquals(new double[] {0, 0, 1, 0}, labels.values()[0]);
  }

  @Test
  void oneOutputUnitIsBinaryWithTheSecondClassAsOne() {
    EncodedLabels labels = LabelEncoder.classes("m", Tables.withLabels("yes", "no", "yes"), 1, 0, 1);
    assertEquals(List.of("no", "yes"), labels.classNames());
    assertArrayEquals(new double[][] {{1}, {0}, {1}}, labels.values());
  }

  @Test
  void classCountMustMatchTheOutputLayer() {
    String message = assertThrows(InvalidInputException.class, () -> LabelEncoder.classes("iris",
        Tables.withLabels("0", "1", "2", "3"), 1, 0, 3)).getMessage();
    assertEquals("iris: the data has 4 classes (0, 1, 2, 3) but the output layer has 3 units; set units"
        + " = 4 on the last layer or check that @CsvData(label = ...) points at"
        + " the column that holds the classes.", message);

    String fewer = assertThrows(InvalidInputException.class, () -> LabelEncoder.classes("iris",
        Tables.withLabels("a", "b"), 1, 0, 3)).getMessage();
    assertEquals("iris: the data has 2 classes (a, b) but the output layer has 3 units; set units = 2"
        + " on the last layer or @CsvData(classes = 3) if the data lacks some classes.", fewer);
  }

  @Test
  void binaryNeedsExactlyTwoClasses() {
    String message = assertThrows(InvalidInputException.class, () -> LabelEncoder.classes("m",
        Tables.withLabels("a", "b", "c"), 1, 0, 1)).getMessage();
    assertEquals("m: the output layer has 1 unit, which is a binary classifier of exactly 2 classes, but"
        + " the data has 3 classes (a, b, c); set units = 3 with SOFTMAX and CATEGORICAL_CROSSENTROPY on"
        + " the last layer, or check that @CsvData(label = ...) points at"
        + " the column that holds the classes.", message);
  }

  @Test
  void oneClassIsNoClassifier() {
    String message = assertThrows(InvalidInputException.class, () -> LabelEncoder.classes("m",
        Tables.withLabels("a", "a"), 1, 0, 1)).getMessage();
    assertEquals("m: the data has 1 class (a), and a classifier needs at least 2; check that"
        + " @CsvData(label = ...) points at the column that holds the classes.", message);
    // Declared as binary, one class present is enough to train on.
    assertArrayEquals(new double[][] {{0}, {0}},
        LabelEncoder.classes("m", Tables.withLabels("a", "a"), 1, 2, 1).values());
  }

  @Test
  void declaredClassesBoundTheDataAndMayExceedIt() {
    String message = assertThrows(InvalidInputException.class, () -> LabelEncoder.classes("m",
        Tables.withLabels("a", "b", "c"), 1, 2, 2)).getMessage();
    assertEquals("m: the data has 3 classes (a, b, c) but @CsvData(classes = 2) allows 2. The rarest"
        + " class, \"c\" (1 row), is first at file labels.csv line 3, column index 1. Fix those labels, set"
        + " classes = 3 (and units = 3 on the last layer), or check that @CsvData(label = ...) points"
        + " at the column that holds the classes.", message);
    EncodedLabels labels = LabelEncoder.classes("m", Tables.withLabels("a", "b"), 1, 3, 3);
    assertArrayEquals(new double[] {0, 1, 0}, labels.values()[1]);
  }

  @Test
  void aLabelPastTheDeclaredClassesNamesItsFileAndLine() {
    CsvTable table = Tables.withLabels("0", "1", "2", "3", "1", "0", "2");
    String message = assertThrows(InvalidInputException.class,
        () -> LabelEncoder.classes("iris", table, 1, 3, 3)).getMessage();
    assertEquals("iris: the data has 4 classes (0, 1, 2, 3) but @CsvData(classes = 3) allows 3. The"
        + " rarest class, \"3\" (1 row), is first at file labels.csv line 4, column index 1. Fix those"
        + " labels, set classes = 4 (and units = 4 on the last layer), or check that @CsvData(label ="
        + " ...) points at the column that holds the classes.", message);
    // Texts have no file and line to name.
    assertEquals("m: the data has 3 classes (a, b, c) but @CsvData(classes = 2) allows 2. Fix the stray"
        + " labels, set classes = 3 (and units = 3 on the last layer), or check that the samples are"
        + " labelled with their classes.", assertThrows(InvalidInputException.class,
            () -> LabelEncoder.classes("m", List.of("a", "b", "c"), 2, 2)).getMessage());
  }

  @Test
  void aLabelNamedByHeaderIsNamedSoInFixes() {
    CsvTable table = new CsvTable(CsvSource.file("houses.csv").labelColumn("price"),
        List.of("rooms", "price"), List.of(new CsvTable.Row(2, List.of("3", "cheap"))));
    assertEquals("m: file houses.csv line 2, column index 1 (price): \"cheap\" is not a finite number."
        + " A regression label must be a number: fix the value, or point @CsvData(labelColumn = ...)"
        + " at the target column.", assertThrows(InvalidInputException.class,
            () -> LabelEncoder.numbers("m", table, 1, 1)).getMessage());
    assertEquals("m: the data has 1 class (cheap), and a classifier needs at least 2; check that"
        + " @CsvData(labelColumn = ...) points at the column that holds the classes.",
        assertThrows(InvalidInputException.class,
            () -> LabelEncoder.classes("m", table, 1, 0, 1)).getMessage());
  }

  @Test
  void manyClassesAreAbbreviated() {
    String[] values = new String[150];
    for (int i = 0; i < values.length; i++) {
      values[i] = Integer.toString(i);
    }
    String message = assertThrows(InvalidInputException.class,
        () -> LabelEncoder.classes("m", Tables.withLabels(values), 1, 0, 3)).getMessage();
    assertEquals("m: the data has 150 classes (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... (150 in all)) but the"
        + " output layer has 3 units; set units = 150 on the last layer or check that @CsvData(label"
        + " = ...) points at the column that holds the classes.", message);
  }

  @Test
  void regressionLabelsAreNumbersForOneOutput() {
    EncodedLabels labels = LabelEncoder.numbers("m", Tables.withLabels("1.5", "-2"), 1, 1);
    assertArrayEquals(new double[][] {{1.5}, {-2}}, labels.values());
    assertArrayEquals(new int[] {0, 0}, labels.strata());
    assertEquals(List.of(), labels.classNames());

    String text = assertThrows(InvalidInputException.class,
        () -> LabelEncoder.numbers("m", Tables.withLabels("1.5", "cheap"), 1, 1)).getMessage();
    assertEquals("m: file labels.csv line 2, column index 1: \"cheap\" is not a finite number. A"
        + " regression label must be a number: fix the value, or point @CsvData(label = ...) at the"
        + " target column.", text);
    String units = assertThrows(InvalidInputException.class,
        () -> LabelEncoder.numbers("m", Tables.withLabels("1"), 1, 2)).getMessage();
    assertEquals("m: the output layer has 2 units, but a regression model predicts the one label column;"
        + " set units = 1 on the last layer.", units);
  }
}
