package dev.deepbuild.processor.model;

/**
 * The hold-out split of a CSV table or of texts, as fractions of all samples; the rest is training
 * data.
 *
 * @param test the fraction held out for the final test, in (0, 1)
 * @param validation the fraction held out for validation, in [0, 1); 0 for none
 */
public record SplitDescription(double test, double validation) {

  public SplitDescription {
    if (!(test > 0 && test < 1)) {
      throw new IllegalArgumentException("test must be in (0, 1): " + test);
    }
    if (!(validation >= 0 && validation < 1)) {
      throw new IllegalArgumentException("validation must be in [0, 1): " + validation);
    }
  }
}
