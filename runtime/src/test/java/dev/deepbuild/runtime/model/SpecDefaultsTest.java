package dev.deepbuild.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.Augmentation;
import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.EarlyStopping;
import dev.deepbuild.annotations.FinalEpochs;
import dev.deepbuild.annotations.Flip;
import dev.deepbuild.annotations.KFold;
import dev.deepbuild.annotations.LearningRateSchedule;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.annotations.Rescaling;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.runtime.data.BuiltinSource;
import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The named builders start from the annotations' defaults, so generated code that leaves an option
 * out means what the annotation that left it out means.
 */
class SpecDefaultsTest {

  @Test
  void earlyStoppingStartsFromTheAnnotationsDefaults() throws ReflectiveOperationException {
    assertEquals(new EarlyStoppingSpec(Metric.LOSS, (int) defaultOf(EarlyStopping.class, "patience"),
            (double) defaultOf(EarlyStopping.class, "minDelta"),
            (boolean) defaultOf(EarlyStopping.class, "restoreBestWeights")),
        EarlyStoppingSpec.on((Metric) defaultOf(EarlyStopping.class, "monitor")));
    assertEquals(new EarlyStoppingSpec(Metric.MAE, 1, 0.05, false),
        EarlyStoppingSpec.on(Metric.MAE).patience(1).minDelta(0.05).restoreBestWeights(false));
  }

  @Test
  void schedulesKeepTheAnnotationsDefaultsForWhatTheirTypeIgnores()
      throws ReflectiveOperationException {
    double factor = (double) defaultOf(LearningRateSchedule.class, "factor");
    int every = (int) defaultOf(LearningRateSchedule.class, "every");
    int patience = (int) defaultOf(LearningRateSchedule.class, "patience");
    Metric monitor = (Metric) defaultOf(LearningRateSchedule.class, "monitor");
    double floor = (double) defaultOf(LearningRateSchedule.class, "minLearningRate");
    assertEquals(new ScheduleSpec(LearningRateSchedule.Type.STEP, factor, 3, patience, monitor, floor),
        ScheduleSpec.step(3));
    assertEquals(new ScheduleSpec(LearningRateSchedule.Type.EXPONENTIAL, factor, every, patience,
        monitor, floor), ScheduleSpec.exponential());
    assertEquals(new ScheduleSpec(LearningRateSchedule.Type.ON_PLATEAU, 0.2, every, 4, Metric.R2,
        1e-5), ScheduleSpec.onPlateau(Metric.R2, 4).factor(0.2).minLearningRate(1e-5));
  }

  @Test
  void kFoldStartsFromTheAnnotationsDefaults() throws ReflectiveOperationException {
    assertEquals(new KFoldSpec(5, (int) defaultOf(KFold.class, "iterations"),
            (FinalEpochs) defaultOf(KFold.class, "finalEpochs")), KFoldSpec.folds(5));
    assertEquals(new KFoldSpec(5, 2, FinalEpochs.BEST_MEAN),
        KFoldSpec.folds(5).iterations(2).finalEpochs(FinalEpochs.BEST_MEAN));
  }

  @Test
  void thresholdsNameTheirBoundsAndAreOnTheAnnotationsDefaultSplit()
      throws ReflectiveOperationException {
    DataSplit test = (DataSplit) defaultOf(Threshold.class, "on");
    assertEquals(new ThresholdSpec(Metric.ACCURACY, test, 0.9, Double.NaN),
        ThresholdSpec.min(Metric.ACCURACY, 0.9));
    assertEquals(new ThresholdSpec(Metric.MAE, DataSplit.VALIDATION, Double.NaN, 2.5, 0.5),
        ThresholdSpec.max(Metric.MAE, 2.5).beatBaselineBy(0.5).on(DataSplit.VALIDATION));
    assertEquals(new ThresholdSpec(Metric.ACCURACY, test, 0.8, 0.99, 0.35),
        ThresholdSpec.beatBaseline(Metric.ACCURACY, 0.35).min(0.8).max(0.99));
    double unset = (double) defaultOf(Threshold.class, "maxRegression");
    assertEquals(unset, ThresholdSpec.min(Metric.ACCURACY, 0.9).maxRegression(), 0);
    assertEquals(new ThresholdSpec(Metric.LOSS, test, Double.NaN, Double.NaN, Double.NaN, 0.05, ""),
        ThresholdSpec.maxRegression(Metric.LOSS, 0.05));
    assertEquals(new ThresholdSpec(Metric.ACCURACY, DataSplit.VALIDATION, 0.8, Double.NaN,
            Double.NaN, 0.01, ""),
        ThresholdSpec.min(Metric.ACCURACY, 0.8).maxRegression(0.01).on(DataSplit.VALIDATION));
  }

  @Test
  void vectorizationsNameTheirMode() {
    assertEquals(new Vectorization(10000, OutputMode.MULTI_HOT, 0), Vectorization.multiHot(10000));
    assertEquals(new Vectorization(20000, OutputMode.INT, 200),
        Vectorization.intSequences(20000).sequenceLength(200));
  }

  @Test
  void augmentationAndRescalingStartFromTheAnnotationsDefaults()
      throws ReflectiveOperationException {
    assertEquals(new AugmentationSpec((Flip) defaultOf(Augmentation.class, "flip"),
        (double) defaultOf(Augmentation.class, "rotation"),
        (double) defaultOf(Augmentation.class, "zoom"),
        (double) defaultOf(Augmentation.class, "translation"),
        (double) defaultOf(Augmentation.class, "contrast")), AugmentationSpec.none());
    assertEquals(new AugmentationSpec(Flip.VERTICAL, 0.1, 0.2, 0.3, 0.4), AugmentationSpec.none()
        .flip(Flip.VERTICAL).rotation(0.1).zoom(0.2).translation(0.3).contrast(0.4));
    assertEquals(new RescalingSpec(0.5, (double) defaultOf(Rescaling.class, "offset")),
        RescalingSpec.scale(0.5));
  }

  @Test
  void aBuiltinSourceStartsFromTheWholeDatasetAsDatasetsDefaults()
      throws ReflectiveOperationException {
    BuiltinSource mnist = BuiltinSource.of(BuiltinDataset.MNIST);
    assertArrayEquals((int[]) defaultOf(Dataset.class, "classes"), mnist.classIndices());
    assertEquals((int) defaultOf(Dataset.class, "trainingSamples"), mnist.trainingSamples());
    assertEquals(new BuiltinSource(BuiltinDataset.MNIST, List.of(5, 6, 7, 8, 9), 500),
        mnist.classes(5, 6, 7, 8, 9).trainingSamples(500));
  }

  private static Object defaultOf(Class<? extends Annotation> annotation, String member)
      throws ReflectiveOperationException {
    return annotation.getMethod(member).getDefaultValue();
  }
}
