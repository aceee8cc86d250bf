package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.Loss;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.naming.Nearest;
import dev.deepbuild.processor.model.GraphDescription.InputDescription;
import dev.deepbuild.processor.model.Shape;
import dev.deepbuild.processor.model.VectorizationDescription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a functional model's inputs and outputs read, by kind of data: a built-in dataset's named
 * fields, a table's columns, the fields of the user's text file, a provider's arrays, or the
 * images and labels of image data ({@link BuiltinDataset#IMAGE_FIELD},
 * {@link BuiltinDataset#LABEL_FIELD}). Each kind
 * checks the {@code @Input} and {@code @Output} values it takes and reports those it does not, on
 * the value at fault, with the fix.
 */
abstract sealed class GraphData {

  final ErrorReporter errors;

  private GraphData(ErrorReporter errors) {
    this.errors = errors;
  }

  /**
   * The data's reading of a graph, or empty, after an error on the data, for data that has no
   * fields a functional model can read.
   *
   * @param image the image the network takes from image data (after {@code @Resizing}); empty
   *     for other data, or after an error of the data's own
   */
  static Optional<GraphData> of(DeclaredData data, Optional<Shape.Image> image,
      ErrorReporter errors) {
    return switch (data.kind()) {
      case DATASET -> {
        BuiltinDataset dataset = data.dataset().orElseThrow();
        if (!dataset.imageFields().isEmpty()) {
          yield Optional.of(new Pictures(errors, dataset.toString(), image, data.classes(),
              data.classesStated()));
        }
        if (dataset.textFields().isEmpty()) {
          errors.error(
              data.site(),
              "a functional model's @Inputs read the named fields of a dataset, and " + dataset
                  + " has none that DeepBuild can read yet.",
              "Use @Dataset(REUTERS), whose fields are " + BuiltinDataset.REUTERS.textFields()
                  + ", an image dataset such as @Dataset(MNIST), whose fields are "
                  + BuiltinDataset.MNIST.imageFields() + " and "
                  + List.of(BuiltinDataset.LABEL_FIELD) + ", your own @CsvData, @TextData or"
                  + " @ProvidedData, or declare the model without @Input, as a sequential"
                  + " model.");
          yield Optional.empty();
        }
        yield Optional.of(new Fields(errors, dataset));
      }
      case CSV -> Optional.of(new Columns(errors));
      case TEXT -> Optional.of(new FileFields(errors));
      case PROVIDED -> Optional.of(new Arrays(errors));
      case IMAGE -> Optional.of(new Pictures(errors, "@ImageData", image, 0, ""));
    };
  }

  /**
   * The input {@code field} declares, or empty after an error.
   *
   * @param name the field of the data it reads: {@code field}, or the field's name
   * @param vectorization reads the field's {@code @TextVectorization}, for an input of texts
   */
  abstract Optional<InputDescription> input(GraphField field, AnnotationSite input, String name,
      VectorizationValidator vectorization);

  /**
   * The class count of the output predicting {@code name} with {@code loss}, 0 for classes found
   * in the data, or empty after an error.
   */
  abstract OptionalInt output(AnnotationSite output, String name, Loss loss, boolean lossWritten);

  /** Where a message names what the output's classes are, for {@code checkHead}; empty for none. */
  String classesStated(String name, int classes) {
    return "";
  }

  /**
   * Reports a loss that does not fit the output's field: on {@code loss} where the output writes
   * it, else on the {@code @Output}, whose loss is {@code @Train}'s.
   */
  void lossError(AnnotationSite output, boolean lossWritten, String problem, String fix) {
    if (lossWritten) {
      errors.error(output, "loss", problem, fix);
    } else {
      errors.error(output, problem, fix);
    }
  }

  /** Reports each of {@code members} written on {@code input}, which this data does not take. */
  void refuse(AnnotationSite input, String why, String... members) {
    for (String member : members) {
      if (input.isWritten(member)) {
        errors.error(input, member, why, "Remove " + member + ".");
      }
    }
  }

  Optional<VectorizationDescription> needsVectorization(GraphField field, String name,
      VectorizationValidator vectorization) {
    if (field.vectorization().isEmpty()) {
      errors.error(
          field.input().orElseThrow(),
          "the input '" + field.name() + "' reads texts, which need turning into numbers, and"
              + " the field has no @TextVectorization.",
          "Add it to the field, such as `@Input(field = \"" + name + "\")"
              + " @TextVectorization(maxTokens = 10000) Layer " + field.name() + ";`.");
      return Optional.empty();
    }
    return vectorization.values(field.vectorization().get());
  }

  void refuseVectorization(GraphField field, String inputs) {
    field.vectorization().ifPresent(site -> errors.error(
        site,
        "@TextVectorization turns texts into numbers, and " + inputs + " are numbers already.",
        "Remove @TextVectorization."));
  }

  /** A built-in dataset's text fields and label fields. */
  static final class Fields extends GraphData {
    private final BuiltinDataset dataset;

    Fields(ErrorReporter errors, BuiltinDataset dataset) {
      super(errors);
      this.dataset = dataset;
    }

    @Override
    Optional<InputDescription> input(GraphField field, AnnotationSite input, String name,
        VectorizationValidator vectorization) {
      int before = errors.errorCount();
      refuse(input, "columns and width are for tables and provided arrays, and " + dataset
          + "'s inputs read its text fields.", "columns", "width");
      if (!dataset.textFields().contains(name)) {
        errors.error(
            input, "field",
            dataset + " has no text field '" + name + "'.",
            "Read one of " + dataset.textFields() + "."
                + Nearest.didYouMean(name, dataset.textFields()));
        return Optional.empty();
      }
      Optional<VectorizationDescription> vectorized =
          needsVectorization(field, name, vectorization);
      return errors.errorCount() > before ? Optional.empty()
          : vectorized.map(v -> InputDescription.text(field.name(), name, v));
    }

    @Override
    OptionalInt output(AnnotationSite site, String name, Loss loss, boolean lossWritten) {
      Optional<BuiltinDataset.LabelField> label = dataset.labelField(name);
      List<String> labelNames =
          dataset.labelFields().stream().map(BuiltinDataset.LabelField::name).toList();
      if (label.isEmpty()) {
        errors.error(
            site, "field",
            dataset + " has no label field '" + name + "'.",
            "Predict one of " + labelNames + "." + Nearest.didYouMean(name, labelNames));
        return OptionalInt.empty();
      }
      if (label.get().task() != loss.task()) {
        String problem = "'" + name + "' holds " + (label.get().task() == Task.CLASSIFICATION
            ? label.get().classes() + " classes" : "numbers") + ", but " + loss + " makes "
            + (loss.task() == Task.CLASSIFICATION ? "a classifier" : "a regressor")
            + (lossWritten ? "." : " (@Train's loss).");
        String fix = "Set loss = " + (label.get().task() == Task.CLASSIFICATION
            ? (label.get().classes() == 2 ? "BINARY_CROSSENTROPY" : "CATEGORICAL_CROSSENTROPY")
            : "MEAN_SQUARED_ERROR") + " on this @Output.";
        lossError(site, lossWritten, problem, fix);
        return OptionalInt.empty();
      }
      return OptionalInt.of(label.get().classes());
    }

    @Override
    String classesStated(String name, int classes) {
      return "'" + name + "' has " + classes + " classes";
    }
  }

  /**
   * Image data, a built-in image dataset or {@code @ImageData}: every input reads the images, of
   * the data's shape, and every output predicts their classes.
   */
  static final class Pictures extends GraphData {
    private final String data;
    private final Optional<Shape.Image> image;
    private final int classes;
    private final String classesStated;

    /**
     * @param data how messages name the data, such as {@code MNIST}
     * @param classes the classes the data states, 0 for those found in its folders
     * @param classesStated how messages name them, for a positive {@code classes}
     */
    Pictures(ErrorReporter errors, String data, Optional<Shape.Image> image, int classes,
        String classesStated) {
      super(errors);
      this.data = data;
      this.image = image;
      this.classes = classes;
      this.classesStated = classesStated;
    }

    @Override
    Optional<InputDescription> input(GraphField field, AnnotationSite input, String name,
        VectorizationValidator vectorization) {
      int before = errors.errorCount();
      refuse(input, "columns and width are for tables and provided arrays, and " + data
          + "'s inputs read its images, of the data's own size.", "columns", "width");
      refuseVectorization(field, "images");
      List<String> fields = List.of(BuiltinDataset.IMAGE_FIELD);
      if (!fields.contains(name)) {
        errors.error(
            input, "field",
            data + " has no image field '" + name + "': its images are the field '"
                + BuiltinDataset.IMAGE_FIELD + "'.",
            "Set `@Input(field = \"" + BuiltinDataset.IMAGE_FIELD + "\") Layer " + field.name()
                + ";`." + Nearest.didYouMean(name, fields));
      }
      return errors.errorCount() > before || image.isEmpty() ? Optional.empty()
          : Optional.of(InputDescription.image(field.name(), name, image.get()));
    }

    @Override
    OptionalInt output(AnnotationSite site, String name, Loss loss, boolean lossWritten) {
      if (!name.equals(BuiltinDataset.LABEL_FIELD)) {
        errors.error(
            site, "field",
            data + " has no label field '" + name + "': its images' classes are the field '"
                + BuiltinDataset.LABEL_FIELD + "'.",
            "Set `@Output(field = \"" + BuiltinDataset.LABEL_FIELD + "\")`."
                + Nearest.didYouMean(name, List.of(BuiltinDataset.LABEL_FIELD)));
        return OptionalInt.empty();
      }
      if (loss.task() != Task.CLASSIFICATION) {
        lossError(site, lossWritten, "'" + name + "' holds the images' classes, but " + loss
            + " makes a regressor" + (lossWritten ? "." : " (@Train's loss)."),
            "Set loss = CATEGORICAL_CROSSENTROPY, or BINARY_CROSSENTROPY for two classes, on"
                + " this @Output.");
        return OptionalInt.empty();
      }
      return OptionalInt.of(classes);
    }

    @Override
    String classesStated(String name, int classes) {
      return classesStated;
    }
  }

  /** A table's numeric columns, each input a group of them, each output one, by header name. */
  static final class Columns extends GraphData {
    /** Each column an input reads, with the input. */
    private final Map<String, String> readBy = new HashMap<>();

    Columns(ErrorReporter errors) {
      super(errors);
    }

    @Override
    Optional<InputDescription> input(GraphField field, AnnotationSite input, String name,
        VectorizationValidator vectorization) {
      int before = errors.errorCount();
      refuse(input, "a table's inputs read groups of its columns, named by columns.", "field",
          "width");
      refuseVectorization(field, "a table's columns");
      List<String> columns = input.stringValues("columns");
      if (columns.isEmpty()) {
        errors.error(
            input, "columns",
            "the input '" + field.name() + "' reads a group of the table's numeric columns, and"
                + " columns names none.",
            "Name them by header, such as `@Input(columns = {\"sepal_length\", \"sepal_width\"})"
                + " Layer " + field.name() + ";`.");
      }
      for (String column : columns) {
        String other = readBy.putIfAbsent(column, field.name());
        if (column.isBlank()) {
          errors.error(
              input, "columns",
              "a column is named by its header, so it cannot be blank.",
              "Name the column as the header row does, or remove the empty name.");
        } else if (other != null) {
          errors.error(
              input, "columns",
              "the column '" + column + "' is read by " + (other.equals(field.name())
                  ? "this input already" : "the input '" + other + "' already") + ", and each"
                  + " column is one input's.",
              "Remove it from one of them, or merge the inputs' layers with @Concatenate.");
        }
      }
      return errors.errorCount() > before ? Optional.empty()
          : Optional.of(InputDescription.columns(field.name(), columns));
    }

    @Override
    OptionalInt output(AnnotationSite site, String name, Loss loss, boolean lossWritten) {
      String input = readBy.get(name);
      if (input != null) {
        errors.error(
            site, "field",
            "the column '" + name + "' is what this output predicts, and the input '" + input
                + "' reads it, so the model would be given the answer.",
            "Remove '" + name + "' from the columns of '" + input + "', or predict another"
                + " column.");
        return OptionalInt.empty();
      }
      return OptionalInt.of(0);
    }
  }

  /** The text fields and label fields of the user's CSV or JSON file. */
  static final class FileFields extends GraphData {
    FileFields(ErrorReporter errors) {
      super(errors);
    }

    @Override
    Optional<InputDescription> input(GraphField field, AnnotationSite input, String name,
        VectorizationValidator vectorization) {
      int before = errors.errorCount();
      refuse(input, "columns and width are for tables and provided arrays, and @TextData's"
          + " inputs read its text fields, named by field.", "columns", "width");
      Optional<VectorizationDescription> vectorized =
          needsVectorization(field, name, vectorization);
      return errors.errorCount() > before ? Optional.empty()
          : vectorized.map(v -> InputDescription.text(field.name(), name, v));
    }

    @Override
    OptionalInt output(AnnotationSite site, String name, Loss loss, boolean lossWritten) {
      if (loss.task() != Task.CLASSIFICATION) {
        String problem = "@TextData labels each text with classes, so '" + name + "' holds"
            + " classes, but " + loss + " makes a regressor" + (lossWritten ? "."
                : " (@Train's loss).");
        String fix = "Set loss = CATEGORICAL_CROSSENTROPY, or BINARY_CROSSENTROPY for two"
            + " classes, on this @Output.";
        lossError(site, lossWritten, problem, fix);
        return OptionalInt.empty();
      }
      return OptionalInt.of(0);
    }
  }

  /** A provider's arrays: a features array per input, of its declared width. */
  static final class Arrays extends GraphData {
    Arrays(ErrorReporter errors) {
      super(errors);
    }

    @Override
    Optional<InputDescription> input(GraphField field, AnnotationSite input, String name,
        VectorizationValidator vectorization) {
      int before = errors.errorCount();
      refuse(input, "a provider's inputs are its features arrays, in declaration order, so"
          + " they name no field or columns.", "field", "columns");
      refuseVectorization(field, "a provider's arrays");
      int width = input.intValue("width");
      if (width < 1) {
        errors.error(
            input, "width",
            "the input '" + field.name() + "' is one of the provider's features arrays, whose"
                + " width the network declares, and width is " + width + ".",
            "Set width to its number of features, such as `@Input(width = 4) Layer "
                + field.name() + ";`.");
      }
      return errors.errorCount() > before ? Optional.empty()
          : Optional.of(InputDescription.array(field.name(), width));
    }

    @Override
    OptionalInt output(AnnotationSite site, String name, Loss loss, boolean lossWritten) {
      return OptionalInt.of(0);
    }
  }
}
