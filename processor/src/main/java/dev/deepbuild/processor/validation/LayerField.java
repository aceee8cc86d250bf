package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.AveragePooling2D;
import dev.deepbuild.annotations.BatchNormalization;
import dev.deepbuild.annotations.Conv2D;
import dev.deepbuild.annotations.Custom;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Dropout;
import dev.deepbuild.annotations.Flatten;
import dev.deepbuild.annotations.GlobalAveragePooling2D;
import dev.deepbuild.annotations.GlobalMaxPooling2D;
import dev.deepbuild.annotations.MaxPooling2D;
import dev.deepbuild.annotations.Pretrained;
import java.lang.annotation.Annotation;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * A field with a layer annotation, which makes it a layer of its model.
 *
 * @param annotations its layer annotations in source order; more than one is an error
 */
record LayerField(VariableElement field, List<AnnotationSite> annotations) {

  private static final List<Class<? extends Annotation>> LAYER_ANNOTATIONS =
      List.of(Dense.class, Dropout.class, Custom.class, Conv2D.class, MaxPooling2D.class,
          AveragePooling2D.class, GlobalAveragePooling2D.class, GlobalMaxPooling2D.class,
          Flatten.class, BatchNormalization.class, Pretrained.class);

  /** The class's layer fields in declaration order, which is the order of the layers. */
  static List<LayerField> in(TypeElement type) {
    return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
        .map(field -> new LayerField(field, layerAnnotations(field)))
        .filter(layer -> !layer.annotations().isEmpty())
        .toList();
  }

  private static List<AnnotationSite> layerAnnotations(VariableElement field) {
    return field.getAnnotationMirrors().stream()
        .filter(mirror -> LAYER_ANNOTATIONS.stream()
            .anyMatch(type -> AnnotationSite.isOfType(mirror, type)))
        .map(mirror -> new AnnotationSite(field, mirror))
        .toList();
  }

  String name() {
    return field.getSimpleName().toString();
  }

  /** The layer's annotation: the first one, when a field wrongly has several. */
  AnnotationSite annotation() {
    return annotations.get(0);
  }

  boolean isDense() {
    return AnnotationSite.isOfType(annotation().mirror(), Dense.class);
  }

  boolean isPretrained() {
    return AnnotationSite.isOfType(annotation().mirror(), Pretrained.class);
  }
}
