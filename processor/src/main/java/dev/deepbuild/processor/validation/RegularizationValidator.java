package dev.deepbuild.processor.validation;

import dev.deepbuild.processor.model.KernelRegularizer;
import java.util.Optional;

/**
 * Checks the weight penalties: {@code @Regularization}, the class's default, and a {@code @Dense}
 * or {@code @Conv2D} layer's own {@code l1} and {@code l2}, where NaN takes the class's.
 */
final class RegularizationValidator {

  private final ErrorReporter errors;

  RegularizationValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  /**
   * The class's default penalty: {@code @Regularization}'s, or none when it is absent or wrong
   * (which generates nothing anyway, once reported).
   */
  KernelRegularizer classDefault(Optional<AnnotationSite> regularization) {
    if (regularization.isEmpty()) {
      return KernelRegularizer.NONE;
    }
    AnnotationSite site = regularization.get();
    double l1 = site.doubleValue("l1");
    double l2 = site.doubleValue("l2");
    boolean valid = true;
    for (String member : new String[] {"l1", "l2"}) {
      double factor = site.doubleValue(member);
      if (!(factor >= 0 && Double.isFinite(factor))) {
        errors.error(
            site, member,
            member + " is the factor of the penalty " + penalty(member) + " that every @Dense"
                + " and @Conv2D layer's weights add to the loss, so it is a finite number, 0 or"
                + " more.",
            "Set " + member + " to a factor such as " + example(member) + ", or 0 for none.");
        valid = false;
      }
    }
    return valid ? new KernelRegularizer(l1, l2) : KernelRegularizer.NONE;
  }

  /**
   * A {@code @Dense} layer's penalty: its own factors, each NaN one the class's; empty when one is
   * wrong.
   *
   * @param classSite the class's {@code @Regularization}, if any, for messages
   */
  Optional<KernelRegularizer> layer(
      AnnotationSite dense, KernelRegularizer classDefault, Optional<AnnotationSite> classSite) {
    double l1 = dense.doubleValue("l1");
    double l2 = dense.doubleValue("l2");
    boolean valid = true;
    for (String member : new String[] {"l1", "l2"}) {
      double factor = dense.doubleValue(member);
      // NaN, the default, takes the class's factor.
      if (!Double.isNaN(factor) && !(factor >= 0 && Double.isFinite(factor))) {
        // A factor @Regularization leaves out is 0 there too.
        String inherit =
            classSite.isPresent() && classSite.get().isWritten(member)
                ? "remove it to take @Regularization's, " + member + " = "
                    + ErrorReporter.source(classSite.get().value(member))
                : "remove it for none";
        errors.error(
            dense, member,
            member + " is the factor of the penalty " + penalty(member) + " that this layer's"
                + " weights add to the loss, so it is a finite number, 0 or more.",
            "Set " + member + " to a factor such as " + example(member) + ", 0 for none, or "
                + inherit + ".");
        valid = false;
      }
    }
    if (!valid) {
      return Optional.empty();
    }
    return Optional.of(
        new KernelRegularizer(
            Double.isNaN(l1) ? classDefault.l1() : l1, Double.isNaN(l2) ? classDefault.l2() : l2));
  }

  private static String penalty(String member) {
    return member.equals("l1") ? "l1 * sum(|w|)" : "l2 * sum(w²)";
  }

  private static String example(String member) {
    return member.equals("l1") ? "0.001" : "0.002";
  }
}
