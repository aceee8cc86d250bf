package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.EarlyStopping;
import dev.deepbuild.annotations.KFold;
import dev.deepbuild.annotations.LearningRateSchedule;
import dev.deepbuild.annotations.Loss;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Regularization;
import dev.deepbuild.annotations.Rescaling;
import dev.deepbuild.annotations.Resizing;
import dev.deepbuild.annotations.Standardize;
import dev.deepbuild.annotations.Augmentation;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.annotations.TextVectorization;
import dev.deepbuild.annotations.Train;
import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.ImagePreprocessing;
import dev.deepbuild.processor.model.EarlyStoppingDescription;
import dev.deepbuild.processor.model.GraphDescription;
import dev.deepbuild.processor.model.GraphNode;
import dev.deepbuild.processor.model.KFoldDescription;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.ScheduleDescription;
import dev.deepbuild.processor.model.Shape;
import dev.deepbuild.processor.model.ThresholdDescription;
import dev.deepbuild.processor.model.TrainingDescription;
import dev.deepbuild.processor.model.VectorizationDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
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
  private final VectorizationValidator vectorization;
  private final ImagePreprocessingValidator images;
  private final KFoldValidator kFold;
  private final TrainingValidator training;
  private final EarlyStoppingValidator earlyStopping;
  private final ScheduleValidator schedule;
  private final LayerValidator layers;
  private final OutputValidator output;
  private final ThresholdValidator thresholds;
  private final GraphValidator graph;

  public ModelValidator(ErrorReporter errors, Elements elements, Types types) {
    this.errors = errors;
    this.data = new DataValidator(errors, elements, types);
    this.vectorization = new VectorizationValidator(errors);
    this.images = new ImagePreprocessingValidator(errors);
    this.kFold = new KFoldValidator(errors);
    this.training = new TrainingValidator(errors);
    this.earlyStopping = new EarlyStoppingValidator(errors);
    this.schedule = new ScheduleValidator(errors);
    // A fresh validator per base, so that describing a base claims no model name of this round.
    this.layers = new LayerValidator(errors, elements, types,
        base -> new ModelValidator(errors.quiet(), elements, types).validate(base));
    this.output = new OutputValidator(errors);
    this.thresholds = new ThresholdValidator(errors);
    this.graph = new GraphValidator(errors, layers, vectorization, output);
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

    List<DeclaredData> declaredData = DeclaredData.in(type);
    // The checks that relate the data to other parts need the one data source.
    Optional<DeclaredData> oneData =
        declaredData.size() == 1 ? Optional.of(declaredData.get(0)) : Optional.empty();
    Optional<AnnotationSite> train = AnnotationSite.find(type, Train.class);
    Optional<Loss> loss = train.map(site -> site.enumValue("loss", Loss.class));
    Optional<AnnotationSite> standardize = AnnotationSite.find(type, Standardize.class);
    Optional<AnnotationSite> kFoldSite = AnnotationSite.find(type, KFold.class);
    Optional<AnnotationSite> earlyStoppingSite = AnnotationSite.find(type, EarlyStopping.class);
    Optional<AnnotationSite> scheduleSite = AnnotationSite.find(type, LearningRateSchedule.class);
    Optional<AnnotationSite> regularization = AnnotationSite.find(type, Regularization.class);
    List<LayerField> layerFields = LayerField.in(type);
    boolean functional = GraphField.functional(type);
    List<GraphField> graphFields = functional ? GraphField.in(type, layerFields) : List.of();
    ModelFacts facts = new ModelFacts(loss, oneData, kFoldSite.isPresent(),
        outputTasks(graphFields, loss));
    checkOneDataSource(type, declaredData);
    if (train.isEmpty()) {
      errors.error(
          type, "a model needs training options, and this class has no @Train.",
          "Add it, such as @Train(epochs = 50, loss = CATEGORICAL_CROSSENTROPY).");
    }
    if (layerFields.isEmpty()) {
      int classes = oneData.map(DeclaredData::classes).orElse(0);
      errors.error(
          type, "a model needs at least one layer, and this class declares none.",
          "Add a layer field, such as `" + OutputValidator.example(loss, classes) + "`.");
    }

    // Each data annotation's own values are checked, even when there are several.
    List<Optional<DataDescription>> dataDescriptions =
        declaredData.stream().map(declared -> data.validate(declared, functional)).toList();
    Optional<VectorizationDescription> vectorizationDescription = Optional.empty();
    Optional<KFoldDescription> kFoldDescription = Optional.empty();
    if (functional) {
      checkFunctionalParts(type, standardize, oneData);
    } else {
      checkNoGraphParts(type);
      vectorizationDescription = vectorization.validate(
          type, AnnotationSite.find(type, TextVectorization.class), oneData, standardize);
    }
    kFoldDescription = kFold.validate(kFoldSite, oneData, train);
    Optional<TrainingDescription> trainingDescription = train.flatMap(training::validate);
    Optional<EarlyStoppingDescription> earlyStoppingDescription =
        earlyStopping.validate(earlyStoppingSite, facts);
    Optional<ScheduleDescription> scheduleDescription =
        schedule.validate(scheduleSite, facts, trainingDescription);
    Optional<DataDescription> dataDescription =
        oneData.isPresent() ? dataDescriptions.get(0) : Optional.empty();
    ImagePreprocessing imagePreprocessing = images.validate(oneData,
        AnnotationSite.find(type, Resizing.class), AnnotationSite.find(type, Rescaling.class),
        AnnotationSite.find(type, Augmentation.class), standardize);
    Optional<List<LayerDescription>> layerDescriptions;
    Optional<GraphDescription> graphDescription = Optional.empty();
    if (functional) {
      Optional<Shape.Image> image = dataDescription.filter(DataDescription::images)
          .map(description -> imagePreprocessing.inputShape(
              description.inputShape(Optional.empty())))
          .map(Shape.Image.class::cast);
      graphDescription = graph.validate(type, graphFields, loss, oneData, image,
          layers.options(type, layerFields, regularization));
      layerDescriptions = graphDescription.map(ModelValidator::layersOf);
    } else {
      Optional<VectorizationDescription> vectorized = vectorizationDescription;
      Shape inputs =
          dataDescription
              .map(description -> description.inputShape(vectorized))
              .map(imagePreprocessing::inputShape)
              .orElse(Shape.INPUTS);
      layerDescriptions = layers.validate(type, layerFields, inputs, regularization);
      Optional<LayerField> outputField =
          layerFields.isEmpty()
              ? Optional.empty()
              : Optional.of(layerFields.get(layerFields.size() - 1));
      output.validate(outputField, train, oneData);
    }
    Optional<List<ThresholdDescription>> thresholdDescriptions =
        thresholds.validate(type, facts);

    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new ModelDescription(
            type.getQualifiedName().toString(),
            name.orElseThrow(),
            model.longValue("seed"),
            dataDescription.orElseThrow(),
            vectorizationDescription,
            standardize.isPresent(),
            kFoldDescription,
            earlyStoppingDescription,
            scheduleDescription,
            trainingDescription.orElseThrow(),
            layerDescriptions.orElseThrow(),
            thresholdDescriptions.orElseThrow(),
            graphDescription,
            imagePreprocessing));
  }

  /** A functional model's outputs by name, each with the task of its loss or of {@code @Train}'s. */
  private static Map<String, Task> outputTasks(List<GraphField> fields, Optional<Loss> loss) {
    Map<String, Task> outputs = new LinkedHashMap<>();
    for (GraphField field : fields) {
      field.output().ifPresent(site -> {
        List<Loss> written = site.enumValues("loss", Loss.class);
        Optional<Loss> outputLoss = written.isEmpty() ? loss : Optional.of(written.get(0));
        outputLoss.ifPresent(l -> outputs.put(field.name(), l.task()));
      });
    }
    return outputs;
  }

  /** The graph's layers, each after what it takes, for the model's summary. */
  private static List<LayerDescription> layersOf(GraphDescription graph) {
    List<LayerDescription> layers = new ArrayList<>();
    for (GraphNode node : graph.nodes()) {
      if (node instanceof GraphNode.Layer layer) {
        layers.add(layer.layer());
      }
    }
    return layers;
  }

  /** What a functional model cannot have yet, or has per input instead. */
  private void checkFunctionalParts(TypeElement type, Optional<AnnotationSite> standardize,
      Optional<DeclaredData> data) {
    AnnotationSite.find(type, TextVectorization.class).ifPresent(site -> errors.error(
        site,
        "a functional model vectorizes each text input with a vocabulary of its own, and a"
            + " class-level @TextVectorization names no input.",
        "Move it onto each @Input field that reads texts."));
    // Each numeric input is standardized with its own training statistics; texts are not numbers.
    if (data.isPresent() && data.get().text()) {
      standardize.ifPresent(site -> errors.error(
          site,
          "@Standardize scales numeric inputs, each with its own training statistics, and this"
              + " functional model's inputs are texts.",
          "Remove @Standardize, or read numbers with @CsvData or @ProvidedData."));
    }
  }

  /** A sequential model's fields take no inputs, merges or outputs, which need named inputs. */
  private void checkNoGraphParts(TypeElement type) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      for (Class<? extends java.lang.annotation.Annotation> annotation : GraphField.graphOnly()) {
        AnnotationSite.find(field, annotation).ifPresent(site -> errors.error(
            site,
            "@" + site.name() + " is part of a functional model's graph, and this model has no"
                + " @Input, so its layers take one another in order.",
            "Declare the model's inputs with @Input fields, or remove @" + site.name() + "."));
      }
    }
  }

  /**
   * A model learns from exactly one of {@code @CsvData}, {@code @Dataset}, {@code @TextData},
   * {@code @ProvidedData} and {@code @ImageData}.
   */
  private void checkOneDataSource(TypeElement type, List<DeclaredData> declaredData) {
    if (declaredData.isEmpty()) {
      errors.error(
          type, "a model needs data, and this class has no @CsvData, @Dataset, @TextData,"
              + " @ProvidedData or @ImageData.",
          "Add one, such as @CsvData(resource = \"iris.csv\", label = 4) for a table,"
              + " @Dataset(IMDB) for a built-in dataset, @TextData(folder = \"data/reviews\")"
              + " for your own texts, or @ImageData(directory = \"data/pets\", height = 180,"
              + " width = 180) for your own images.");
    }
    for (int i = 1; i < declaredData.size(); i++) {
      String first = declaredData.get(0).annotationName();
      String second = declaredData.get(i).annotationName();
      errors.error(
          declaredData.get(i).site(),
          "the class already has " + first + ", and a model learns from one data source.",
          "Keep " + first + " or " + second + ", and remove the other.");
    }
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
