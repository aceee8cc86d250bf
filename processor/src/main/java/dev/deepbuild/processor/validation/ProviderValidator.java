package dev.deepbuild.processor.validation;

import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.SplitDescription;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks {@code @ProvidedData}: the runtime creates the provider by its public no-argument
 * constructor, from generated code in another package, and calls it as a {@code
 * MultiDataProvider}, so the class is public (and static when nested), concrete, has that
 * constructor and implements the interface.
 */
final class ProviderValidator {
  /** The runtime's interface, which the processor knows by name only. */
  static final String PROVIDER_INTERFACE = "dev.deepbuild.runtime.data.MultiDataProvider";

  private final ErrorReporter errors;
  private final Elements elements;
  private final Types types;
  private final SplitValidator splits;

  ProviderValidator(ErrorReporter errors, Elements elements, Types types) {
    this.errors = errors;
    this.elements = elements;
    this.types = types;
    this.splits = new SplitValidator(errors);
  }

  Optional<DataDescription> validate(AnnotationSite data) {
    int before = errors.errorCount();
    TypeMirror type = data.typeValue("value");
    Optional<SplitDescription> split = splits.validate(data.annotationValue("split"), "samples");
    if (type.getKind() != TypeKind.DECLARED
        || ((DeclaredType) type).asElement().getKind() != ElementKind.CLASS) {
      errors.error(
          data, "value",
          type + " is not a class, and the provider is a class that returns the samples.",
          "Name a class that implements " + PROVIDER_INTERFACE + ".");
      return Optional.empty();
    }
    TypeElement provider = (TypeElement) ((DeclaredType) type).asElement();
    String name = provider.getQualifiedName().toString();
    InstantiableClass.check(errors, data, provider, "DeepBuild");
    TypeElement contract = elements.getTypeElement(PROVIDER_INTERFACE);
    if (contract == null) {
      errors.error(
          data, "value",
          "the provider implements " + PROVIDER_INTERFACE + ", which is not on the class path.",
          "Add the dependency dev.deepbuild:deepbuild-runtime to the project.");
    } else if (!types.isAssignable(types.erasure(type), types.erasure(contract.asType()))) {
      errors.error(
          data, "value",
          name + " does not implement " + PROVIDER_INTERFACE + ", whose samples() DeepBuild"
              + " calls.",
          "Declare it `public class " + provider.getSimpleName() + " implements"
              + " MultiDataProvider`, returning a features array per @Input and a labels array"
              + " per @Output.");
    }
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new DataDescription.Provided(name, split.orElseThrow()));
  }
}
