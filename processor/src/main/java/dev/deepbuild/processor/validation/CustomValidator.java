package dev.deepbuild.processor.validation;

import dev.deepbuild.processor.model.CustomKind;
import dev.deepbuild.processor.model.CustomOptions;
import java.util.Arrays;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a {@code @Custom} layer's class and declaration: a public, concrete, top-level or static
 * class with a public no-argument constructor (the generated code and DL4J's model reader create
 * it), extending one of DL4J's SameDiff layer types, with its output size and parameters 0 or
 * more. The class itself is not run here: its shapes are what the annotation declares.
 */
final class CustomValidator {

  private final ErrorReporter errors;
  private final Elements elements;
  private final Types types;

  CustomValidator(ErrorReporter errors, Elements elements, Types types) {
    this.errors = errors;
    this.elements = elements;
    this.types = types;
  }

  Optional<CustomOptions> validate(AnnotationSite custom) {
    int before = errors.errorCount();
    TypeMirror value = (TypeMirror) custom.value("value").getValue();
    Optional<CustomKind> kind = Optional.empty();
    TypeElement type = null;
    // javac reports a class it cannot resolve itself.
    if (value.getKind() == TypeKind.DECLARED) {
      type = (TypeElement) ((DeclaredType) value).asElement();
      kind = kind(type);
      checkClass(custom, type, kind);
    } else if (value.getKind() != TypeKind.ERROR) {
      errors.error(custom, "value",
          "a custom layer is a class, and " + value + " is not one.",
          "Name your layer's class, such as value = Scale.class.");
    }
    int units = custom.intValue("units");
    if (units < 0) {
      errors.error(custom, "units",
          "units is the size of the layer's output, 0 for the shape of its input, so it is 0 or"
              + " more.",
          "Set units = 0 if the layer keeps its input's shape, or the size of its output, such"
              + " as 16.");
    }
    long params = custom.longValue("params");
    if (params < 0) {
      errors.error(custom, "params",
          "params is the number of parameters the layer holds, so it is 0 or more.",
          "Set the count its defineParameters allocates, or 0 for none.");
    } else if (params > 0 && kind.isPresent() && !kind.get().weights()) {
      errors.error(custom, "params",
          "a " + kind.get().baseSimpleName() + " has no parameters, and params declares "
              + params + ".",
          "Remove params, or extend SameDiffLayer to give the layer weights.");
    }
    if (errors.errorCount() > before || kind.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CustomOptions(type.getQualifiedName().toString(),
        type.getSimpleName().toString(), kind.get(), units, params));
  }

  private void checkClass(AnnotationSite custom, TypeElement type, Optional<CustomKind> kind) {
    String name = type.getSimpleName().toString();
    if (type.getKind() != ElementKind.CLASS) {
      errors.error(custom, "value",
          name + " is not a class, and a custom layer is an instance of its class.",
          "Name a class that extends SameDiffLambdaLayer, SameDiffLayer or"
              + " SameDiffLambdaVertex.");
      return;
    }
    if (kind.isEmpty()) {
      errors.error(custom, "value",
          name + " extends none of DL4J's custom layer types, so the network cannot use it.",
          "Make it extend SameDiffLambdaLayer (no parameters), SameDiffLayer (weights) or, in a"
              + " functional model, SameDiffLambdaVertex (two or more inputs), of"
              + " org.deeplearning4j.nn.conf.layers.samediff.");
    }
    // The generated code creates it, and so does DL4J's model reader when it loads the network.
    if (!InstantiableClass.check(errors, custom, type, "the network")) {
      return;
    }
    kind.filter(base -> !overridesGetOutputType(type, base)).ifPresent(base ->
        errors.error(custom, "value",
            name + " does not override getOutputType, and " + base.baseSimpleName() + "'s"
                + " throws; DL4J calls it to build the network, and DeepBuild to check the"
                + " declared shape.",
            "Add `@Override public InputType getOutputType(int layerIndex, "
                + (base.vertex() ? "InputType... inputs) { return inputs[0]; }`"
                    : "InputType input) { return input; }`")
                + ", or return the shape it gives, such as InputType.feedForward(16)."));
  }

  /**
   * Whether the class, or one of its own superclasses below DL4J's base type, declares
   * getOutputType: the lambda layer's and the vertex's defaults throw.
   */
  private boolean overridesGetOutputType(TypeElement type, CustomKind base) {
    TypeElement current = type;
    while (current != null && !current.getQualifiedName().contentEquals(base.base())) {
      boolean declares = ElementFilter.methodsIn(current.getEnclosedElements()).stream()
          .anyMatch(method -> method.getSimpleName().contentEquals("getOutputType")
              && !method.getModifiers().contains(Modifier.ABSTRACT));
      if (declares) {
        return true;
      }
      TypeMirror superclass = current.getSuperclass();
      current = superclass.getKind() == TypeKind.DECLARED
          ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
    }
    // A SameDiffLayer's is abstract, so javac itself requires it.
    return base.weights();
  }

  /** The most specific DL4J base type the class extends, if any. */
  private Optional<CustomKind> kind(TypeElement type) {
    TypeMirror erased = types.erasure(type.asType());
    return Arrays.stream(CustomKind.values())
        .filter(kind -> {
          TypeElement base = elements.getTypeElement(kind.base());
          return base != null && types.isSubtype(erased, types.erasure(base.asType()));
        })
        .findFirst();
  }
}
