package dev.deepbuild.runtime.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.gate.ThresholdRule;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdOverridesTest {
  private static final double NONE = Double.NaN;

  @Test
  void withoutRulesTheModelsOwnThresholdsApply() {
    ThresholdOverrides.Applied applied = ThresholdOverrides.apply(Models.iris(), List.of());

    assertEquals(Models.iris().thresholds(), applied.thresholds());
    assertEquals(List.of(), applied.changes());
  }

  @Test
  void ruleOnTheSameMetricAndSplitReplacesTheThresholdWithBothItsBounds() {
    ModelSpec spec = ModelSpec.builder("iris").data(Models.iris().data()).classification(3)
        .threshold(ThresholdSpec.max(Metric.LOSS, 0.5))
        .threshold(ThresholdSpec.min(Metric.ACCURACY, 0.9).max(1.0))
        .build();
    ThresholdOverrides.Applied applied = ThresholdOverrides.apply(spec,
        List.of(new ThresholdRule(1, "iris", Metric.ACCURACY, DataSplit.TEST, 0.95, NONE)));

    assertEquals(List.of(new ThresholdSpec(Metric.LOSS, DataSplit.TEST, NONE, 0.5),
        new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, 0.95, NONE)), applied.thresholds());
    assertEquals(List.of("iris: <rules><rule> #1 (iris: ACCURACY on TEST) replaces"
        + " @Threshold(metric = ACCURACY, on = TEST, min = 0.9, max = 1)"), applied.changes());
  }

  @Test
  void aReplacedBaselineMarginIsNamedInTheChange() {
    ModelSpec spec = ModelSpec.builder("imdb").data(Models.iris().data()).classification(2)
        .threshold(ThresholdSpec.min(Metric.ACCURACY, 0.87))
        .threshold(ThresholdSpec.beatBaseline(Metric.ACCURACY, 0.35))
        .build();
    ThresholdOverrides.Applied applied = ThresholdOverrides.apply(spec,
        List.of(new ThresholdRule(1, "imdb", Metric.ACCURACY, DataSplit.TEST, 0.8, NONE)));

    assertEquals(List.of(new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, 0.8, NONE)),
        applied.thresholds());
    assertEquals(List.of(
        "imdb: <rules><rule> #1 (imdb: ACCURACY on TEST) replaces @Threshold(metric = ACCURACY,"
            + " on = TEST, min = 0.87)",
        "imdb: <rules><rule> #1 (imdb: ACCURACY on TEST) replaces @Threshold(metric = ACCURACY,"
            + " on = TEST, beatBaselineBy = 0.35)"), applied.changes());
  }

  @Test
  void aRuleWithARegressionToleranceReplacesOneAndIsNamedInTheChange() {
    ModelSpec spec = ModelSpec.builder("iris").data(Models.iris().data()).classification(3)
        .threshold(ThresholdSpec.min(Metric.ACCURACY, 0.9).maxRegression(0.02))
        .build();
    ThresholdOverrides.Applied applied = ThresholdOverrides.apply(spec,
        List.of(new ThresholdRule(1, "iris", Metric.ACCURACY, DataSplit.TEST, 0.8, NONE, 0.01)));

    assertEquals(List.of(ThresholdSpec.min(Metric.ACCURACY, 0.8).maxRegression(0.01)),
        applied.thresholds());
    assertEquals(List.of("iris: <rules><rule> #1 (iris: ACCURACY on TEST) replaces"
        + " @Threshold(metric = ACCURACY, on = TEST, min = 0.9, maxRegression = 0.02)"),
        applied.changes());
  }

  @Test
  void ruleOnAnotherSplitAddsAThreshold() {
    ThresholdOverrides.Applied applied = ThresholdOverrides.apply(Models.iris(),
        List.of(new ThresholdRule(1, "iris", Metric.ACCURACY, DataSplit.VALIDATION, 0.8, NONE)));

    assertEquals(List.of(new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, 0.9, NONE),
        new ThresholdSpec(Metric.ACCURACY, DataSplit.VALIDATION, 0.8, NONE)), applied.thresholds());
    assertEquals(List.of("iris: <rules><rule> #1 (iris: ACCURACY on VALIDATION) adds a threshold"
        + " on validation accuracy"), applied.changes());
  }

  @Test
  void validationRuleForEveryModelAppliesToAModelWithAValidationTable() {
    ThresholdRule every = new ThresholdRule(1, "*", Metric.ACCURACY, DataSplit.VALIDATION, 0.8, NONE);

    assertEquals(List.of(new ThresholdSpec(Metric.ACCURACY, DataSplit.VALIDATION, 0.8, NONE)),
        ThresholdOverrides.apply(Models.irisWithValidationTable(), List.of(every)).thresholds());
    assertEquals(List.of(),
        ThresholdOverrides.apply(Models.irisWithoutValidation(), List.of(every)).thresholds());
  }

  @Test
  void ruleForAnotherModelLeavesThisOneAlone() {
    ThresholdOverrides.Applied applied = ThresholdOverrides.apply(Models.iris(),
        List.of(new ThresholdRule(1, "boston", Metric.ACCURACY, DataSplit.TEST, 0.99, NONE)));

    assertEquals(Models.iris().thresholds(), applied.thresholds());
  }

  @Test
  void ruleNamingTheModelWinsOverOneForEveryModelInEitherOrder() {
    ThresholdRule named = new ThresholdRule(1, "iris", Metric.ACCURACY, DataSplit.TEST, 0.95, NONE);
    ThresholdRule every = new ThresholdRule(2, "*", Metric.ACCURACY, DataSplit.TEST, 0.5, NONE);
    ThresholdSpec expected = new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, 0.95, NONE);

    assertEquals(List.of(expected),
        ThresholdOverrides.apply(Models.iris(), List.of(named, every)).thresholds());
    assertEquals(List.of(expected),
        ThresholdOverrides.apply(Models.iris(), List.of(every, named)).thresholds());
  }

  @Test
  void ruleForEveryModelAppliesOnlyWhereItFits() {
    ThresholdRule mae = new ThresholdRule(1, "*", Metric.MAE, DataSplit.TEST, NONE, 2.5);
    ThresholdRule validation = new ThresholdRule(2, "*", Metric.LOSS, DataSplit.VALIDATION, NONE, 1);

    assertEquals(List.of(new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, 0.9, NONE),
        new ThresholdSpec(Metric.LOSS, DataSplit.VALIDATION, NONE, 1)),
        ThresholdOverrides.apply(Models.iris(), List.of(mae, validation)).thresholds());
    // boston has no validation split; its MAE threshold on TEST is replaced in place.
    assertEquals(List.of(new ThresholdSpec(Metric.MAE, DataSplit.TEST, NONE, 2.5),
        new ThresholdSpec(Metric.MAE, DataSplit.KFOLD_MEAN, NONE, 2.9)),
        ThresholdOverrides.apply(Models.boston(), List.of(mae, validation)).thresholds());
  }

  @Test
  void aRuleBoundsAFunctionalModelsLossAndLeavesItsOutputsThresholdsAlone() {
    ModelSpec spec = ModelSpec.builder("tickets").data(Models.iris().data())
        .output(OutputSpec.named("topic").classification(46))
        .output(OutputSpec.named("usa").classification(2))
        .threshold(ThresholdSpec.min(Metric.ACCURACY, 0.85).onOutput("topic"))
        .build();
    ThresholdOverrides.Applied applied = ThresholdOverrides.apply(spec, List.of(
        new ThresholdRule(1, "*", Metric.ACCURACY, DataSplit.TEST, 0.95, NONE),
        new ThresholdRule(2, "tickets", Metric.LOSS, DataSplit.TEST, NONE, 1.5)));

    // The model has no accuracy of its own: the first rule fits no output and is left out.
    assertEquals(List.of(ThresholdSpec.min(Metric.ACCURACY, 0.85).onOutput("topic"),
        new ThresholdSpec(Metric.LOSS, DataSplit.TEST, NONE, 1.5)), applied.thresholds());
    assertEquals(List.of("tickets: <rules><rule> #2 (tickets: LOSS on TEST) adds a threshold on"
        + " test loss"), applied.changes());
    assertEquals("accuracy is a metric of each output of tickets [topic, usa], and a rule"
        + " bounds the model's own metric, its loss; use LOSS, or a @Threshold(output = ...) on"
        + " the class", RuleFit.problem(
            new ThresholdRule(3, "tickets", Metric.ACCURACY, DataSplit.TEST, 0.9, NONE), spec)
        .orElseThrow());
  }
}
