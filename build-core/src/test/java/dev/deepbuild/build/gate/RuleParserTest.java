package dev.deepbuild.build.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.DeepBuildException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleParserTest {

  @Test
  void ruleWithoutSplitIsOnTestAndNamesAreCaseInsensitive() {
    List<ThresholdRule> rules = RuleParser.parse(List.of(
        new RuleParser.Written(" iris ", "accuracy", null, "0.95", null),
        new RuleParser.Written("*", "MAE", "kfold_mean", null, "2.5")));

    ThresholdRule iris = rules.get(0);
    assertEquals(new ThresholdRule(1, "iris", Metric.ACCURACY, DataSplit.TEST, 0.95, Double.NaN), iris);
    ThresholdRule every = rules.get(1);
    assertEquals(2, every.number());
    assertTrue(every.forEveryModel());
    assertEquals(DataSplit.KFOLD_MEAN, every.on());
    assertEquals(2.5, every.max());
  }

  @Test
  void unknownMetricListsTheValidOnesAndSuggestsTheNearest() {
    assertEquals("<rules><rule> #1: <metric>ACURACY</metric> is not a metric; use one of LOSS,"
        + " ACCURACY, PRECISION, RECALL, F1, MAE, MSE, RMSE, R2. Did you mean ACCURACY?",
        problems(new RuleParser.Written("iris", "ACURACY", null, "0.9", null)));
  }

  @Test
  void aMetricNotNearAnyNameGetsNoSuggestion() {
    assertEquals("<rules><rule> #1: <metric>PERPLEXITY</metric> is not a metric; use one of LOSS,"
        + " ACCURACY, PRECISION, RECALL, F1, MAE, MSE, RMSE, R2.",
        problems(new RuleParser.Written("iris", "PERPLEXITY", null, "0.9", null)));
  }

  @Test
  void unknownSplitListsTheValidOnesAndSuggestsTheNearest() {
    assertEquals("<rules><rule> #1: <on>TESTING</on> is not a data split; use one of TRAIN,"
        + " VALIDATION, TEST, KFOLD_MEAN, KFOLD_WORST, or leave <on> out for TEST. Did you mean TEST?",
        problems(new RuleParser.Written("iris", "F1", "TESTING", "0.9", null)));
  }

  @Test
  void missingModelAndMetricAreNamed() {
    assertEquals("<rules><rule> #1: <model> is missing; name a model (its @Model name), or write"
        + " <model>*</model> for every model." + System.lineSeparator()
        + "<rules><rule> #1: <metric> is missing; set it to one of LOSS, ACCURACY, PRECISION,"
        + " RECALL, F1, MAE, MSE, RMSE, R2.",
        problems(new RuleParser.Written(null, " ", null, "0.9", null)));
  }

  @Test
  void ruleWithoutBoundSaysWhichElementsToAdd() {
    assertEquals("<rules><rule> #1 (boston: MAE on TEST): it sets no bound; add <minimum>,"
        + " <maximum>, <maxRegression> or several, such as <maximum>0.5</maximum>.",
        problems(new RuleParser.Written("boston", "MAE", null, null, "")));
  }

  @Test
  void minimumAboveMaximumCannotPass() {
    assertEquals("<rules><rule> #1 (iris: LOSS on VALIDATION): <minimum>0.9</minimum> is above"
        + " <maximum>0.8</maximum>, so no value can pass; lower <minimum> or raise <maximum>.",
        problems(new RuleParser.Written("iris", "LOSS", "VALIDATION", "0.9", "0.8")));
  }

  @Test
  void boundsOutsideTheMetricsRangeCanNeverBeMet() {
    assertEquals("<rules><rule> #1 (iris: ACCURACY on TEST): accuracy is at most 1, so"
        + " <minimum>95</minimum> can never be met; set it to 1 or less (accuracy is a fraction:"
        + " 0.9 is 90%).",
        problems(new RuleParser.Written("iris", "ACCURACY", null, "95", null)));
    assertEquals("<rules><rule> #1 (boston: RMSE on TEST): rmse is at least 0, so"
        + " <maximum>-1</maximum> can never be met; set it to 0 or more.",
        problems(new RuleParser.Written("boston", "RMSE", null, null, "-1")));
  }

  @Test
  void boundThatIsNotANumberIsNamed() {
    assertEquals("<rules><rule> #1: <minimum>90%</minimum> is not a finite number; write a decimal"
        + " number such as 0.95.",
        problems(new RuleParser.Written("iris", "ACCURACY", null, "90%", null)));
    assertEquals("<rules><rule> #1: <maximum>NaN</maximum> is not a finite number; write a decimal"
        + " number such as 0.95.",
        problems(new RuleParser.Written("iris", "LOSS", null, null, "NaN")));
  }

  @Test
  void infiniteBoundIsRefusedEvenOnAnUnboundedMetric() {
    assertEquals("<rules><rule> #1 (iris: LOSS on TEST): <minimum>Infinity</minimum> is not a"
        + " finite number; write a decimal number such as 0.95.",
        problems(new RuleParser.Written("iris", "LOSS", null, "Infinity", null)));
  }

  @Test
  void twoRulesForTheSameThresholdAreAmbiguous() {
    assertEquals("<rules><rule> #3 (iris: ACCURACY on TEST) sets the same threshold as"
        + " <rules><rule> #1; keep one of them.",
        problems(new RuleParser.Written("iris", "ACCURACY", null, "0.9", null),
            new RuleParser.Written("*", "ACCURACY", null, "0.8", null),
            new RuleParser.Written("iris", "accuracy", "TEST", null, "1")));
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    String message = problems(new RuleParser.Written("iris", "ACCURACY", null, "0.9", null),
        new RuleParser.Written("iris", "AUC", null, "0.9", null),
        new RuleParser.Written("iris", "F1", null, "2", null));
    assertEquals(2, message.lines().count(), message);
    assertTrue(message.contains("<rules><rule> #2: <metric>AUC</metric>"), message);
    assertTrue(message.contains("<rules><rule> #3 (iris: F1 on TEST): f1 is at most 1"), message);
  }

  @Test
  void aRegressionToleranceIsABoundOfItsOwn() {
    List<ThresholdRule> rules = RuleParser.parse(List.of(
        new RuleParser.Written("iris", "ACCURACY", null, null, null, "0.01"),
        new RuleParser.Written("*", "LOSS", "VALIDATION", null, "0.5", "0")));
    assertEquals(new ThresholdRule(1, "iris", Metric.ACCURACY, DataSplit.TEST, Double.NaN,
        Double.NaN, 0.01), rules.get(0));
    assertEquals(0.01, rules.get(0).threshold().maxRegression());
    assertEquals(0.0, rules.get(1).threshold().maxRegression());
    assertEquals(0.5, rules.get(1).threshold().max());
  }

  @Test
  void aNegativeOrInfiniteRegressionToleranceIsRefusedWithTheFix() {
    assertEquals("<rules><rule> #1 (iris: ACCURACY on TEST): <maxRegression>-0.01</maxRegression>"
        + " is how much worse than its accepted value accuracy may be, so it is zero or more and"
        + " finite; write a tolerance such as <maxRegression>0.01</maxRegression>, or 0 for no"
        + " regression at all.",
        problems(new RuleParser.Written("iris", "ACCURACY", null, null, null, "-0.01")));
    assertEquals("<rules><rule> #1 (boston: MAE on TEST): <maxRegression>Infinity</maxRegression>"
        + " is how much worse than its accepted value mae may be, so it is zero or more and"
        + " finite; write a tolerance such as <maxRegression>0.05</maxRegression>, or 0 for no"
        + " regression at all.",
        problems(new RuleParser.Written("boston", "MAE", null, null, null, "Infinity")));
    assertEquals("<rules><rule> #1: <maxRegression>1%</maxRegression> is not a finite number;"
        + " write a decimal number such as 0.95.",
        problems(new RuleParser.Written("iris", "ACCURACY", null, null, null, "1%")));
  }

  @Test
  void aRegressionToleranceThatEveryValueMeetsIsNoError() {
    assertEquals(1.0, RuleParser.parse(List.of(
        new RuleParser.Written("iris", "ACCURACY", null, null, null, "1"))).get(0).maxRegression());
  }

  private static String problems(RuleParser.Written... rules) {
    return assertThrows(DeepBuildException.class, () -> RuleParser.parse(List.of(rules))).getMessage();
  }
}
