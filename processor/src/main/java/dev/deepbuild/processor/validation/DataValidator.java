package dev.deepbuild.processor.validation;

import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.DataSource;
import dev.deepbuild.processor.model.LabelColumn;
import java.math.BigDecimal;
import java.util.Optional;

/** Checks {@code @CsvData} and its {@code @Split}. */
final class DataValidator {

  private final ErrorReporter errors;

  DataValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  Optional<DataDescription> validate(AnnotationSite data) {
    int before = errors.errorCount();
    String file = data.stringValue("file");
    String resource = data.stringValue("resource");
    if (file.isEmpty() && resource.isEmpty()) {
      errors.error(
          data,
          "the data has no location.",
          "Set file to a path relative to the project's base directory, or resource to a class"
              + " path resource, such as @CsvData(resource = \"iris.csv\", label = 4).");
    } else if (!file.isEmpty() && !resource.isEmpty()) {
      errors.error(
          data, "resource",
          "file = \"" + file + "\" and resource are both set, but the data comes from one place.",
          "Remove file or resource.");
    }

    int label = data.intValue("label");
    String labelColumn = data.stringValue("labelColumn");
    if (label < -1) {
      errors.error(
          data, "label", "label is the label column's 0-based index, so it is 0 or more.",
          "Set label to the column's index, such as 4, or name the column with labelColumn.");
    } else if (label == -1 && labelColumn.isEmpty()) {
      errors.error(
          data,
          "the label column is not given.",
          "Set label to its 0-based index, such as label = 4, or labelColumn to its name in the"
              + " header row, such as labelColumn = \"species\".");
    } else if (label >= 0 && !labelColumn.isEmpty()) {
      errors.error(
          data, "labelColumn",
          "label = " + label + " and labelColumn both name the label column.",
          "Remove one of them.");
    }

    int classes = data.intValue("classes");
    if (classes < 0 || classes == 1) {
      errors.error(
          data, "classes",
          "classes is the number of classes of a classifier, at least 2, or 0 to infer it from"
              + " the data.",
          "Set classes to the number of classes, such as 3, or remove it.");
    }

    char delimiter = data.charValue("delimiter");
    if (delimiter == '\n' || delimiter == '\r') {
      errors.error(
          data, "delimiter", "rows are lines, so a line break cannot separate fields.",
          "Set the character between the fields of a row, such as ',' or ';'.");
    }

    AnnotationSite split = data.annotationValue("split");
    double test = split.doubleValue("test");
    double validation = split.doubleValue("validation");
    boolean testValid = test > 0 && test < 1;
    if (!testValid) {
      errors.error(
          split, "test", "test is the fraction of rows held out for the final test, in (0, 1).",
          "Set a fraction such as 0.2, to test on 20% of the rows.");
    }
    if (!(validation >= 0 && validation < 1)) {
      errors.error(
          split, "validation",
          "validation is the fraction of rows held out to validate during training, in [0, 1),"
              + " where 0 means none.",
          "Set a fraction such as 0.2, or 0 for no validation.");
    } else if (testValid && holdsOutEveryRow(test, validation)) {
      errors.error(
          split, "validation",
          "test = " + test + " and validation together hold out every row, leaving none to train"
              + " on.",
          "Lower them so that they add up to less than 1, such as test = 0.2 and validation ="
              + " 0.2.");
    }

    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    DataSource source =
        file.isEmpty()
            ? new DataSource(DataSource.Kind.RESOURCE, resource)
            : new DataSource(DataSource.Kind.FILE, file);
    LabelColumn labelOf =
        labelColumn.isEmpty() ? new LabelColumn.Index(label) : new LabelColumn.Named(labelColumn);
    boolean header = data.booleanValue("header") || !labelColumn.isEmpty();
    return Optional.of(
        new DataDescription(source, labelOf, header, delimiter, classes, test, validation));
  }

  /** Whether the fractions add up to 1 or more, as written: 0.7 + 0.3 is 1, unlike as doubles. */
  private static boolean holdsOutEveryRow(double test, double validation) {
    BigDecimal heldOut = BigDecimal.valueOf(test).add(BigDecimal.valueOf(validation));
    return heldOut.compareTo(BigDecimal.ONE) >= 0;
  }
}
