package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.Activation;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.processor.model.DenseOptions;
import dev.deepbuild.processor.model.DropoutOptions;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.LayerOptions;
import dev.deepbuild.processor.model.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
  private final Types types;
  private final TypeMirror layerType;

  LayerValidator(ErrorReporter errors, Elements elements, Types types) {
    this.errors = errors;
    this.types = types;
    this.layerType = elements.getTypeElement(Layer.class.getCanonicalName()).asType();
  }

  /**
   * The layers in order, or empty when a layer field is wrong.
   *
   * @param inputs the data's input size, which the first layer takes
   */
  Optional<List<LayerDescription>> validate(
      TypeElement type, List<LayerField> layerFields, Size inputs) {
    int before = errors.errorCount();
    checkLayerTypedFieldsAreLayers(type, layerFields);
    List<LayerDescription> layers = new ArrayList<>();
    Size input = inputs;
    for (LayerField field : layerFields) {
      Optional<LayerOptions> options = validate(field);
      if (options.isPresent()) {
        LayerDescription layer = LayerDescription.of(field.name(), options.get(), input);
        layers.add(layer);
        input = layer.outputSize();
      }
    }
    return errors.errorCount() > before ? Optional.empty() : Optional.of(layers);
  }

  /** A field of type Layer with no layer annotation is most likely a layer left unfinished. */
  private void checkLayerTypedFieldsAreLayers(TypeElement type, List<LayerField> layerFields) {
    Set<VariableElement> layers =
        layerFields.stream().map(LayerField::field).collect(Collectors.toSet());
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (!layers.contains(field) && types.isSameType(field.asType(), layerType)) {
        errors.error(
            field,
            "it has type Layer but no layer annotation, so it is not a layer of the model.",
            "Annotate it, such as `@Dense(units = 16, activation = RELU) Layer "
                + field.getSimpleName() + ";`, or remove it.");
      }
    }
  }

  private Optional<LayerOptions> validate(LayerField layer) {
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
    Optional<LayerOptions> options = layer.isDense() ? dense(annotation) : dropout(annotation);
    return errors.errorCount() > before ? Optional.empty() : options;
  }

  private Optional<LayerOptions> dense(AnnotationSite dense) {
    int units = dense.intValue("units");
    if (units <= 0) {
      errors.error(
          dense, "units", "units must be positive.",
          "Set units to the layer's output size, such as 16.");
      return Optional.empty();
    }
    return Optional.of(new DenseOptions(units, dense.enumValue("activation", Activation.class)));
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
