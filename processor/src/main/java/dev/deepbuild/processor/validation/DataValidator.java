package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.SubsetProblem;
import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.DataDescription.Texts;
import dev.deepbuild.processor.model.DataSource;
import dev.deepbuild.processor.model.LabelColumn;
import dev.deepbuild.processor.model.SplitDescription;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a data annotation's own values: {@code @CsvData}, {@code @Dataset}, {@code @TextData},
 * {@code @ProvidedData} or {@code @ImageData}, as a sequential or a functional model reads it.
 */
final class DataValidator {

  private final ErrorReporter errors;
  private final SplitValidator splits;
  private final ProviderValidator provider;

  DataValidator(ErrorReporter errors, Elements elements, Types types) {
    this.errors = errors;
    this.splits = new SplitValidator(errors);
    this.provider = new ProviderValidator(errors, elements, types);
  }

  /** @param functional whether the model names its inputs and outputs, which name the fields */
  Optional<DataDescription> validate(DeclaredData data, boolean functional) {
    return switch (data.kind()) {
      case CSV -> functional ? functionalCsv(data.site()) : csv(data.site(), false);
      case DATASET -> dataset(data.site(), functional);
      case TEXT -> text(data.site(), functional);
      case PROVIDED -> functional ? provider.validate(data.site()) : sequentialProvided(data.site());
      case IMAGE -> images(data.site());
    };
  }

  private Optional<DataDescription> sequentialProvided(AnnotationSite data) {
    errors.error(
        data,
        "@ProvidedData gives a features array per @Input and a labels array per @Output, and"
            + " this model declares no @Input.",
        "Declare the model's inputs with @Input(width = ...) fields and its outputs with @Output,"
            + " or read a table with @CsvData.");
    return Optional.empty();
  }

  /**
   * A table whose columns a functional model's inputs and outputs name in its header row, so it
   * has one and names no label column of its own.
   */
  private Optional<DataDescription> functionalCsv(AnnotationSite data) {
    int before = errors.errorCount();
    for (String member : new String[] {"label", "labelColumn"}) {
      if (data.isWritten(member)) {
        errors.error(
            data, member,
            "a functional model's @Outputs name the columns they predict, so @CsvData names no"
                + " label column.",
            "Remove " + member + ", and name the column on its output, such as"
                + " @Output(field = \"species\").");
      }
    }
    if (!data.booleanValue("header")) {
      String problem = "a functional model's @Inputs and @Outputs name their columns in the"
          + " header row, and @CsvData reads the first row as a sample (header = false).";
      String fix = "Set header = true, with a first row naming the columns.";
      if (data.isWritten("header")) {
        errors.error(data, "header", problem, fix);
      } else {
        errors.error(data, problem, fix);
      }
    }
    if (data.isWritten("classes")) {
      errors.error(
          data, "classes",
          "each @Output of a functional model has its own classes, those found in its column,"
              + " and classes would count one model's.",
          "Remove classes; each classifying output's layer has a unit per class.");
    }
    Optional<DataDescription> table = csv(data, true);
    return errors.errorCount() > before ? Optional.empty() : table;
  }

  /** @param functional whether the outputs name the label columns, which {@link #functionalCsv} checks */
  private Optional<DataDescription> csv(AnnotationSite data, boolean functional) {
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
    if (!functional) {
      // A functional model's outputs name their columns instead.
      checkLabel(data, label, labelColumn);
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

    Optional<SplitDescription> split = splits.validate(data.annotationValue("split"), "rows");
    Optional<DataSource> validationTable = validationTable(data);

    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    DataSource source =
        file.isEmpty()
            ? new DataSource(DataSource.Kind.RESOURCE, resource)
            : new DataSource(DataSource.Kind.FILE, file);
    LabelColumn labelOf = functional ? new LabelColumn.PerOutput()
        : labelColumn.isEmpty() ? new LabelColumn.Index(label) : new LabelColumn.Named(labelColumn);
    boolean header = data.booleanValue("header") || !labelColumn.isEmpty();
    // With a validation table of its own, the table's rows are split into training and test only.
    SplitDescription rows = validationTable.isPresent()
        ? new SplitDescription(split.orElseThrow().test(), 0)
        : split.orElseThrow();
    return Optional.of(
        new DataDescription.CsvTable(
            source, labelOf, header, delimiter, classes, rows, validationTable));
  }

  /** Exactly one of {@code label} and {@code labelColumn}, an index of 0 or more. */
  private void checkLabel(AnnotationSite data, int label, String labelColumn) {
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
  }

  /**
   * {@code validationFile} or {@code validationResource}: at most one, and not beside a written
   * hold-out validation fraction, which it replaces.
   */
  private Optional<DataSource> validationTable(AnnotationSite data) {
    String file = data.stringValue("validationFile");
    String resource = data.stringValue("validationResource");
    if (file.isEmpty() && resource.isEmpty()) {
      return Optional.empty();
    }
    if (!file.isEmpty() && !resource.isEmpty()) {
      errors.error(
          data, "validationResource",
          "validationFile = \"" + file + "\" and validationResource are both set, but the"
              + " validation data comes from one place.",
          "Remove validationFile or validationResource.");
      return Optional.empty();
    }
    AnnotationSite split = data.annotationValue("split");
    if (data.isWritten("split") && split.isWritten("validation") && split.doubleValue("validation") > 0) {
      errors.error(
          split, "validation",
          "the model validates on its own table (" + (file.isEmpty() ? "validationResource" : "validationFile")
              + "), so no rows are held out for validation.",
          "Remove validation from the split, or remove the validation table to hold out rows.");
    }
    return Optional.of(file.isEmpty()
        ? new DataSource(DataSource.Kind.RESOURCE, resource)
        : new DataSource(DataSource.Kind.FILE, file));
  }

  /** @param functional whether the model names its inputs and outputs, which no subset fits */
  private Optional<DataDescription> dataset(AnnotationSite data, boolean functional) {
    BuiltinDataset dataset = data.enumValue("value", BuiltinDataset.class);
    double validation = data.doubleValue("validation");
    if (!(validation >= 0 && validation < 1)) {
      errors.error(
          data, "validation",
          "validation is the fraction of " + dataset + "'s training split held out to validate"
              + " during training, in [0, 1), where 0 means none.",
          "Set a fraction such as 0.2, or 0 for no validation.");
      return Optional.empty();
    }
    int[] classes = data.intValues("classes");
    int trainingSamples = data.intValue("trainingSamples");
    for (SubsetProblem problem : SubsetProblem.of(dataset, classes, trainingSamples, functional)) {
      reportSubset(data, problem, dataset, classes, trainingSamples);
    }
    // A wrong subset still describes the data, so the layers' shapes are checked against it; the
    // error keeps the class from being generated.
    return Optional.of(new DataDescription.Builtin(dataset, validation,
        Arrays.stream(classes).boxed().toList(), trainingSamples));
  }

  /** A problem of {@code @Dataset}'s {@code classes} or {@code trainingSamples}, where written. */
  private void reportSubset(AnnotationSite data, SubsetProblem problem, BuiltinDataset dataset,
      int[] classes, int trainingSamples) {
    String written = data.isWritten("classes") ? "classes" : "trainingSamples";
    String range = "0 to " + (dataset.classes() - 1);
    switch (problem) {
      case NOT_CLASSIFICATION -> errors.error(data, written,
          dataset + " is a regression dataset, which has no classes to keep or sample by.",
          "Remove classes and trainingSamples.");
      case NAMED_FIELDS -> errors.error(data, written,
          "a functional model's @Outputs each predict a field of " + dataset + " with classes of"
              + " its own, so @Dataset keeps all of its samples.",
          "Remove classes and trainingSamples, or declare the model without @Input and @Output.");
      case CLASS_OUT_OF_RANGE -> errors.error(data, "classes",
          "classes lists " + outside(classes, dataset.classes()) + ", but " + dataset
              + "'s class indices are " + range + ".",
          "Keep only indices from " + range + ", such as classes = {0, 1}.");
      case REPEATED_CLASS -> errors.error(data, "classes",
          "classes lists " + repeated(classes) + " more than once, but each kept class is one"
              + " label.",
          "List each class index once.");
      case TOO_FEW_CLASSES -> errors.error(data, "classes",
          "classes keeps one class, and a classifier tells at least 2 apart.",
          "List at least 2 of " + dataset + "'s class indices (" + range + "), or remove classes"
              + " to keep them all.");
      case NEGATIVE_SAMPLES -> errors.error(data, "trainingSamples",
          "trainingSamples is the number of training samples kept, so it cannot be negative.",
          "Set a count such as 500, or 0 to train on the whole training split.");
      case SAMPLES_BELOW_CLASSES -> {
        int kept = SubsetProblem.keptClasses(dataset, classes);
        errors.error(data, "trainingSamples",
            "trainingSamples = " + trainingSamples + " is fewer than the " + kept + " classes kept,"
                + " so some class would have no training sample.",
            "Set trainingSamples to at least " + kept + ", such as " + kept * 100 + ".");
      }
    }
  }

  /** The listed indices outside {@code 0 .. count - 1}, such as {@code 10} or {@code -1, 12}. */
  private static String outside(int[] classes, int count) {
    return Arrays.stream(classes).filter(index -> index < 0 || index >= count)
        .mapToObj(String::valueOf).collect(Collectors.joining(", "));
  }

  /** The first index listed twice. */
  private static int repeated(int[] classes) {
    Set<Integer> seen = new HashSet<>();
    return Arrays.stream(classes).filter(index -> !seen.add(index)).findFirst().orElseThrow();
  }

  private Optional<DataDescription> text(AnnotationSite data, boolean functional) {
    int before = errors.errorCount();
    if (functional) {
      checkFunctionalText(data);
    }
    String folder = data.stringValue("folder");
    String file = data.stringValue("file");
    if (folder.isEmpty() && file.isEmpty()) {
      errors.error(
          data,
          "the texts have no location.",
          "Set folder to a folder with a sub-folder per class, such as @TextData(folder ="
              + " \"data/reviews\"), or file to a CSV or JSON file, such as @TextData(file ="
              + " \"reviews.csv\").");
    } else if (!folder.isEmpty() && !file.isEmpty()) {
      errors.error(
          data, "file",
          "folder = \"" + folder + "\" and file are both set, but the texts come from one place.",
          "Remove folder or file.");
    } else if (!file.isEmpty() && !file.endsWith(".csv") && !file.endsWith(".json")) {
      errors.error(
          data, "file",
          "a file of texts is read by its extension, as CSV with a header row or as a JSON"
              + " array of objects, and this one ends with neither .csv nor .json.",
          "Name a .csv or .json file, or for one text per file set folder to a folder with a"
              + " sub-folder per class.");
    }

    String textField = data.stringValue("textField");
    String labelField = data.stringValue("labelField");
    if (!folder.isEmpty() && file.isEmpty()) {
      for (String field : new String[] {"textField", "labelField"}) {
        if (data.isWritten(field)) {
          errors.error(
              data, field,
              "in a folder each file is one text and its sub-folder names the class, so " + field
                  + " applies to a file only.",
              "Remove " + field + ", or set file instead of folder.");
        }
      }
    } else {
      checkField(data, "textField", textField, "the text", Texts.TEXT_FIELD);
      checkField(data, "labelField", labelField, "the class", Texts.LABEL_FIELD);
      if (!textField.isBlank() && textField.equals(labelField)) {
        errors.error(
            data, "labelField",
            "textField names the same field, but the text and its class are two fields.",
            "Set labelField to the field holding the class, such as \"" + Texts.LABEL_FIELD
                + "\".");
      }
    }

    Optional<SplitDescription> split = splits.validate(data.annotationValue("split"), "texts");

    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    Texts.Layout layout = folder.isEmpty() ? Texts.Layout.FILE : Texts.Layout.FOLDER;
    return Optional.of(
        new Texts(
            layout, folder.isEmpty() ? file : folder, textField, labelField,
            split.orElseThrow()));
  }

  /** A functional model reads named fields of one file, which its inputs and outputs name. */
  private void checkFunctionalText(AnnotationSite data) {
    if (!data.stringValue("folder").isEmpty()) {
      errors.error(
          data, "folder",
          "a functional model's @Inputs and @Outputs read named fields of a file, and a folder of"
              + " class folders has none.",
          "Set file to a .csv or .json file with the fields they name, such as @TextData(file ="
              + " \"tickets.csv\").");
    }
    for (String member : new String[] {"textField", "labelField"}) {
      if (data.isWritten(member)) {
        errors.error(
            data, member,
            "a functional model's @Inputs and @Outputs name the fields they read, so " + member
                + " names none.",
            "Remove " + member + ", and name the field on the input or output, such as"
                + " @Input(field = \"title\").");
      }
    }
  }

  private void checkField(
      AnnotationSite data, String member, String value, String holds, String defaultName) {
    if (value.isBlank()) {
      errors.error(
          data, member,
          member + " names the field that holds " + holds + ", so it cannot be blank.",
          "Set it to that field's name in the header row or the JSON objects, or remove it for"
              + " the default, \"" + defaultName + "\".");
    }
  }

  /** {@code @ImageData}: a folder, a size of at least 1x1, 1 or 3 channels, and its split. */
  private Optional<DataDescription> images(AnnotationSite data) {
    int before = errors.errorCount();
    String directory = data.stringValue("directory");
    if (directory.isBlank()) {
      errors.error(
          data, "directory",
          "directory is the folder with a sub-folder of images per class, so it cannot be blank.",
          "Set it to a path relative to the project's base directory, such as directory ="
              + " \"data/pets\".");
    }
    for (String member : new String[] {"height", "width"}) {
      if (data.intValue(member) < 1) {
        errors.error(
            data, member,
            member + " is the " + member + " every image is resized to, in pixels, at least 1.",
            "Set it, such as height = 180, width = 180.");
      }
    }
    int channels = data.intValue("channels");
    if (channels != 1 && channels != 3) {
      errors.error(
          data, "channels",
          "images are read as RGB (3 channels) or grayscale (1).",
          "Set channels = 3 for colour or 1 for grayscale.");
    }
    Optional<SplitDescription> split = splits.validate(data.annotationValue("split"), "images");
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new DataDescription.Images(directory, data.intValue("height"),
        data.intValue("width"), channels, split.orElseThrow()));
  }
}
