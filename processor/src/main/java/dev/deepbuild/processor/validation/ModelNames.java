package dev.deepbuild.processor.validation;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.TypeElement;

/**
 * Model names: derived from class names, checked, and kept unique within a compilation, since each
 * names an output folder and a {@code -Ddl.models} selection.
 */
final class ModelNames {

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final String RULE =
      "a model name is lower-case letters, digits, '.', '_' and '-', starting with a letter or"
          + " digit, since it names the folder target/deepbuild/<name>/.";

  /** The models named so far: name to qualified class name. */
  private final Map<String, String> claimed = new HashMap<>();

  /** Checks the name of a {@code @Model} class and claims it; empty when it is not valid. */
  Optional<String> claim(TypeElement type, AnnotationSite model, ErrorReporter errors) {
    boolean explicit = !model.stringValue("name").isEmpty();
    String name = explicit ? model.stringValue("name") : kebabCase(type.getSimpleName().toString());
    if (!VALID.matcher(name).matches()) {
      if (explicit) {
        errors.error(model, "name", RULE, "Use name = \"" + suggest(name) + "\".");
      } else {
        errors.error(
            model,
            "the class name gives the model name \"" + name + "\", which is not valid. " + RULE,
            "Set a name, such as @Model(name = \"" + suggest(name) + "\").");
      }
      return Optional.empty();
    }
    String owner = claimed.putIfAbsent(name, type.getQualifiedName().toString());
    if (owner != null) {
      String problem =
          "the model " + owner + " already has the name \"" + name
              + "\", and each model needs its own output folder.";
      if (explicit) {
        errors.error(
            model, "name", problem,
            "Give one of them another name, such as name = \"" + name + "-2\".");
      } else {
        errors.error(
            model,
            problem + " This one takes it from its class name.",
            "Give one of them another name, such as @Model(name = \"" + name + "-2\").");
      }
      return Optional.empty();
    }
    return Optional.of(name);
  }

  /** {@code IrisClassifier} becomes {@code iris-classifier}, {@code HTTPModel} {@code http-model}.
   */
  static String kebabCase(String className) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < className.length(); i++) {
      char c = className.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char previous = className.charAt(i - 1);
        boolean wordEnds = Character.isLowerCase(previous) || Character.isDigit(previous);
        boolean acronymEnds =
            Character.isUpperCase(previous)
                && i + 1 < className.length()
                && Character.isLowerCase(className.charAt(i + 1));
        if (wordEnds || acronymEnds) {
          name.append('-');
        }
      }
      name.append(Character.toLowerCase(c));
    }
    return name.toString();
  }

  /** The valid name nearest to an invalid one: {@code "Iris Model"} becomes {@code "iris-model"}.
   */
  static String suggest(String invalid) {
    String plain = Normalizer.normalize(invalid, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String name =
        plain.toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._-]+", "-")
            .replaceAll("^[._-]+", "")
            .replaceAll("-+$", "");
    return name.isEmpty() ? "model" : name;
  }
}
