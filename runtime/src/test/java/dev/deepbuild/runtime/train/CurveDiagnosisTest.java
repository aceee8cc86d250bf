package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.Metric;
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
