package dev.deepbuild.processor.writer;

import static dev.deepbuild.processor.writer.Literals.decimal;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.FinalEpochs;
import dev.deepbuild.annotations.LearningRateSchedule;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.DataDescription.Builtin;
import dev.deepbuild.processor.model.DataDescription.CsvTable;
import dev.deepbuild.processor.model.DataDescription.Texts;
import dev.deepbuild.processor.model.DataSource;
import dev.deepbuild.processor.model.EarlyStoppingDescription;
import dev.deepbuild.processor.model.KFoldDescription;
import dev.deepbuild.processor.model.LabelColumn;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.ScheduleDescription;
import dev.deepbuild.processor.model.SplitDescription;
import dev.deepbuild.processor.model.ThresholdDescription;
import dev.deepbuild.processor.model.VectorizationDescription;
import javax.lang.model.element.Modifier;

/** Writes {@code ModelDefinition.spec()}: everything about the model but its network. */
final class SpecWriter {

  private SpecWriter() {}

  static MethodSpec spec(ModelDescription model) {
    DataDescription data = model.data();
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add("return $T.builder($S)\n", TypeNames.MODEL_SPEC, model.name())
            .add(".declaredBy($S)\n", model.declaringClass())
            .add(".seed($LL)\n", model.seed())
            .add(".data($L)\n", source(data));
    code.add(split(data));
    if (model.task() == Task.REGRESSION) {
      code.add(".regression()\n");
    } else if (data.classes() == 0) {
      code.add(".classification(0)  // 0: the classes are those found in the data\n");
    } else {
      code.add(".classification($L)\n", data.classes());
    }
    if (model.standardize()) {
      code.add(".standardize()\n");
    }
    if (model.vectorization().isPresent()) {
      VectorizationDescription vectorization = model.vectorization().get();
      code.add(".vectorize($L, $T.$L, $L)\n",
          vectorization.maxTokens(), OutputMode.class, vectorization.mode().name(),
          vectorization.sequenceLength());
    }
    if (model.kFold().isPresent()) {
      KFoldDescription kFold = model.kFold().get();
      if (kFold.finalEpochs() == FinalEpochs.DECLARED) {
        code.add(".kFold($L, $L)\n", kFold.k(), kFold.iterations());
      } else {
        code.add(".kFold($L, $L, $T.$L)  // the final model trains for the best mean epoch\n",
            kFold.k(), kFold.iterations(), FinalEpochs.class, kFold.finalEpochs().name());
      }
    }
    code.add(".epochs($L)\n", model.training().epochs())
        .add(".batchSize($L)\n", model.training().batchSize());
    model.earlyStopping().ifPresent(stop -> code.add(earlyStopping(stop)));
    model.schedule().ifPresent(schedule -> code.add(schedule(schedule)));
    for (ThresholdDescription threshold : model.thresholds()) {
      code.add(threshold(threshold, model.task()));
    }
    code.add(".build()");
    return MethodSpec.methodBuilder("spec")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeNames.MODEL_SPEC)
        .addStatement("$L", code.build())
        .build();
  }

  /** {@code .earlyStopping(Metric.LOSS, 5, 0.0, true)}, with what it means. */
  private static CodeBlock earlyStopping(EarlyStoppingDescription stop) {
    return CodeBlock.of(".earlyStopping($T.$L, $L, $L, $L)  // $L\n",
        Metric.class, stop.monitor().name(), stop.patience(), decimal(stop.minDelta()),
        stop.restoreBestWeights(),
        "stop after " + epochs(stop.patience()) + " without " + improvement(stop.monitor())
            + (stop.minDelta() > 0 ? " by at least " + decimal(stop.minDelta()) : "") + "; keep "
            + (stop.restoreBestWeights() ? "the best" : "the last") + " epoch's weights");
  }

  /** {@code .learningRateSchedule(LearningRateSchedule.Type.STEP, 0.5, 10, 5, ...)}, explained. */
  private static CodeBlock schedule(ScheduleDescription schedule) {
    String factor = decimal(schedule.factor());
    String when = switch (schedule.type()) {
      case STEP -> "every " + epochs(schedule.every());
      case EXPONENTIAL -> "after every epoch";
      case ON_PLATEAU ->
          "after " + epochs(schedule.patience()) + " without " + improvement(schedule.monitor());
    };
    String floor =
        schedule.minLearningRate() > 0 ? ", never below " + decimal(schedule.minLearningRate()) : "";
    return CodeBlock.of(".learningRateSchedule($T.$L, $L, $L, $L, $T.$L, $L)  // $L\n",
        LearningRateSchedule.Type.class, schedule.type().name(), factor, schedule.every(),
        schedule.patience(), Metric.class, schedule.monitor().name(),
        decimal(schedule.minLearningRate()),
        "the learning rate times " + factor + " " + when + floor);
  }

  /**
   * {@code .threshold(Metric.ACCURACY, DataSplit.TEST, 0.9, Double.NaN)}; with a baseline margin,
   * its fifth argument and what it asks for.
   */
  private static CodeBlock threshold(ThresholdDescription threshold, Task task) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add(".threshold($T.$L, $T.$L, $L, $L",
            Metric.class, threshold.metric().name(), DataSplit.class, threshold.on().name(),
            decimal(threshold.min()), decimal(threshold.max()));
    if (!threshold.hasBaselineMargin()) {
      return code.add(")\n").build();
    }
    String baseline =
        task == Task.CLASSIFICATION ? "the majority-class baseline's" : "the mean baseline's";
    return code.add(", $L)  // $L at least $L $L $L\n",
            decimal(threshold.beatBaselineBy()), threshold.metric().key(),
            decimal(threshold.beatBaselineBy()),
            threshold.metric().higherIsBetter() ? "above" : "below", baseline)
        .build();
  }

  /** {@code 1 epoch}, {@code 5 epochs}. */
  private static String epochs(int count) {
    return count == 1 ? "1 epoch" : count + " epochs";
  }

  /** {@code a lower validation loss}, {@code a higher validation accuracy}. */
  private static String improvement(Metric metric) {
    return (metric.higherIsBetter() ? "a higher" : "a lower") + " validation " + metric.key();
  }

  /** The data's source, as the runtime's {@code DataSource}. */
  private static CodeBlock source(DataDescription data) {
    if (data instanceof CsvTable table) {
      return csvSource(table);
    }
    if (data instanceof Builtin builtin) {
      return CodeBlock.of("$T.of($T.$L)",
          TypeNames.BUILTIN_SOURCE, BuiltinDataset.class, builtin.dataset().name());
    }
    if (data instanceof Texts texts) {
      return textSource(texts);
    }
    throw new IllegalArgumentException("unknown data: " + data);
  }

  /** {@code CsvSource.resource("iris.dat").labelIndex(4)} and the like. */
  private static CodeBlock csvSource(CsvTable data) {
    return csvSource(data, data.source());
  }

  /** A table at {@code location} read as {@code data} says: its label column, header, delimiter. */
  private static CodeBlock csvSource(CsvTable data, DataSource location) {
    CodeBlock.Builder source = CodeBlock.builder();
    String factory = location.kind() == DataSource.Kind.FILE ? "file" : "resource";
    source.add("$T.$L($S)", TypeNames.CSV_SOURCE, factory, location.location());
    if (data.label() instanceof LabelColumn.Named column) {
      // A named label column implies a header row.
      source.add(".labelColumn($S)", column.name());
    } else if (data.label() instanceof LabelColumn.Index column) {
      source.add(".labelIndex($L)", column.index());
      if (data.header()) {
        source.add(".withHeader()");
      }
    }
    if (data.delimiter() != ',') {
      source.add(".delimiter($L)", Literals.character(data.delimiter()));
    }
    return source.build();
  }

  /** {@code TextSource.folder("data/reviews")}, or a file with its fields unless the defaults. */
  private static CodeBlock textSource(Texts texts) {
    CodeBlock.Builder source = CodeBlock.builder();
    String factory = texts.layout() == Texts.Layout.FOLDER ? "folder" : "file";
    source.add("$T.$L($S)", TypeNames.TEXT_SOURCE, factory, texts.location());
    if (texts.layout() == Texts.Layout.FILE && texts.customFields()) {
      source.add(".fields($S, $S)", texts.textField(), texts.labelField());
    }
    return source.build();
  }

  /**
   * The hold-out fractions of all samples of a table or texts; a built-in dataset has its own test
   * split, and only a validation fraction of its training split, when there is one.
   */
  private static CodeBlock split(DataDescription data) {
    if (data instanceof CsvTable table) {
      return table.validationTable()
          .map(validation -> CodeBlock.builder().add(split(table.split()))
              .add(".validationData($L)\n", csvSource(table, validation)).build())
          .orElseGet(() -> split(table.split()));
    }
    if (data instanceof Texts texts) {
      return split(texts.split());
    }
    if (data instanceof Builtin builtin && builtin.validationFraction() != 0) {
      return CodeBlock.of(".validation($L)\n", decimal(builtin.validationFraction()));
    }
    return CodeBlock.of("");
  }

  private static CodeBlock split(SplitDescription split) {
    return CodeBlock.of(".split($L, $L)\n", decimal(split.test()), decimal(split.validation()));
  }
}
