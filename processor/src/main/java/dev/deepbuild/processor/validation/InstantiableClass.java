package dev.deepbuild.processor.validation;

import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * The one rule for a user's class that DeepBuild creates by its public no-argument constructor,
 * a custom layer or a data provider: public, static when nested, concrete, with that constructor.
 * Each way it falls short is one error on the annotation's {@code value}.
 */
final class InstantiableClass {
  private InstantiableClass() {}

  /**
   * Reports each way {@code type} cannot be created.
   *
   * @param creator who creates it, for messages, such as {@code DeepBuild}
   * @return whether the class can be created
   */
  static boolean check(ErrorReporter errors, AnnotationSite site, TypeElement type,
      String creator) {
    int before = errors.errorCount();
    String name = type.getSimpleName().toString();
    if (!type.getModifiers().contains(Modifier.PUBLIC)) {
      // Its implicit constructor is as private as the class, so this one fix is the only one.
      errors.error(site, "value",
          name + " is not public, and " + creator + " creates it from outside its package.",
          "Declare it `public class " + name + "`.");
      return false;
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      errors.error(site, "value",
          name + " is an inner class, which needs an instance of its enclosing class to be"
              + " created.",
          "Declare it `public static class " + name + "`, or in a file of its own.");
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      errors.error(site, "value",
          name + " is abstract, so " + creator + " cannot create it.",
          "Name a concrete class, or implement its abstract methods and remove abstract.");
    }
    boolean publicNoArgs = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(constructor -> constructor.getParameters().isEmpty()
            && constructor.getModifiers().contains(Modifier.PUBLIC));
    if (!publicNoArgs) {
      errors.error(site, "value",
          name + " has no public no-argument constructor, which " + creator + " creates it with.",
          "Add `public " + name + "() {}`, and keep its settings in fields.");
    }
    return errors.errorCount() == before;
  }
}
