package dev.deepbuild.maven;

import dev.deepbuild.build.gate.RuleParser;

/**
 * One {@code <rule>} of the plugin's {@code <rules>}, as Maven fills it from the pom: every element
 * as written, so that DeepBuild, not Maven's converter, explains what is wrong with it.
 */
public class Rule {
  /** A model's name, or {@code *} for every model. */
  private String model;

  /** A metric's name: LOSS, ACCURACY, PRECISION, RECALL, F1, MAE, MSE, RMSE or R2. */
  private String metric;

  /** The split it is measured on: TRAIN, VALIDATION, TEST (the default), KFOLD_MEAN or KFOLD_WORST. */
  private String on;

  /** The lowest passing value. */
  private String minimum;

  /** The highest passing value. */
  private String maximum;

  /**
   * How much worse than the accepted value ({@code dl:accept}) a passing value may be: lower for
   * accuracy, higher for a loss or an error.
   */
  private String maxRegression;

  RuleParser.Written written() {
    return new RuleParser.Written(model, metric, on, minimum, maximum, maxRegression);
  }
}
