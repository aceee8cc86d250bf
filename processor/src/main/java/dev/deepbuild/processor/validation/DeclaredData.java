package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.CsvData;
import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.ImageData;
import dev.deepbuild.annotations.ProvidedData;
import dev.deepbuild.annotations.SubsetProblem;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.annotations.TextData;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * A data annotation of a model class ({@code @CsvData}, {@code @Dataset}, {@code @TextData},
 * {@code @ProvidedData} or {@code @ImageData}), as
 * the checks that relate the data to other parts read it: its task, class count, whether it is
 * text, and its validation fraction. Its own values are checked by {@link DataValidator}; these
 * reads do not depend on them being valid.
 */
record DeclaredData(AnnotationSite site, Kind kind) {

  enum Kind {
    CSV(CsvData.class),
    DATASET(Dataset.class),
    TEXT(TextData.class),
    PROVIDED(ProvidedData.class),
    IMAGE(ImageData.class);

    private final Class<? extends Annotation> annotation;

    Kind(Class<? extends Annotation> annotation) {
      this.annotation = annotation;
    }
  }

  /** The class's data annotations in source order; a model has exactly one. */
  static List<DeclaredData> in(TypeElement type) {
    List<DeclaredData> data = new ArrayList<>();
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      for (Kind kind : Kind.values()) {
        if (AnnotationSite.isOfType(mirror, kind.annotation)) {
          data.add(new DeclaredData(new AnnotationSite(type, mirror), kind));
        }
      }
    }
    return data;
  }

  /** The built-in dataset of a {@code @Dataset}. */
  Optional<BuiltinDataset> dataset() {
    return kind == Kind.DATASET
        ? Optional.of(site.enumValue("value", BuiltinDataset.class))
        : Optional.empty();
  }

  /**
   * Whether samples are images, which {@code @Resizing}, {@code @Rescaling} and
   * {@code @Augmentation} prepare.
   */
  boolean images() {
    return switch (kind) {
      case CSV, PROVIDED, TEXT -> false;
      case DATASET -> dataset().orElseThrow().imageShape().isPresent();
      case IMAGE -> true;
    };
  }

  /** Whether samples are texts, which need {@code @TextVectorization}. */
  boolean text() {
    return switch (kind) {
      case CSV, PROVIDED, IMAGE -> false;
      case DATASET -> dataset().orElseThrow().text();
      case TEXT -> true;
    };
  }

  /** The task the data decides, if it does; a CSV table's is the loss's to decide. */
  Optional<Task> task() {
    return switch (kind) {
      case CSV, PROVIDED -> Optional.empty();
      case DATASET -> Optional.of(dataset().orElseThrow().task());
      case TEXT, IMAGE -> Optional.of(Task.CLASSIFICATION);
    };
  }

  /** The class count the data states: a table's declared classes, a dataset's; 0 when unknown. */
  int classes() {
    return switch (kind) {
      case CSV -> site.intValue("classes");
      case DATASET -> SubsetProblem.keptClasses(dataset().orElseThrow(), site.intValues("classes"));
      case TEXT, PROVIDED, IMAGE -> 0;
    };
  }

  /**
   * How messages name the data's class count, such as {@code REUTERS has 46 topics} or
   * {@code @CsvData declares classes = 3}, {@code @Dataset keeps 5 of MNIST's 10 classes}; only
   * for a positive {@link #classes()}.
   */
  String classesStated() {
    return switch (kind) {
      case CSV -> "@CsvData declares classes = " + classes();
      case DATASET -> site.intValues("classes").length == 0
          ? dataset().orElseThrow() + " has " + classCount()
          : "@Dataset keeps " + classes() + " of " + dataset().orElseThrow() + "'s "
              + classCount();
      case TEXT, PROVIDED, IMAGE ->
          throw new IllegalStateException(kind + " states no class count");
    };
  }

  /**
   * A built-in classification dataset's class count as it names its classes, such as
   * {@code 46 topics} for Reuters newswires.
   */
  String classCount() {
    BuiltinDataset dataset = dataset().orElseThrow();
    String noun = switch (dataset) {
      case REUTERS -> "topics";
      case IMDB, BOSTON_HOUSING, MNIST, FASHION_MNIST, CATS_VS_DOGS -> "classes";
    };
    return dataset.classes() + " " + noun;
  }

  /**
   * Where the validation fraction is written: a {@code @Dataset}'s own {@code validation}, or
   * that of the {@code @Split} of a table or texts.
   */
  AnnotationSite validationSite() {
    return kind == Kind.DATASET ? site : site.annotationValue("split");
  }

  /** The fraction held out for validation; 0 for none. */
  double validationFraction() {
    return validationSite().doubleValue("validation");
  }

  /** Whether a {@code @CsvData} names a validation table of its own. */
  boolean hasValidationTable() {
    return kind == Kind.CSV && (!site.stringValue("validationFile").isEmpty()
        || !site.stringValue("validationResource").isEmpty());
  }

  /** Whether the model has validation data: held-out rows or a validation table of its own. */
  boolean hasValidationData() {
    return validationFraction() > 0 || hasValidationTable();
  }

  /**
   * Why a model has no validation data, for messages: {@code @Dataset has validation = 0} or
   * {@code @CsvData's split has validation = 0}.
   */
  String noValidation() {
    return kind == Kind.DATASET
        ? "@Dataset has validation = 0"
        : "@" + site.name() + "'s split has validation = 0";
  }

  /**
   * How to hold out validation data from this data, for messages: {@code hold out validation rows,
   * such as split = @Split(validation = 0.2)}.
   */
  String holdOutExample() {
    return switch (kind) {
      case CSV -> "hold out validation rows, such as split = @Split(validation = 0.2)";
      case TEXT -> "hold out validation texts, such as split = @Split(validation = 0.2)";
      case PROVIDED -> "hold out validation samples, such as split = @Split(validation = 0.2)";
      case IMAGE -> "hold out validation images, such as split = @Split(validation = 0.2)";
      case DATASET ->
          "hold out part of the training split, such as @Dataset(value = "
              + dataset().orElseThrow() + ", validation = 0.2)";
    };
  }

  /** The annotation's name as written, such as {@code @CsvData}. */
  String annotationName() {
    return "@" + site.name();
  }
}
