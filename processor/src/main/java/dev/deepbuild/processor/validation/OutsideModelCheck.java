package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.Add;
import dev.deepbuild.annotations.Average;
import dev.deepbuild.annotations.Concatenate;
import dev.deepbuild.annotations.CsvData;
import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Custom;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Dropout;
import dev.deepbuild.annotations.EarlyStopping;
import dev.deepbuild.annotations.Input;
import dev.deepbuild.annotations.KFold;
import dev.deepbuild.annotations.LearningRateSchedule;
import dev.deepbuild.annotations.Maximum;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Multiply;
import dev.deepbuild.annotations.Output;
import dev.deepbuild.annotations.Regularization;
import dev.deepbuild.annotations.Standardize;
import dev.deepbuild.annotations.ImageData;
import dev.deepbuild.annotations.Rescaling;
import dev.deepbuild.annotations.Resizing;
import dev.deepbuild.annotations.Augmentation;
import dev.deepbuild.annotations.TextData;
import dev.deepbuild.annotations.TextVectorization;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Thresholds;
import dev.deepbuild.annotations.Train;
import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;

/**
 * Reports the DSL's annotations where they have no effect: on a class without {@code @Model}, or
 * on a field of one. Without this check a forgotten {@code @Model} would silently train nothing.
 */
public final class OutsideModelCheck {

  /** The annotations that describe part of a model, and mean nothing elsewhere. */
  public static final List<Class<? extends Annotation>> MODEL_PARTS =
      List.of(CsvData.class, Dataset.class, TextData.class, ImageData.class,
          TextVectorization.class, Standardize.class, Resizing.class, Rescaling.class, Augmentation.class, KFold.class, Train.class, EarlyStopping.class,
          LearningRateSchedule.class, Regularization.class, Threshold.class, Thresholds.class,
          Dense.class, Dropout.class, Input.class, Output.class, Concatenate.class, Add.class,
          Average.class, Multiply.class, Maximum.class, Custom.class);

  private final ErrorReporter errors;

  public OutsideModelCheck(ErrorReporter errors) {
    this.errors = errors;
  }

  public void check(RoundEnvironment round) {
    Set<Element> annotated = new LinkedHashSet<>();
    for (Class<? extends Annotation> part : MODEL_PARTS) {
      annotated.addAll(round.getElementsAnnotatedWith(part));
    }
    for (Element element : annotated) {
      Element owner = element.getKind().isField() ? element.getEnclosingElement() : element;
      if (AnnotationSite.find(owner, Model.class).isEmpty()) {
        report(element, owner);
      }
    }
  }

  /** One error per element, on its first model annotation, naming all of them. */
  private void report(Element element, Element owner) {
    List<AnnotationSite> parts =
        element.getAnnotationMirrors().stream()
            .filter(mirror -> MODEL_PARTS.stream()
                .anyMatch(part -> AnnotationSite.isOfType(mirror, part)))
            .map(mirror -> new AnnotationSite(element, mirror))
            .toList();
    // Repeated @Threshold annotations reach processors as their @Thresholds container.
    List<String> names =
        parts.stream().map(part -> "@" + part.name().replace("Thresholds", "Threshold")).toList();
    String listed =
        names.size() == 1
            ? names.get(0)
            : String.join(", ", names.subList(0, names.size() - 1))
                + " and " + names.get(names.size() - 1);
    String model =
        "@Model(name = \"" + ModelNames.kebabCase(owner.getSimpleName().toString()) + "\")";
    AnnotationSite first = parts.get(0);
    if (AnnotationSite.isOfType(first.mirror(), Thresholds.class)
        && !first.annotationValues("value").isEmpty()) {
      // Point at the first written @Threshold: javac cannot place a container it made up.
      first = first.annotationValues("value").get(0);
    }
    if (element.getKind().isField()) {
      errors.error(
          first,
          "a layer belongs to a model, but class '" + owner.getSimpleName() + "' has no @Model.",
          "Add @Model to class " + owner.getSimpleName() + ", such as " + model + ", or remove "
              + listed + ".");
    } else {
      errors.error(
          first,
          listed + (names.size() == 1 ? " describes" : " describe") + " a model, but this class"
              + " has no @Model.",
          "Add @Model, such as " + model + ", or remove " + listed + ".");
    }
  }
}
