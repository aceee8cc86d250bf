package dev.deepbuild.runtime.gate;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.PlainNumber;
import dev.deepbuild.build.gate.ThresholdRule;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.runtime.model.ModelSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model's thresholds once the configured rules apply. A rule on the same metric and split as a
 * {@code @Threshold} replaces it (all its bounds); any other rule adds a threshold. Where a rule
 * naming the model and a rule for every model ({@code *}) bound the same metric and split, the one
 * naming the model wins. A rule for every model applies only to the models it fits.
 */
public final class ThresholdOverrides {

  /**
   * @param thresholds the thresholds to check, the model's own first (replaced in place), then
   *     those the rules add
   * @param changes one line per rule that applied, saying what it replaced or added
   */
  public record Applied(List<ThresholdSpec> thresholds, List<String> changes) {
    public Applied {
      thresholds = List.copyOf(thresholds);
      changes = List.copyOf(changes);
    }
  }

  /** What a rule replaces: a threshold on the model's metric (a rule names no output). */
  private record Key(Metric metric, DataSplit on, String output) {
    static Key of(ThresholdSpec threshold) {
      return new Key(threshold.metric(), threshold.on(), threshold.output());
    }
  }

  private ThresholdOverrides() {}

  public static Applied apply(ModelSpec spec, List<ThresholdRule> rules) {
    Map<Key, ThresholdRule> chosen = new LinkedHashMap<>();
    for (ThresholdRule rule : rules) {
      if (!rule.names(spec.name()) || RuleFit.problem(rule, spec).isPresent()) {
        continue;
      }
      Key key = new Key(rule.metric(), rule.on(), "");
      ThresholdRule other = chosen.get(key);
      if (other == null || other.forEveryModel() && !rule.forEveryModel()) {
        chosen.put(key, rule);
      }
    }
    List<ThresholdSpec> thresholds = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    Set<Key> replaced = new HashSet<>();
    for (ThresholdSpec threshold : spec.thresholds()) {
      Key key = Key.of(threshold);
      ThresholdRule rule = chosen.get(key);
      if (rule == null) {
        thresholds.add(threshold);
      } else {
        // Two @Thresholds on one metric and split (a minimum and a maximum) give way to one rule.
        if (replaced.add(key)) {
          thresholds.add(rule.threshold());
        }
        changes.add(spec.name() + ": " + rule.describe() + " replaces " + annotation(threshold));
      }
    }
    chosen.forEach((key, rule) -> {
      if (!replaced.contains(key)) {
        thresholds.add(rule.threshold());
        changes.add(spec.name() + ": " + rule.describe() + " adds a threshold on "
            + key.on().label() + " " + key.metric().key());
      }
    });
    return new Applied(thresholds, changes);
  }

  /** {@code @Threshold(metric = ACCURACY, on = TEST, min = 0.9)}, with every bound it sets. */
  private static String annotation(ThresholdSpec threshold) {
    return "@Threshold(metric = " + threshold.metric() + ", on = " + threshold.on()
        + (threshold.hasMin() ? ", min = " + PlainNumber.of(threshold.min()) : "")
        + (threshold.hasMax() ? ", max = " + PlainNumber.of(threshold.max()) : "")
        + (threshold.hasBaselineMargin()
            ? ", beatBaselineBy = " + PlainNumber.of(threshold.beatBaselineBy()) : "")
        + (threshold.hasMaxRegression()
            ? ", maxRegression = " + PlainNumber.of(threshold.maxRegression()) : "") + ")";
  }
}
