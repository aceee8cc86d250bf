package dev.deepbuild.runtime.gate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.gate.ThresholdRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleValidationTest {
  private static final double NONE = Double.NaN;

  @Test
  void unknownModelListsTheBuildsModelsAndSuggestsTheNearest() {
    assertEquals("<rules><rule> #1: <model>irsi</model> is not a model of this build; its models"
        + " are iris, boston. Did you mean iris?",
        problem(new ThresholdRule(1, "irsi", Metric.ACCURACY, DataSplit.TEST, 0.9, NONE)));
  }

  @Test
  void metricOfAnotherTaskIsNamedWithTheMetricsThatApply() {
    assertEquals("<rules><rule> #1 (boston: ACCURACY on TEST): accuracy does not apply to boston,"
        + " a regression model; use one of LOSS, MAE, MSE, RMSE, R2.",
        problem(new ThresholdRule(1, "boston", Metric.ACCURACY, DataSplit.TEST, 0.9, NONE)));
  }

  @Test
  void splitTheModelDoesNotHaveIsNamed() {
    assertEquals("<rules><rule> #1 (iris: LOSS on KFOLD_MEAN): iris has no @KFold, so it has no"
        + " KFOLD_MEAN metrics; use <on>TEST</on>, or add @KFold to the model.",
        problem(new ThresholdRule(1, "iris", Metric.LOSS, DataSplit.KFOLD_MEAN, NONE, 1)));
    assertEquals("<rules><rule> #1 (boston: MAE on VALIDATION): boston validates on @KFold folds"
        + " and has no VALIDATION metrics; use <on>KFOLD_MEAN</on> or <on>KFOLD_WORST</on>.",
        problem(new ThresholdRule(1, "boston", Metric.MAE, DataSplit.VALIDATION, NONE, 3)));
  }

  @Test
  void validationRuleFitsAModelWithAValidationTableOfItsOwn() {
    assertDoesNotThrow(() -> RuleValidation.check(
        List.of(new ThresholdRule(1, "tabled", Metric.ACCURACY, DataSplit.VALIDATION, 0.8, NONE)),
        Models.of(Models.irisWithValidationTable())));
  }

  @Test
  void validationRuleForAModelWithoutValidationDataSaysHowToGiveItSome() {
    assertEquals("<rules><rule> #1 (plain: ACCURACY on VALIDATION): plain holds out no validation"
        + " data and has no validation table; use <on>TEST</on> or <on>TRAIN</on>, or give the"
        + " model validation data (a validation fraction in its split, or"
        + " @CsvData(validationFile = ...)).",
        assertThrows(DeepBuildException.class, () -> RuleValidation.check(
            List.of(new ThresholdRule(1, "plain", Metric.ACCURACY, DataSplit.VALIDATION, 0.8, NONE)),
            Models.of(Models.irisWithoutValidation()))).getMessage());
  }

  @Test
  void ruleForEveryModelMustFitOne() {
    assertDoesNotThrow(() -> RuleValidation.check(
        List.of(new ThresholdRule(1, "*", Metric.MAE, DataSplit.TEST, NONE, 3)),
        Models.of(Models.iris(), Models.boston())));
    assertEquals("<rules><rule> #1 (*: R2 on TEST) fits no model of this build: r2 does not apply"
        + " to iris, a classifier; use one of LOSS, ACCURACY, PRECISION, RECALL, F1.",
        assertThrows(DeepBuildException.class, () -> RuleValidation.check(
            List.of(new ThresholdRule(1, "*", Metric.R2, DataSplit.TEST, 0.5, NONE)),
            Models.of(Models.iris()))).getMessage());
  }

  private static String problem(ThresholdRule rule) {
    return assertThrows(DeepBuildException.class, () -> RuleValidation.check(List.of(rule),
        Models.of(Models.iris(), Models.boston()))).getMessage();
  }
}
