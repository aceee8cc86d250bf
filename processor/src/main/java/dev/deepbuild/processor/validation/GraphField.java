package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.Add;
import dev.deepbuild.annotations.Average;
import dev.deepbuild.annotations.Concatenate;
import dev.deepbuild.annotations.Input;
import dev.deepbuild.annotations.Maximum;
import dev.deepbuild.annotations.Multiply;
import dev.deepbuild.annotations.Output;
import dev.deepbuild.annotations.TextVectorization;
import dev.deepbuild.processor.model.MergeKind;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * A field of a functional model's graph: an {@code @Input}, a layer, or a merge, in declaration
 * order, with the {@code @Output} that makes a layer an output.
 *
 * @param layer the layer annotation, for a layer
 * @param merge the merge annotation and its kind, for a merge
 * @param input the {@code @Input}, for an input
 */
record GraphField(
    VariableElement field,
    Optional<LayerField> layer,
    Optional<AnnotationSite> merge,
    Optional<MergeKind> mergeKind,
    Optional<AnnotationSite> input,
    Optional<AnnotationSite> output,
    Optional<AnnotationSite> vectorization) {

  /** The merge annotations, by the kind of merge each declares. */
  static final Map<Class<? extends Annotation>, MergeKind> MERGES = Map.of(
      Concatenate.class, MergeKind.CONCATENATE, Add.class, MergeKind.ADD,
      Average.class, MergeKind.AVERAGE, Multiply.class, MergeKind.MULTIPLY,
      Maximum.class, MergeKind.MAXIMUM);

  /** Whether the class is a functional model: one with an {@code @Input}. */
  static boolean functional(TypeElement type) {
    return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
        .anyMatch(field -> AnnotationSite.find(field, Input.class).isPresent());
  }

  /** The annotations only a functional model's fields take. */
  static List<Class<? extends Annotation>> graphOnly() {
    return List.of(Input.class, Output.class, Concatenate.class, Add.class, Average.class,
        Multiply.class, Maximum.class);
  }

  /** The class's graph fields in declaration order. */
  static List<GraphField> in(TypeElement type, List<LayerField> layers) {
    return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
        .map(field -> of(field, layers))
        .filter(field -> field.layer().isPresent() || field.merge().isPresent()
            || field.input().isPresent())
        .toList();
  }

  private static GraphField of(VariableElement field, List<LayerField> layers) {
    Optional<LayerField> layer =
        layers.stream().filter(candidate -> candidate.field().equals(field)).findFirst();
    Optional<AnnotationSite> merge = Optional.empty();
    Optional<MergeKind> kind = Optional.empty();
    for (Map.Entry<Class<? extends Annotation>, MergeKind> entry : MERGES.entrySet()) {
      Optional<AnnotationSite> site = AnnotationSite.find(field, entry.getKey());
      if (site.isPresent() && merge.isEmpty()) {
        merge = site;
        kind = Optional.of(entry.getValue());
      }
    }
    return new GraphField(field, layer, merge, kind, AnnotationSite.find(field, Input.class),
        AnnotationSite.find(field, Output.class),
        AnnotationSite.find(field, TextVectorization.class));
  }

  String name() {
    return field.getSimpleName().toString();
  }

  /** The annotation that makes the field a node: its input, layer or merge annotation. */
  AnnotationSite site() {
    return input.or(() -> layer.map(LayerField::annotation)).or(() -> merge).orElseThrow();
  }

  /** What the node takes as written; empty for an input or a layer that takes the field before. */
  List<String> writtenFrom() {
    return input.isPresent() ? List.of() : site().stringValues("from");
  }
}
