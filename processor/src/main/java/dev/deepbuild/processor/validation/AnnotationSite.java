package dev.deepbuild.processor.validation;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * An annotation where it sits: the element it annotates and its mirror. Values are read through
 * the mirror, defaults included, so that an error can point at the annotation or at one of its
 * values.
 */
public record AnnotationSite(Element element, AnnotationMirror mirror) {

  /** The annotation of the given type directly on the element, if any. */
  public static Optional<AnnotationSite> find(
      Element element, Class<? extends Annotation> annotationType) {
    return element.getAnnotationMirrors().stream()
        .filter(mirror -> isOfType(mirror, annotationType))
        .findFirst()
        .map(mirror -> new AnnotationSite(element, mirror));
  }

  public static boolean isOfType(
      AnnotationMirror mirror, Class<? extends Annotation> annotationType) {
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    return type.getQualifiedName().contentEquals(annotationType.getCanonicalName());
  }

  /** The annotation's simple name, such as {@code Dense}. */
  public String name() {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** The member's value: the written one, or its default. */
  public AnnotationValue value(String member) {
    ExecutableElement method = method(member);
    AnnotationValue value = mirror.getElementValues().get(method);
    return value != null ? value : method.getDefaultValue();
  }

  /** Whether the member is written out, rather than defaulted. */
  public boolean isWritten(String member) {
    return mirror.getElementValues().containsKey(method(member));
  }

  public int intValue(String member) {
    return (Integer) value(member).getValue();
  }

  public long longValue(String member) {
    return (Long) value(member).getValue();
  }

  public double doubleValue(String member) {
    return (Double) value(member).getValue();
  }

  public boolean booleanValue(String member) {
    return (Boolean) value(member).getValue();
  }

  public char charValue(String member) {
    return (Character) value(member).getValue();
  }

  public String stringValue(String member) {
    return (String) value(member).getValue();
  }

  /** A class literal's type, such as {@code @ProvidedData(Readings.class)}'s. */
  public TypeMirror typeValue(String member) {
    return (TypeMirror) value(member).getValue();
  }

  public <E extends Enum<E>> E enumValue(String member, Class<E> enumType) {
    return constant(value(member), enumType);
  }

  /** The member's default, whatever is written. */
  public int intDefault(String member) {
    return (Integer) method(member).getDefaultValue().getValue();
  }

  /** The member's default, whatever is written. */
  public <E extends Enum<E>> E enumDefault(String member, Class<E> enumType) {
    return constant(method(member).getDefaultValue(), enumType);
  }

  private static <E extends Enum<E>> E constant(AnnotationValue value, Class<E> enumType) {
    VariableElement constant = (VariableElement) value.getValue();
    return Enum.valueOf(enumType, constant.getSimpleName().toString());
  }

  /** A nested annotation, such as {@code split = @Split(...)}, on the same element. */
  public AnnotationSite annotationValue(String member) {
    return new AnnotationSite(element, (AnnotationMirror) value(member).getValue());
  }

  /** An array of nested annotations, such as the {@code value} of a repeatable's container. */
  public List<AnnotationSite> annotationValues(String member) {
    List<?> values = (List<?>) value(member).getValue();
    return values.stream()
        .map(value -> (AnnotationMirror) ((AnnotationValue) value).getValue())
        .map(nested -> new AnnotationSite(element, nested))
        .toList();
  }

  /** An array of strings, such as a layer's {@code from}. */
  public List<String> stringValues(String member) {
    List<?> values = (List<?>) value(member).getValue();
    return values.stream().map(value -> (String) ((AnnotationValue) value).getValue()).toList();
  }

  /** An array of ints, such as a declared shape. */
  public List<Integer> intValues(String member) {
    List<?> values = (List<?>) value(member).getValue();
    return values.stream().map(value -> (Integer) ((AnnotationValue) value).getValue()).toList();
  }

  /** An array of enum constants, such as an output's optional {@code loss}. */
  public <E extends Enum<E>> List<E> enumValues(String member, Class<E> enumType) {
    List<?> values = (List<?>) value(member).getValue();
    return values.stream().map(value -> constant((AnnotationValue) value, enumType)).toList();
  }

  private ExecutableElement method(String member) {
    return ElementFilter.methodsIn(mirror.getAnnotationType().asElement().getEnclosedElements())
        .stream()
        .filter(method -> method.getSimpleName().contentEquals(member))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("@" + name() + " has no member " + member));
  }
}
