package dev.deepbuild.processor.writer;

import static dev.deepbuild.processor.writer.Literals.decimal;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.FinalEpochs;
import dev.deepbuild.annotations.Flip;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.DataDescription.Builtin;
import dev.deepbuild.processor.model.DataDescription.CsvTable;
import dev.deepbuild.processor.model.DataDescription.Images;
import dev.deepbuild.processor.model.DataDescription.Provided;
import dev.deepbuild.processor.model.DataDescription.Texts;
import dev.deepbuild.processor.model.DataSource;
import dev.deepbuild.processor.model.EarlyStoppingDescription;
import dev.deepbuild.processor.model.ImagePreprocessing;
import dev.deepbuild.processor.model.KFoldDescription;
import dev.deepbuild.processor.model.LabelColumn;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.ScheduleDescription;
import dev.deepbuild.processor.model.SplitDescription;
import dev.deepbuild.processor.model.GraphDescription;
import dev.deepbuild.processor.model.ThresholdDescription;
import dev.deepbuild.processor.model.VectorizationDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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
            .add(Chains.call("data", sourceLinks(data), Chains.STATEMENT_COLUMN));
    code.add(split(data));
    if (model.graph().isPresent()) {
      code.add(inputsAndOutputs(model.graph().get()));
    } else if (model.task() == Task.REGRESSION) {
      code.add(".regression()\n");
    } else if (data.classes() == 0) {
      code.add(".classification(0)  // 0: the classes are those found in the data\n");
    } else {
      code.add(".classification($L)\n", data.classes());
    }
    if (model.standardize()) {
      code.add(".standardize()\n");
    }
    model.vectorization().ifPresent(vectorization -> code.add(".vectorize($L)\n",
        vectorization(vectorization)));
    code.add(imagePreprocessing(model.imagePreprocessing()));
    model.kFold().ifPresent(kFold -> code.add(".kFold($L)\n", kFold(kFold)));
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

  /**
   * A functional model's {@code .input(InputSpec.named("title").vectorize(...))} calls and its
   * {@code .output(OutputSpec.named("topic").classification(46))} calls, in the graph's order.
   */
  private static CodeBlock inputsAndOutputs(GraphDescription graph) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (GraphDescription.InputDescription input : graph.inputs()) {
      List<CodeBlock> spec = new ArrayList<>();
      spec.add(CodeBlock.of("$T.named($S)", TypeNames.INPUT_SPEC, input.name()));
      if (!input.field().equals(input.name())) {
        spec.add(CodeBlock.of(".field($S)", input.field()));
      }
      input.vectorization().ifPresent(vectorization ->
          spec.add(CodeBlock.of(".vectorize($L)", vectorization(vectorization))));
      if (!input.columns().isEmpty()) {
        spec.add(CodeBlock.of(".columns($L)", CodeBlock.join(input.columns().stream()
            .map(column -> CodeBlock.of("$S", column)).toList(), ", ")));
      }
      code.add(Chains.call("input", spec, Chains.STATEMENT_COLUMN));
    }
    for (GraphDescription.OutputDescription output : graph.outputs()) {
      List<CodeBlock> spec = new ArrayList<>();
      spec.add(CodeBlock.of("$T.named($S)", TypeNames.OUTPUT_SPEC, output.name()));
      if (!output.field().equals(output.name())) {
        spec.add(CodeBlock.of(".field($S)", output.field()));
      }
      spec.add(output.loss().task() == Task.REGRESSION ? CodeBlock.of(".regression()")
          : CodeBlock.of(".classification($L)", output.classes()));
      code.add(Chains.call("output", spec, Chains.STATEMENT_COLUMN));
    }
    return code.build();
  }

  /**
   * {@code .resizing(ResizingSpec.to(96, 96))}, {@code
   * .rescaling(RescalingSpec.scale(0.00392156862745098))} and {@code
   * .augmentation(AugmentationSpec.none().flip(Flip.HORIZONTAL).rotation(0.1))}, each with what it
   * does in a comment, writing only the factors that change something.
   */
  private static CodeBlock imagePreprocessing(ImagePreprocessing images) {
    CodeBlock.Builder code = CodeBlock.builder();
    images.resizing().ifPresent(resizing -> {
      code.add("// Every image of every split is resized bilinearly once, when it is read.\n");
      code.add(".resizing($T.to($L, $L))\n", TypeNames.RESIZING_SPEC, resizing.height(),
          resizing.width());
    });
    images.rescaling().ifPresent(rescaling -> {
      CodeBlock scale = CodeBlock.of("$T.scale($L)", TypeNames.RESCALING_SPEC,
          decimal(rescaling.scale()));
      code.add("// Every pixel value of every split becomes value * scale + offset.\n");
      code.add(".rescaling($L)\n", rescaling.offset() == 0 ? scale
          : CodeBlock.of("$L.offset($L)", scale, decimal(rescaling.offset())));
    });
    images.augmentation().ifPresent(augmentation -> {
      List<CodeBlock> spec = new ArrayList<>();
      spec.add(CodeBlock.of("$T.none()", TypeNames.AUGMENTATION_SPEC));
      if (augmentation.flip() != Flip.NONE) {
        spec.add(CodeBlock.of(".flip($T.$L)", Flip.class, augmentation.flip().name()));
      }
      factor(spec, "rotation", augmentation.rotation());
      factor(spec, "zoom", augmentation.zoom());
      factor(spec, "translation", augmentation.translation());
      factor(spec, "contrast", augmentation.contrast());
      code.add("// Training minibatches only are changed at random, by the seed and the epoch.\n");
      code.add(Chains.call("augmentation", spec, Chains.STATEMENT_COLUMN));
    });
    return code.build();
  }

  private static void factor(List<CodeBlock> spec, String name, double value) {
    if (value > 0) {
      spec.add(CodeBlock.of(".$L($L)", name, decimal(value)));
    }
  }

  /**
   * {@code Vectorization.multiHot(10000)}, or
   * {@code Vectorization.intSequences(20000).sequenceLength(200)}.
   */
  private static CodeBlock vectorization(VectorizationDescription vectorization) {
    return switch (vectorization.mode()) {
      case MULTI_HOT ->
          CodeBlock.of("$T.multiHot($L)", TypeNames.VECTORIZATION, vectorization.maxTokens());
      case INT -> CodeBlock.of("$T.intSequences($L).sequenceLength($L)", TypeNames.VECTORIZATION,
          vectorization.maxTokens(), vectorization.sequenceLength());
    };
  }

  /** {@code KFoldSpec.folds(5)}, with its iterations and final epochs when not the defaults. */
  private static CodeBlock kFold(KFoldDescription kFold) {
    CodeBlock.Builder code =
        CodeBlock.builder().add("$T.folds($L)", TypeNames.K_FOLD_SPEC, kFold.k());
    if (kFold.iterations() != 1) {
      code.add(".iterations($L)", kFold.iterations());
    }
    if (kFold.finalEpochs() != FinalEpochs.DECLARED) {
      code.add(".finalEpochs($T.$L)", FinalEpochs.class, kFold.finalEpochs().name());
    }
    return code.build();
  }

  /**
   * {@code .earlyStopping(EarlyStoppingSpec.on(Metric.LOSS).patience(5))}, naming what differs from
   * the annotation's defaults, below what it means.
   */
  private static CodeBlock earlyStopping(EarlyStoppingDescription stop) {
    List<CodeBlock> spec = new ArrayList<>();
    spec.add(CodeBlock.of("$T.on($T.$L)", TypeNames.EARLY_STOPPING_SPEC, Metric.class,
        stop.monitor().name()));
    spec.add(CodeBlock.of(".patience($L)", stop.patience()));
    if (stop.minDelta() > 0) {
      spec.add(CodeBlock.of(".minDelta($L)", decimal(stop.minDelta())));
    }
    if (!stop.restoreBestWeights()) {
      spec.add(CodeBlock.of(".restoreBestWeights(false)"));
    }
    if (!stop.output().isEmpty()) {
      spec.add(CodeBlock.of(".onOutput($S)", stop.output()));
    }
    String meaning = "stop after " + epochs(stop.patience()) + " without "
        + improvement(stop.monitor(), stop.output())
        + (stop.minDelta() > 0 ? " by at least " + decimal(stop.minDelta()) : "") + "; keep "
        + (stop.restoreBestWeights() ? "the best" : "the last") + " epoch's weights";
    return explained(meaning, Chains.call("earlyStopping", spec, Chains.STATEMENT_COLUMN));
  }

  /**
   * {@code .learningRateSchedule(ScheduleSpec.step(10).factor(0.5))} with the options its type
   * uses, below what it does.
   */
  private static CodeBlock schedule(ScheduleDescription schedule) {
    String factor = decimal(schedule.factor());
    String when = switch (schedule.type()) {
      case STEP -> "every " + epochs(schedule.every());
      case EXPONENTIAL -> "after every epoch";
      case ON_PLATEAU ->
          "after " + epochs(schedule.patience()) + " without "
              + improvement(schedule.monitor(), schedule.output());
    };
    List<CodeBlock> spec = new ArrayList<>();
    spec.add(switch (schedule.type()) {
      case STEP -> CodeBlock.of("$T.step($L)", TypeNames.SCHEDULE_SPEC, schedule.every());
      case EXPONENTIAL -> CodeBlock.of("$T.exponential()", TypeNames.SCHEDULE_SPEC);
      case ON_PLATEAU -> CodeBlock.of("$T.onPlateau($T.$L, $L)", TypeNames.SCHEDULE_SPEC,
          Metric.class, schedule.monitor().name(), schedule.patience());
    });
    spec.add(CodeBlock.of(".factor($L)", factor));
    if (!schedule.output().isEmpty()) {
      spec.add(CodeBlock.of(".onOutput($S)", schedule.output()));
    }
    String floor = "";
    if (schedule.minLearningRate() > 0) {
      spec.add(CodeBlock.of(".minLearningRate($L)", decimal(schedule.minLearningRate())));
      floor = ", never below " + decimal(schedule.minLearningRate());
    }
    return explained("the learning rate times " + factor + " " + when + floor,
        Chains.call("learningRateSchedule", spec, Chains.STATEMENT_COLUMN));
  }

  /**
   * {@code .threshold(ThresholdSpec.min(Metric.ACCURACY, 0.9))}: its first bound starts it, the
   * others follow by name, then its split unless the test split; a baseline margin and a
   * regression tolerance come below what they ask for.
   */
  private static CodeBlock threshold(ThresholdDescription threshold, Task task) {
    String metric = threshold.metric().name();
    boolean min = !Double.isNaN(threshold.min());
    boolean max = !Double.isNaN(threshold.max());
    boolean margin = threshold.hasBaselineMargin();
    List<CodeBlock> spec = new ArrayList<>();
    if (min) {
      spec.add(CodeBlock.of("$T.min($T.$L, $L)", TypeNames.THRESHOLD_SPEC, Metric.class, metric,
          decimal(threshold.min())));
    } else if (max) {
      spec.add(CodeBlock.of("$T.max($T.$L, $L)", TypeNames.THRESHOLD_SPEC, Metric.class, metric,
          decimal(threshold.max())));
    } else if (margin) {
      spec.add(CodeBlock.of("$T.beatBaseline($T.$L, $L)", TypeNames.THRESHOLD_SPEC, Metric.class,
          metric, decimal(threshold.beatBaselineBy())));
    } else {
      spec.add(CodeBlock.of("$T.maxRegression($T.$L, $L)", TypeNames.THRESHOLD_SPEC, Metric.class,
          metric, decimal(threshold.maxRegression())));
    }
    if (min && max) {
      spec.add(CodeBlock.of(".max($L)", decimal(threshold.max())));
    }
    if ((min || max) && margin) {
      spec.add(CodeBlock.of(".beatBaselineBy($L)", decimal(threshold.beatBaselineBy())));
    }
    if ((min || max || margin) && threshold.hasMaxRegression()) {
      spec.add(CodeBlock.of(".maxRegression($L)", decimal(threshold.maxRegression())));
    }
    if (threshold.on() != DataSplit.TEST) {
      spec.add(CodeBlock.of(".on($T.$L)", DataSplit.class, threshold.on().name()));
    }
    if (!threshold.output().isEmpty()) {
      spec.add(CodeBlock.of(".onOutput($S)", threshold.output()));
    }
    CodeBlock call = Chains.call("threshold", spec, Chains.STATEMENT_COLUMN);
    List<String> meanings = new ArrayList<>();
    if (margin) {
      String baseline =
          task == Task.CLASSIFICATION ? "the majority-class baseline's" : "the mean baseline's";
      meanings.add(threshold.metric().key() + " at least " + decimal(threshold.beatBaselineBy())
          + " " + (threshold.metric().higherIsBetter() ? "above" : "below") + " " + baseline);
    }
    if (threshold.hasMaxRegression()) {
      meanings.add(threshold.metric().key() + " at most " + decimal(threshold.maxRegression())
          + " " + (threshold.metric().higherIsBetter() ? "below" : "above")
          + " the accepted value (mvn dl:accept)");
    }
    return meanings.isEmpty() ? call : explained(String.join("; ", meanings), call);
  }

  /** A builder call below the comment that says what it means, wrapped as the spec is indented. */
  private static CodeBlock explained(String meaning, CodeBlock call) {
    return CodeBlock.builder()
        .add("$L", Comments.wrapped(meaning, Chains.STATEMENT_COLUMN))
        .add(call)
        .build();
  }

  /** {@code 1 epoch}, {@code 5 epochs}. */
  private static String epochs(int count) {
    return count == 1 ? "1 epoch" : count + " epochs";
  }

  /** {@code a lower validation loss}, {@code a higher validation accuracy}. */
  private static String improvement(Metric metric) {
    return improvement(metric, "");
  }

  /** {@code a lower validation loss}, {@code a higher validation topic accuracy}. */
  private static String improvement(Metric metric, String output) {
    return (metric.higherIsBetter() ? "a higher" : "a lower") + " validation "
        + (output.isEmpty() ? "" : output + " ") + metric.key();
  }

  /**
   * The data's source, as the runtime's {@code DataSource}: its factory call, then each call on
   * its result that is broken onto a line of its own when the chain is too long, such as a
   * dataset's {@code .classes(5, 6, 7, 8, 9)}.
   */
  private static List<CodeBlock> sourceLinks(DataDescription data) {
    return data.accept(new DataDescription.Visitor<List<CodeBlock>>() {
      @Override
      public List<CodeBlock> builtin(Builtin builtin) {
        List<CodeBlock> links = new ArrayList<>();
        links.add(CodeBlock.of("$T.of($T.$L)",
            TypeNames.BUILTIN_SOURCE, BuiltinDataset.class, builtin.dataset().name()));
        if (!builtin.keptClasses().isEmpty()) {
          links.add(CodeBlock.of(".classes($L)", builtin.keptClasses().stream()
              .map(String::valueOf).collect(Collectors.joining(", "))));
        }
        if (builtin.trainingSamples() > 0) {
          links.add(CodeBlock.of(".trainingSamples($L)", builtin.trainingSamples()));
        }
        return links;
      }

      @Override
      public List<CodeBlock> csvTable(CsvTable table) {
        return List.of(csvSource(table));
      }

      @Override
      public List<CodeBlock> texts(Texts texts) {
        return List.of(textSource(texts));
      }

      @Override
      public List<CodeBlock> provided(Provided provided) {
        return List.of(CodeBlock.of("$T.of($L.class)", TypeNames.PROVIDED_SOURCE,
            provided.provider()));
      }

      @Override
      public List<CodeBlock> images(Images images) {
        CodeBlock folder = CodeBlock.of("$T.folder($S, $L, $L)", TypeNames.IMAGE_SOURCE,
            images.directory(), images.height(), images.width());
        return List.of(images.channels() == 3 ? folder
            : CodeBlock.of("$L.channels($L)", folder, images.channels()));
      }
    });
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
    source.add(data.label().accept(new LabelColumn.Visitor<CodeBlock>() {
      @Override
      public CodeBlock index(LabelColumn.Index column) {
        return CodeBlock.of(data.header() ? ".labelIndex($L).withHeader()" : ".labelIndex($L)",
            column.index());
      }

      @Override
      public CodeBlock named(LabelColumn.Named column) {
        // A named label column implies a header row.
        return CodeBlock.of(".labelColumn($S)", column.name());
      }

      @Override
      public CodeBlock perOutput(LabelColumn.PerOutput columns) {
        // Each output names its column in the header row.
        return CodeBlock.of(".withHeader()");
      }
    }));
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
    return data.accept(new DataDescription.Visitor<CodeBlock>() {
      @Override
      public CodeBlock csvTable(CsvTable table) {
        return table.validationTable()
            .map(validation -> CodeBlock.builder().add(split(table.split()))
                .add(".validationData($L)\n", csvSource(table, validation)).build())
            .orElseGet(() -> split(table.split()));
      }

      @Override
      public CodeBlock builtin(Builtin builtin) {
        return validationFraction(builtin.validationFraction());
      }

      @Override
      public CodeBlock texts(Texts texts) {
        return split(texts.split());
      }

      @Override
      public CodeBlock provided(Provided provided) {
        return split(provided.split());
      }

      @Override
      public CodeBlock images(Images images) {
        return split(images.split());
      }
    });
  }

  /** {@code .testFraction(0.2)}, and the validation fraction when there is one. */
  private static CodeBlock split(SplitDescription split) {
    return CodeBlock.builder()
        .add(".testFraction($L)\n", decimal(split.test()))
        .add(validationFraction(split.validation()))
        .build();
  }

  private static CodeBlock validationFraction(double fraction) {
    return fraction == 0 ? CodeBlock.of("")
        : CodeBlock.of(".validationFraction($L)\n", decimal(fraction));
  }
}
