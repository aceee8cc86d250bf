package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.CsvData;
import dev.deepbuild.annotations.Loss;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Standardize;
import dev.deepbuild.annotations.Train;
import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.ThresholdDescription;
import dev.deepbuild.processor.model.TrainingDescription;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a {@code @Model} class and, when it has no error, describes it. Every part is checked
 * even after an error, so that one compilation reports every problem of the class.
 */
public final class ModelValidator {

  private final ErrorReporter errors;
  private final ModelNames names = new ModelNames();
  private final DataValidator data;
  private final TrainingValidator training;
  private final LayerValidator layers;
  private final OutputValidator output;
  private final ThresholdValidator thresholds;

  public ModelValidator(ErrorReporter errors, Elements elements, Types types) {
    this.errors = errors;
    this.data = new DataValidator(errors);
    this.training = new TrainingValidator(errors);
    this.layers = new LayerValidator(errors, elements, types);
    this.output = new OutputValidator(errors);
    this.thresholds = new ThresholdValidator(errors);
  }

  /** The model the class describes, or empty when the class has an error. */
  public Optional<ModelDescription> validate(TypeElement type) {
    int before = errors.errorCount();
    AnnotationSite model = AnnotationSite.find(type, Model.class).orElseThrow();
    if (type.getKind() != ElementKind.CLASS) {
      errors.error(
          model, "@Model marks a class.",
          "Declare " + type.getSimpleName() + " as a class: `class " + type.getSimpleName() + "`.");
      return Optional.empty();
    }
    checkDeclaration(type);
    Optional<String> name = names.claim(type, model, errors);

    Optional<AnnotationSite> csvData = AnnotationSite.find(type, CsvData.class);
    Optional<AnnotationSite> train = AnnotationSite.find(type, Train.class);
    Optional<Loss> loss = train.map(site -> site.enumValue("loss", Loss.class));
    List<LayerField> layerFields = LayerField.in(type);
    if (csvData.isEmpty()) {
      errors.error(
          type, "a model needs data, and this class has no @CsvData.",
          "Add it, such as @CsvData(resource = \"iris.csv\", label = 4).");
    }
    if (train.isEmpty()) {
      errors.error(
          type, "a model needs training options, and this class has no @Train.",
          "Add it, such as @Train(epochs = 50, loss = CATEGORICAL_CROSSENTROPY).");
    }
    if (layerFields.isEmpty()) {
      int classes = csvData.map(site -> site.intValue("classes")).orElse(0);
      errors.error(
          type, "a model needs at least one layer, and this class declares none.",
          "Add a layer field, such as `" + OutputValidator.example(loss, classes) + "`.");
    }

    Optional<DataDescription> dataDescription = csvData.flatMap(data::validate);
    Optional<TrainingDescription> trainingDescription = train.flatMap(training::validate);
    Optional<List<LayerDescription>> layerDescriptions = layers.validate(type, layerFields);
    Optional<LayerField> outputField =
        layerFields.isEmpty()
            ? Optional.empty()
            : Optional.of(layerFields.get(layerFields.size() - 1));
    output.validate(outputField, loss, csvData);
    Optional<List<ThresholdDescription>> thresholdDescriptions =
        thresholds.validate(type, loss, csvData);

    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new ModelDescription(
            type.getQualifiedName().toString(),
            name.orElseThrow(),
            model.longValue("seed"),
            dataDescription.orElseThrow(),
            AnnotationSite.find(type, Standardize.class).isPresent(),
            trainingDescription.orElseThrow(),
            layerDescriptions.orElseThrow(),
            thresholdDescriptions.orElseThrow()));
  }

  private void checkDeclaration(TypeElement type) {
    Set<Modifier> modifiers = type.getModifiers();
    if (type.getNestingKind() == NestingKind.MEMBER && !modifiers.contains(Modifier.STATIC)) {
      errors.error(
          type,
          "it is an inner class, whose instances need an instance of the enclosing class, but a"
              + " model class stands on its own.",
          "Make it static: `static class " + type.getSimpleName() + "`.");
    }
    if (modifiers.contains(Modifier.PRIVATE)) {
      errors.error(
          type, "it is private, but a model class must be visible outside its enclosing class.",
          "Remove private.");
    }
    if (modifiers.contains(Modifier.ABSTRACT)) {
      errors.error(
          type, "it is abstract, but a model class describes one complete model.",
          "Remove abstract.");
    }
  }
}
