package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.EpochRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CurveDiagnosisTest {
  @Test
  void validationLossRisingWhileTrainingLossFallsIsOverfitting() {
    assertEquals(Optional.of("imdb: validation loss was lowest at epoch 2 of 4 (0.3000); from epoch 3"
        + " it rose to 0.4500 while the training loss kept falling: the model overfits; stop at"
        + " epoch 2, regularize or add data"),
        CurveDiagnosis.of("imdb", lastKept(
            curve(new double[] {0.5, 0.3, 0.2, 0.1}, new double[] {0.4, 0.3, 0.35, 0.45}))));
  }

  @Test
  void anOverfitCurveWhoseBestEpochWasKeptSaysSo() {
    List<EpochRecord> history =
        curve(new double[] {0.5, 0.3, 0.2, 0.1}, new double[] {0.4, 0.3, 0.35, 0.45});
    assertEquals(Optional.of("imdb: validation loss was lowest at epoch 2 of 4 (0.3000); from epoch 3"
        + " it rose to 0.4500 while the training loss kept falling: the model overfits; the model"
        + " keeps epoch 2's weights"),
        CurveDiagnosis.of("imdb", new TrainingRun(history, 2, "early stopping")));
  }

  @Test
  void validationLossStillFallingAtTheEndIsUnderfitting() {
    assertEquals(Optional.of("boston: validation loss was lowest at epoch 3 of 3 (0.5000); it was"
        + " still falling: the model underfits, more epochs or a larger model may help"),
        CurveDiagnosis.of("boston", lastKept(
            curve(new double[] {3, 2, 1}, new double[] {2, 1, 0.5}))));
  }

  @Test
  void aFlatEndIsNeither() {
    assertEquals(Optional.of("iris: validation loss was lowest at epoch 2 of 3 (0.2000); it has"
        + " levelled off since"),
        CurveDiagnosis.of("iris", lastKept(
            curve(new double[] {0.5, 0.3, 0.3}, new double[] {0.4, 0.2, 0.2001}))));
  }

  @Test
  void aRiseSmallOnTheCurvesScaleIsNoOverfitting() {
    // 0.0004 is 0.8% of the lowest loss, but 0.04% of the curve's range.
    assertEquals(Optional.of("iris: validation loss was lowest at epoch 4 of 5 (0.0500); it has"
        + " levelled off since"),
        CurveDiagnosis.of("iris", lastKept(curve(new double[] {1.0, 0.5, 0.2, 0.1, 0.09},
            new double[] {1.0, 0.4, 0.1, 0.05, 0.0504}))));
  }

  @Test
  void aFallSmallOnTheCurvesScaleIsNoUnderfitting() {
    // 0.0003 is 0.6% of the last loss, but 0.03% of the curve's range.
    assertEquals(Optional.of("iris: validation loss was lowest at epoch 5 of 5 (0.0495); it has"
        + " levelled off"),
        CurveDiagnosis.of("iris", lastKept(curve(new double[] {1.0, 0.5, 0.2, 0.1, 0.09},
            new double[] {1.0, 0.2, 0.1, 0.0498, 0.0495}))));
  }

  @Test
  void aFallingLossAtPerfectAccuracyIsNoUnderfitting() {
    List<EpochRecord> history = new ArrayList<>();
    double[] validation = {0.9, 0.3, 0.1, 0.06, 0.04};
    for (int i = 0; i < validation.length; i++) {
      double accuracy = i < 2 ? 0.9 : 1.0;
      history.add(new EpochRecord(i + 1, Map.of(Metric.LOSS, validation[i], Metric.ACCURACY, accuracy),
          Map.of(Metric.LOSS, validation[i], Metric.ACCURACY, accuracy)));
    }
    assertEquals(Optional.of("iris: validation loss was lowest at epoch 5 of 5 (0.0400); it was"
        + " still falling, but the model already classifies every training and validation sample"
        + " correctly"), CurveDiagnosis.of("iris", lastKept(history)));
  }

  @Test
  void withoutValidationThereIsNoDiagnosis() {
    assertEquals(Optional.empty(), CurveDiagnosis.of("iris",
        lastKept(List.of(new EpochRecord(1, Map.of(Metric.LOSS, 1.0), Map.of())))));
  }

  private static TrainingRun lastKept(List<EpochRecord> history) {
    return new TrainingRun(history, history.size(), "all epochs");
  }

  private static List<EpochRecord> curve(double[] training, double[] validation) {
    List<EpochRecord> history = new ArrayList<>();
    for (int i = 0; i < training.length; i++) {
      history.add(new EpochRecord(i + 1, Map.of(Metric.LOSS, training[i]), Map.of(Metric.LOSS, validation[i])));
    }
    return history;
  }
}
