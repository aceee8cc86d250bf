package dev.deepbuild.build.gate;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import java.util.Objects;

/**
 * A threshold given in the build's configuration rather than on a model class, as JaCoCo's check
 * rules are. It replaces a model's {@code @Threshold} on the same metric and split, or adds one.
 *
 * @param number the rule's position among the configured rules, from 1, which messages name it by
 * @param model the model's name, or {@value #EVERY_MODEL} for every model the rule fits
 * @param min the lowest passing value; NaN for none
 * @param max the highest passing value; NaN for none
 * @param maxRegression how much worse than the accepted value a passing value may be; NaN for none
 */
public record ThresholdRule(int number, String model, Metric metric, DataSplit on, double min,
    double max, double maxRegression) {
  public static final String EVERY_MODEL = "*";

  public ThresholdRule {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(on, "on");
  }

  /** A rule with no regression tolerance. */
  public ThresholdRule(int number, String model, Metric metric, DataSplit on, double min, double max) {
    this(number, model, metric, on, min, max, Double.NaN);
  }

  public boolean forEveryModel() {
    return EVERY_MODEL.equals(model);
  }

  /** Whether the rule names this model, or every model. */
  public boolean names(String modelName) {
    return forEveryModel() || model.equals(modelName);
  }

  public ThresholdSpec threshold() {
    return new ThresholdSpec(metric, on, min, max, Double.NaN, maxRegression, "");
  }

  /** How messages name the rule: {@code <rules><rule> #2 (iris: ACCURACY on TEST)}. */
  public String describe() {
    return RuleParser.element(number) + " (" + model + ": " + metric + " on " + on + ")";
  }
}
