package dev.deepbuild.processor.validation;

import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.SimpleAnnotationValueVisitor9;
import javax.tools.Diagnostic;

/**
 * Reports problems on the exact element, annotation or annotation value at fault. Every message
 * says where, what is wrong, the value received when there is one, and how to fix it:
 *
 * <pre>[DeepBuild] @Dense(units = 0) on field 'hidden': units must be positive. Received: units=0.
 * Set units to the layer's output size, such as 16.</pre>
 *
 * <p>Problems are reported, not thrown, so that one compilation shows every problem of a class;
 * {@link #errorCount()} lets callers generate nothing for a class that had one.
 */
public final class ErrorReporter {

  private static final String PREFIX = "[DeepBuild] ";

  private final Messager messager;
  private final RepeatedAnnotationTrees repeatedAnnotations;
  private final boolean quiet;
  private int errorCount;

  public ErrorReporter(Messager messager, RepeatedAnnotationTrees repeatedAnnotations) {
    this(messager, repeatedAnnotations, false);
  }

  private ErrorReporter(
      Messager messager, RepeatedAnnotationTrees repeatedAnnotations, boolean quiet) {
    this.messager = messager;
    this.repeatedAnnotations = repeatedAnnotations;
    this.quiet = quiet;
  }

  /**
   * A reporter that counts errors and prints none, to describe another class (a model's
   * pretrained base), whose own compilation reports its errors.
   */
  public ErrorReporter quiet() {
    return new ErrorReporter(messager, repeatedAnnotations, true);
  }

  /** The number of errors reported so far. */
  public int errorCount() {
    return errorCount;
  }

  /** An error on a class or field. */
  public void error(Element element, String problem, String fix) {
    errorCount++;
    if (!quiet) {
      messager.printMessage(
          Diagnostic.Kind.ERROR, message(describe(element), problem, fix), element);
    }
  }

  /** An error on an annotation as a whole. */
  public void error(AnnotationSite site, String problem, String fix) {
    errorCount++;
    String message = message("@" + site.name() + " on " + describe(site.element()), problem, fix);
    report(Diagnostic.Kind.ERROR, message, site, null);
  }

  /** An error on one value of an annotation; the message echoes the value. */
  public void error(AnnotationSite site, String member, String problem, String fix) {
    errorCount++;
    report(Diagnostic.Kind.ERROR, memberMessage(site, member, problem, fix), site, member);
  }

  /** A warning on one value of an annotation: legal, but not what the author meant. */
  public void warning(AnnotationSite site, String member, String problem, String fix) {
    report(Diagnostic.Kind.WARNING, memberMessage(site, member, problem, fix), site, member);
  }

  private void report(Diagnostic.Kind kind, String message, AnnotationSite site, String member) {
    if (quiet) {
      return;
    }
    if (repeatedAnnotations.print(kind, message, site, member)) {
      return;
    }
    if (member == null) {
      messager.printMessage(kind, message, site.element(), site.mirror());
    } else {
      messager.printMessage(kind, message, site.element(), site.mirror(), site.value(member));
    }
  }

  private static String memberMessage(
      AnnotationSite site, String member, String problem, String fix) {
    String value = source(site.value(member));
    // A lone "value" is written without its name: @Dropout(0.2).
    String written = member.equals("value") ? value : member + " = " + value;
    String received = member.equals("value") ? value : member + "=" + value;
    String where = "@" + site.name() + "(" + written + ") on " + describe(site.element());
    return message(where, problem + " Received: " + received + ".", fix);
  }

  private static String message(String where, String problem, String fix) {
    return PREFIX + where + ": " + problem + " " + fix;
  }

  /** How messages name an element: {@code class 'IrisClassifier'} or {@code field 'hidden'}. */
  static String describe(Element element) {
    String kind = element.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
    return kind + " '" + element.getSimpleName() + "'";
  }

  /** An annotation value as it would be written in source. */
  static String source(AnnotationValue value) {
    return value.accept(
        new SimpleAnnotationValueVisitor9<String, Void>() {
          @Override
          public String visitString(String s, Void unused) {
            return '"' + s + '"';
          }

          @Override
          public String visitChar(char c, Void unused) {
            return Character.isISOControl(c) ? String.format("'\\u%04x'", (int) c) : "'" + c + "'";
          }

          @Override
          public String visitEnumConstant(VariableElement constant, Void unused) {
            return constant.getSimpleName().toString();
          }

          @Override
          public String visitType(TypeMirror type, Void unused) {
            // A class as written, by its simple name: @Custom(Scale.class).
            return (type instanceof DeclaredType declared
                ? declared.asElement().getSimpleName().toString() : type.toString()) + ".class";
          }

          @Override
          public String visitArray(List<? extends AnnotationValue> values, Void unused) {
            // One element is written without braces, as javac accepts it: from = "hidden".
            List<String> elements = values.stream().map(ErrorReporter::source).toList();
            return elements.size() == 1 ? elements.get(0)
                : "{" + String.join(", ", elements) + "}";
          }

          @Override
          protected String defaultAction(Object value, Void unused) {
            return String.valueOf(value);
          }
        },
        null);
  }
}
