package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.FinalEpochs;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.io.ReportJson;
import dev.deepbuild.build.result.KFoldReport;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.KFoldSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** K-fold cross-validation through {@link ModelTrainer}, with real training on generated blobs. */
class CrossValidationTest {
  @TempDir Path base;
  private final List<String> log = new ArrayList<>();

  @Test
  void reportsEveryFoldTheAveragedCurveAndTheFoldMetrics() throws IOException {
    ModelReport report = train(4, 2);

    KFoldReport kFold = report.kFold();
    assertEquals(8, kFold.folds().size());
    assertEquals(6, kFold.curve().size());
    assertEquals(Metric.ACCURACY, kFold.monitored());
    double[] accuracies = kFold.folds().stream().mapToDouble(f -> f.get(Metric.ACCURACY)).toArray();
    double mean = Arrays.stream(accuracies).average().orElseThrow();
    double worst = Arrays.stream(accuracies).min().orElseThrow();
    assertEquals(mean, report.metric(DataSplit.KFOLD_MEAN, Metric.ACCURACY).orElseThrow(), 1e-12);
    assertEquals(worst, report.metric(DataSplit.KFOLD_WORST, Metric.ACCURACY).orElseThrow());
    // Loss is worst at its highest.
    double worstLoss = kFold.folds().stream().mapToDouble(f -> f.get(Metric.LOSS)).max().orElseThrow();
    assertEquals(worstLoss, report.metric(DataSplit.KFOLD_WORST, Metric.LOSS).orElseThrow());
    assertEquals(mean, kFold.curve().get(5).mean().get(Metric.ACCURACY), 1e-12);
    assertTrue(mean > 0.9, report.toString());

    assertEquals(8, log.stream().filter(line -> line.startsWith("blobs: fold ")).count());
    assertTrue(log.stream().anyMatch(line -> line.startsWith("blobs: 4-fold x 2: best mean val_accuracy")),
        String.join("\n", log));
    // The final model trains on every training row and is tested on the test split.
    assertEquals(6, report.history().size());
    assertTrue(report.metric(DataSplit.TEST, Metric.ACCURACY).isPresent());
    assertEquals(report, ReportJson.read(base.resolve("target/deepbuild/blobs/metrics.json")));
  }

  @Test
  void isDeterministicForASeed() throws IOException {
    assertEquals(train(3, 1).kFold(), train(3, 1).kFold());
  }

  @Test
  void bestMeanTrainsTheFinalModelForTheFoldsBestMeanEpoch() throws IOException {
    // The folds' mean accuracy on separated blobs peaks within a few of the 12 epochs.
    ModelReport report = train(4, 1, FinalEpochs.BEST_MEAN, 12);

    KFoldReport kFold = report.kFold();
    assertEquals(FinalEpochs.BEST_MEAN, kFold.finalEpochs());
    assertEquals(12, kFold.curve().size());
    assertEquals(kFold.bestEpoch(), kFold.finalEpochCount());
    assertEquals(kFold.bestEpoch(), report.history().size());
    assertTrue(kFold.bestEpoch() < 12, kFold.toString());
    assertTrue(log.contains("blobs: the final model trains for " + kFold.bestEpoch() + " epochs, the"
        + " best mean val_accuracy of the folds (finalEpochs = BEST_MEAN); the folds trained for 12"),
        String.join("\n", log));
    assertEquals(report, ReportJson.read(base.resolve("target/deepbuild/blobs/metrics.json")));
  }

  @Test
  void declaredEpochsTrainTheFinalModelForTheSpecsEpochs() throws IOException {
    ModelReport report = train(3, 1);
    assertEquals(FinalEpochs.DECLARED, report.kFold().finalEpochs());
    assertEquals(6, report.kFold().finalEpochCount());
    assertEquals(6, report.history().size());
  }

  private ModelReport train(int k, int iterations) throws IOException {
    return train(k, iterations, FinalEpochs.DECLARED, 6);
  }

  private ModelReport train(int k, int iterations, FinalEpochs finalEpochs, int epochs)
      throws IOException {
    GeneratedData.blobs(base.resolve("blobs.csv"), 3, 60, 5);
    ModelSpec spec = ModelSpec.builder("blobs").declaredBy("com.example.Blobs").seed(42)
        .data(CsvSource.file("blobs.csv").labelColumn("label")).split(0.2, 0)
        .classification(0).standardize()
        .kFold(KFoldSpec.folds(k).iterations(iterations).finalEpochs(finalEpochs)).epochs(epochs)
        .batchSize(16).build();
    ModelDefinition model = Definitions.of(spec,
        inputs -> Networks.dense(42, inputs, 8, 3, Activation.SOFTMAX, LossFunction.MCXENT, 1.0));
    return new ModelTrainer(base, base.resolve("target/deepbuild"), getClass().getClassLoader(), log::add)
        .train(model);
  }
}
