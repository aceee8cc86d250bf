package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.Activation;
import dev.deepbuild.annotations.AveragePooling2D;
import dev.deepbuild.annotations.BatchNormalization;
import dev.deepbuild.annotations.Conv2D;
import dev.deepbuild.annotations.Custom;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Dropout;
import dev.deepbuild.annotations.Flatten;
import dev.deepbuild.annotations.GlobalAveragePooling2D;
import dev.deepbuild.annotations.GlobalMaxPooling2D;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.MaxPooling2D;
import dev.deepbuild.annotations.Pretrained;
import dev.deepbuild.processor.model.DenseOptions;
import dev.deepbuild.processor.model.DropoutOptions;
import dev.deepbuild.processor.model.KernelRegularizer;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.LayerOptions;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.PoolingKind;
import dev.deepbuild.processor.model.Shape;
import dev.deepbuild.processor.model.ShapeMismatch;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks a model's layer fields one by one, then chains them, inferring each layer's shapes. */
final class LayerValidator {

  private final ErrorReporter errors;
  private final RegularizationValidator regularization;
  private final CustomValidator custom;
  private final PretrainedValidator pretrained;
  private final Types types;
  private final TypeMirror layerType;
  private final Map<Class<? extends Annotation>, Reader> readers;

  /** Reads one kind of layer annotation into its options, or empty after reporting an error. */
  private interface Reader {
    Optional<LayerOptions> read(
        AnnotationSite site, KernelRegularizer classDefault, Optional<AnnotationSite> classSite);
  }

  /** @param describe another model class's description, reporting nothing: a base's */
  LayerValidator(ErrorReporter errors, Elements elements, Types types,
      Function<TypeElement, Optional<ModelDescription>> describe) {
    this.errors = errors;
    this.regularization = new RegularizationValidator(errors);
    this.custom = new CustomValidator(errors, elements, types);
    this.pretrained = new PretrainedValidator(errors, describe);
    this.types = types;
    this.layerType = elements.getTypeElement(Layer.class.getCanonicalName()).asType();
    ImageLayerValidator images = new ImageLayerValidator(errors, regularization);
    this.readers = Map.ofEntries(
        Map.entry(Dense.class, this::dense),
        Map.entry(Dropout.class, (site, classDefault, classSite) -> dropout(site)),
        Map.entry(Custom.class, (site, classDefault, classSite) ->
            custom.validate(site).map(LayerOptions.class::cast)),
        Map.entry(Conv2D.class, images::conv2d),
        Map.entry(MaxPooling2D.class, (site, classDefault, classSite) ->
            images.pooling2d(site, PoolingKind.MAX)),
        Map.entry(AveragePooling2D.class, (site, classDefault, classSite) ->
            images.pooling2d(site, PoolingKind.AVERAGE)),
        Map.entry(GlobalAveragePooling2D.class, (site, classDefault, classSite) ->
            images.globalPooling2d(PoolingKind.AVERAGE)),
        Map.entry(GlobalMaxPooling2D.class, (site, classDefault, classSite) ->
            images.globalPooling2d(PoolingKind.MAX)),
        Map.entry(Flatten.class, (site, classDefault, classSite) -> images.flatten()),
        Map.entry(BatchNormalization.class, (site, classDefault, classSite) ->
            images.batchNormalization(site)),
        Map.entry(Pretrained.class, (site, classDefault, classSite) ->
            pretrained.validate(site).map(LayerOptions.class::cast)));
  }

  /**
   * The layers in order, or empty when a layer field, or the class's {@code @Regularization}, is
   * wrong.
   *
   * @param inputs the shape of the data's features, which the first layer takes
   * @param classRegularization the class's {@code @Regularization}, if any: the penalty of every
   *     {@code @Dense} layer that sets none of its own
   */
  Optional<List<LayerDescription>> validate(
      TypeElement type,
      List<LayerField> layerFields,
      Shape inputs,
      Optional<AnnotationSite> classRegularization) {
    int before = errors.errorCount();
    KernelRegularizer classDefault = regularization.classDefault(classRegularization);
    checkLayerTypedFieldsAreLayers(type, layerFields);
    List<LayerDescription> layers = new ArrayList<>();
    Shape input = inputs;
    for (LayerField field : layerFields) {
      Optional<LayerOptions> options = validate(field, classDefault, classRegularization);
      if (field.isPretrained() && field != layerFields.get(0)) {
        errors.error(
            field.annotation(),
            "a pretrained base is the model's first layer, and the layers after it are the head"
                + " trained on what it gives.",
            "Move '" + field.name() + "' above '" + layerFields.get(0).name() + "'.");
        break;
      }
      if (options.isPresent() && options.get().joinsSeveral()) {
        errors.error(
            field.annotation(), "value",
            "a vertex joins two or more inputs, which only a functional model names, and this"
                + " model is sequential: each layer takes the one before.",
            "Extend SameDiffLambdaLayer for a layer of one input, or declare the model's @Inputs"
                + " and name what the vertex joins with from.");
        break;
      }
      if (options.isPresent()) {
        Optional<LayerDescription> layer = chain(field, options.get(), input);
        if (layer.isEmpty()) {
          break;
        }
        layers.add(layer.get());
        input = layer.get().outputShape();
      }
    }
    return errors.errorCount() > before ? Optional.empty() : Optional.of(layers);
  }

  /** The layer fed with the previous layer's output, or empty when it cannot take its shape. */
  private Optional<LayerDescription> chain(LayerField field, LayerOptions options, Shape input) {
    try {
      return Optional.of(LayerDescription.of(field.name(), options, input));
    } catch (ShapeMismatch wrongShape) {
      String problem =
          "'" + field.name() + "' cannot take its input: " + wrongShape.getMessage() + ".";
      wrongShape.member().ifPresentOrElse(
          member -> errors.error(field.annotation(), member, problem, wrongShape.fix()),
          () -> errors.error(field.annotation(), problem, wrongShape.fix()));
      return Optional.empty();
    } catch (IllegalArgumentException wrongShape) {
      errors.error(
          field.annotation(),
          "'" + field.name() + "' cannot take its input: " + wrongShape.getMessage() + ".",
          "Reshape the input before this layer, or choose a layer that takes "
              + input.keras() + ".");
      return Optional.empty();
    }
  }

  /** A field of type Layer with no layer annotation is most likely a layer left unfinished. */
  private void checkLayerTypedFieldsAreLayers(TypeElement type, List<LayerField> layerFields) {
    Set<VariableElement> layers =
        layerFields.stream().map(LayerField::field).collect(Collectors.toSet());
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      boolean graphField = GraphField.graphOnly().stream()
          .anyMatch(annotation -> AnnotationSite.find(field, annotation).isPresent());
      if (!layers.contains(field) && !graphField && types.isSameType(field.asType(), layerType)) {
        errors.error(
            field,
            "it has type Layer but no layer annotation, so it is not a layer of the model.",
            "Annotate it, such as `@Dense(units = 16, activation = RELU) Layer "
                + field.getSimpleName() + ";`, or remove it.");
      }
    }
  }

  /**
   * Each layer field's options by field name, for the fields without an error: a functional
   * model's layers, whose inputs its graph decides ({@code GraphValidator} checks where a
   * pretrained base may stand).
   */
  Map<String, LayerOptions> options(
      TypeElement type, List<LayerField> layerFields, Optional<AnnotationSite> classRegularization) {
    KernelRegularizer classDefault = regularization.classDefault(classRegularization);
    checkLayerTypedFieldsAreLayers(type, layerFields);
    Map<String, LayerOptions> options = new HashMap<>();
    for (LayerField field : layerFields) {
      validate(field, classDefault, classRegularization)
          .ifPresent(valid -> options.put(field.name(), valid));
    }
    return options;
  }

  private Optional<LayerOptions> validate(
      LayerField layer, KernelRegularizer classDefault, Optional<AnnotationSite> classSite) {
    int before = errors.errorCount();
    VariableElement field = layer.field();
    AnnotationSite annotation = layer.annotation();
    TypeMirror fieldType = field.asType();
    // javac reports a type it cannot resolve itself.
    if (fieldType.getKind() != TypeKind.ERROR && !types.isSameType(fieldType, layerType)) {
      errors.error(
          annotation,
          "a layer field has type " + Layer.class.getCanonicalName() + ", and '" + layer.name()
              + "' has type " + fieldType + ".",
          "Declare it as `Layer " + layer.name() + ";`.");
    }
    if (field.getModifiers().contains(Modifier.STATIC)) {
      errors.error(
          field,
          "a layer field is static, but the layers are the model's instance fields, in"
              + " declaration order.",
          "Remove static.");
    }
    for (AnnotationSite extra : layer.annotations().subList(1, layer.annotations().size())) {
      errors.error(
          extra,
          "'" + layer.name() + "' is already a @" + annotation.name() + " layer, and a field is"
              + " one layer.",
          "Declare the @" + extra.name() + " layer in a field of its own, after or before this"
              + " one.");
    }
    Optional<LayerOptions> options = readers.entrySet().stream()
        .filter(reader -> AnnotationSite.isOfType(annotation.mirror(), reader.getKey()))
        .findFirst().orElseThrow()
        .getValue().read(annotation, classDefault, classSite);
    return errors.errorCount() > before ? Optional.empty() : options;
  }

  private Optional<LayerOptions> dense(
      AnnotationSite dense, KernelRegularizer classDefault, Optional<AnnotationSite> classSite) {
    int before = errors.errorCount();
    int units = dense.intValue("units");
    if (units <= 0) {
      errors.error(
          dense, "units", "units must be positive.",
          "Set units to the layer's output size, such as 16.");
    }
    Optional<KernelRegularizer> regularizer =
        regularization.layer(dense, classDefault, classSite);
    double maxNorm = dense.doubleValue("maxNorm");
    if (!(maxNorm >= 0 && Double.isFinite(maxNorm))) {
      errors.error(
          dense, "maxNorm",
          "maxNorm is the largest L2 norm of the weights into each unit, so it is a finite"
              + " number, 0 or more, where 0 means no constraint.",
          "Set a norm such as 3, or remove maxNorm for no constraint.");
    }
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new DenseOptions(
            units, dense.enumValue("activation", Activation.class), regularizer.orElseThrow(),
            maxNorm));
  }

  private Optional<LayerOptions> dropout(AnnotationSite dropout) {
    double rate = dropout.doubleValue("value");
    if (!(rate >= 0 && rate < 1)) {
      errors.error(
          dropout, "value",
          "the rate is the fraction of inputs dropped, as in Keras's Dropout, so it is in [0, 1).",
          "Set the fraction to drop, such as 0.2 to drop 20% of the inputs.");
      return Optional.empty();
    }
    return Optional.of(new DropoutOptions(rate));
  }
}
