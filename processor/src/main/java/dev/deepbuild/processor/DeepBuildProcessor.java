package dev.deepbuild.processor;

import com.squareup.javapoet.ClassName;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.validation.ErrorReporter;
import dev.deepbuild.processor.validation.ModelValidator;
import dev.deepbuild.processor.validation.OutsideModelCheck;
import dev.deepbuild.processor.validation.RepeatedAnnotationTrees;
import dev.deepbuild.processor.writer.ModelDefinitionWriter;
import dev.deepbuild.processor.writer.PredictorWriter;
import dev.deepbuild.processor.writer.ModelIndex;
import dev.deepbuild.processor.writer.ReadsWriter;
import dev.deepbuild.processor.writer.SummaryWriter;
import dev.deepbuild.resources.ModelResources;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Checks each {@link Model} class and generates its {@code DeepBuild_} class, the model's
 * DL4J code. It works in three steps: {@link ModelValidator} reads and checks the annotations,
 * reporting every error of the class, and describes an error-free class as a
 * {@link ModelDescription}; {@link ModelDefinitionWriter} writes the code, and
 * {@link SummaryWriter} the model's summary and {@link PredictorWriter} its predictor, for
 * applications, from that description alone; {@link ModelIndex}
 * lists the generated classes for the runtime once processing is over.
 * A class with an error gets no code, so that javac shows its errors and nothing that follows
 * from them.
 */
public final class DeepBuildProcessor extends AbstractProcessor {

  private final ModelIndex index = new ModelIndex();
  private ErrorReporter errors;
  private OutsideModelCheck outsideModel;
  private ModelValidator validator;
  private ModelDefinitionWriter writer;
  private SummaryWriter summaries;
  private ReadsWriter reads;
  private PredictorWriter predictors;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    errors = new ErrorReporter(env.getMessager(), RepeatedAnnotationTrees.of(env));
    outsideModel = new OutsideModelCheck(errors);
    validator = new ModelValidator(errors, env.getElementUtils(), env.getTypeUtils());
    writer = new ModelDefinitionWriter(env.getFiler(), DeepBuildProcessor.class);
    summaries = new SummaryWriter(env.getFiler());
    reads = new ReadsWriter(env.getFiler());
    predictors = new PredictorWriter(env.getFiler(), DeepBuildProcessor.class);
  }

  /** {@code @Model}, and the annotations that are errors without it. */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new LinkedHashSet<>();
    types.add(Model.class.getCanonicalName());
    for (Class<? extends Annotation> part : OutsideModelCheck.MODEL_PARTS) {
      types.add(part.getCanonicalName());
    }
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    outsideModel.check(round);
    Set<TypeElement> modelClasses =
        ElementFilter.typesIn(round.getElementsAnnotatedWith(Model.class));
    for (TypeElement modelClass : modelClasses) {
      validator.validate(modelClass).ifPresent(model -> write(modelClass, model));
    }
    if (round.processingOver()) {
      writeIndex();
    }
    return false;
  }

  private void write(TypeElement modelClass, ModelDescription model) {
    try {
      index.add(writer.write(modelClass, model).canonicalName());
    } catch (IOException e) {
      ClassName generated = ModelDefinitionWriter.generatedName(modelClass);
      errors.error(
          modelClass,
          "its code could not be written to " + generated.simpleName() + ": " + e.getMessage()
              + ".",
          "Check that no other class is named " + generated + ".");
      return;
    }
    try {
      summaries.write(modelClass, model);
    } catch (IOException e) {
      errors.error(
          modelClass,
          "its summary could not be written to " + SummaryWriter.path(model.name()) + " (and "
              + ModelResources.baseModel(model.name()) + "): " + e.getMessage() + ".",
          "Check that no other model is named \"" + model.name() + "\" and that the class output"
              + " directory is writable.");
    }
    try {
      reads.write(modelClass, model);
    } catch (IOException e) {
      errors.error(
          modelClass,
          "the list of files its data is read from could not be written to "
              + ModelResources.reads(model.name()) + ": " + e.getMessage() + ".",
          "Check that no other model is named \"" + model.name() + "\" and that the class output"
              + " directory is writable.");
    }
    try {
      predictors.write(modelClass, model);
    } catch (IOException e) {
      ClassName predictor = PredictorWriter.predictorName(modelClass);
      errors.error(
          modelClass,
          "its predictor could not be written to " + predictor.simpleName() + ": "
              + e.getMessage() + ".",
          "Rename the class " + predictor + ": DeepBuild generates it for the model.");
    }
  }

  private void writeIndex() {
    try {
      index.write(processingEnv.getFiler());
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(
          Diagnostic.Kind.ERROR,
          "[DeepBuild] The model index " + ModelIndex.PATH + " could not be written: "
              + e.getMessage() + ". The runtime finds the build's models through it; check that"
              + " the class output directory is writable.");
    }
  }
}
