package dev.deepbuild.processor.validation;

import dev.deepbuild.processor.model.SplitDescription;
import java.math.BigDecimal;
import java.util.Optional;

/** Checks a {@code @Split}, of the rows of {@code @CsvData} or the texts of {@code @TextData}. */
final class SplitValidator {

  private final ErrorReporter errors;

  SplitValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  /**
   * @param split the {@code split} of the data annotation
   * @param samples what the data's samples are called in messages, such as {@code rows}
   */
  Optional<SplitDescription> validate(AnnotationSite split, String samples) {
    int before = errors.errorCount();
    double test = split.doubleValue("test");
    double validation = split.doubleValue("validation");
    boolean testValid = test > 0 && test < 1;
    if (!testValid) {
      errors.error(
          split, "test",
          "test is the fraction of " + samples + " held out for the final test, in (0, 1).",
          "Set a fraction such as 0.2, to test on 20% of the " + samples + ".");
    }
    if (!(validation >= 0 && validation < 1)) {
      errors.error(
          split, "validation",
          "validation is the fraction of " + samples + " held out to validate during training,"
              + " in [0, 1), where 0 means none.",
          "Set a fraction such as 0.2, or 0 for no validation.");
    } else if (testValid && holdsOutEverything(test, validation)) {
      errors.error(
          split, "validation",
          "test = " + test + " and validation together hold out every " + singular(samples)
              + ", leaving none to train on.",
          "Lower them so that they add up to less than 1, such as test = 0.2 and validation ="
              + " 0.2.");
    }
    return errors.errorCount() > before
        ? Optional.empty()
        : Optional.of(new SplitDescription(test, validation));
  }

  /** Whether the fractions add up to 1 or more, as written: 0.7 + 0.3 is 1, unlike as doubles. */
  private static boolean holdsOutEverything(double test, double validation) {
    BigDecimal heldOut = BigDecimal.valueOf(test).add(BigDecimal.valueOf(validation));
    return heldOut.compareTo(BigDecimal.ONE) >= 0;
  }

  /** {@code rows} is {@code row}, {@code texts} is {@code text}. */
  private static String singular(String samples) {
    return samples.substring(0, samples.length() - 1);
  }
}
