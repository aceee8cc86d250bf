package dev.deepbuild.processor;

import static dev.deepbuild.processor.TestSources.boston;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.iris;
import static dev.deepbuild.processor.TestSources.lineContaining;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.gate.RuleParser;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.gate.RuleValidation;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code @Threshold} and a pom rule with the same metric and bounds, on a model of the same
 * task, are refused alike: for every metric, task and kind of bound, the processor reports an
 * error exactly when the runtime refuses the rule. Bounds every value meets are a warning at
 * compile time and no error on either side.
 */
class RuleAgreementTest {

  /**
   * Minimum, maximum and regression tolerance as a pom writes them, null for none: valid,
   * impossible, always met.
   */
  static Stream<Arguments> cases() {
    String[][] bounds = {
      {"0.5", null, null}, {null, "0.5", null}, {"0.2", "0.8", null}, {"1.5", null, null},
      {null, "-0.5", null}, {"0.8", "0.2", null}, {"-1", null, null}, {null, "2", null},
      {"-2", "-1", null}, {"Infinity", null, null}, {"-Infinity", null, null},
      {null, "Infinity", null}, {"0.5", "-Infinity", null},
      {null, null, "0.01"}, {null, null, "0"}, {null, null, "-0.01"}, {null, null, "Infinity"},
      {null, null, "1"}, {"0.5", null, "-1"}, {"0.8", "0.2", "0.01"},
    };
    return Arrays.stream(Task.values()).flatMap(task -> Arrays.stream(bounds)
        .map(bound -> Arguments.of(task, bound[0], bound[1], bound[2])));
  }

  @ParameterizedTest(name = "{0}: min {1}, max {2}, maxRegression {3}")
  @MethodSource("cases")
  void processorAndPomRulesRefuseTheSameThresholds(
      Task task, String min, String max, String regression) throws IOException {
    assertEquals(pomVerdicts(task, min, max, regression),
        processorVerdicts(task, min, max, regression));
  }

  /** Each metric with whether its {@code @Threshold} has an error. */
  private static Map<Metric, Boolean> processorVerdicts(
      Task task, String min, String max, String regression) throws IOException {
    String thresholds = Arrays.stream(Metric.values())
        .map(metric -> "@Threshold(metric = " + metric
            + (min == null ? "" : ", min = " + java(min))
            + (max == null ? "" : ", max = " + java(max))
            + (regression == null ? "" : ", maxRegression = " + java(regression)) + ")\n")
        .collect(Collectors.joining());
    JavaFileObject source = task == Task.CLASSIFICATION
        ? iris("@Threshold(metric = ACCURACY, min = 0.9)\n", thresholds)
        : boston("@Threshold(metric = MAE, max = 3.0)\n"
            + "@Threshold(metric = MAE, max = 3.0, on = KFOLD_MEAN)\n", thresholds);
    Compilation compilation = compile(source);
    Set<Long> errorLines = compilation.errors().stream()
        .map(Diagnostic::getLineNumber)
        .collect(Collectors.toCollection(TreeSet::new));
    Map<Metric, Boolean> verdicts = new TreeMap<>();
    for (Metric metric : Metric.values()) {
      long line = lineContaining(source, "@Threshold(metric = " + metric + ",");
      verdicts.put(metric, errorLines.remove(line));
    }
    assertEquals(Set.of(), errorLines, "errors off the thresholds: " + compilation.errors());
    return verdicts;
  }

  /** A pom's number as Java writes it in an annotation. */
  private static String java(String number) {
    return switch (number) {
      case "Infinity" -> "Double.POSITIVE_INFINITY";
      case "-Infinity" -> "Double.NEGATIVE_INFINITY";
      default -> number;
    };
  }

  /** Each metric with whether the rule bounding it on a model of the task is refused. */
  private static Map<Metric, Boolean> pomVerdicts(
      Task task, String min, String max, String regression) {
    Map<String, ModelDefinition> models = Map.of("m", definition(task));
    Map<Metric, Boolean> verdicts = new TreeMap<>();
    for (Metric metric : Metric.values()) {
      boolean refused;
      try {
        RuleValidation.check(
            RuleParser.parse(List.of(
                new RuleParser.Written("m", metric.name(), null, min, max, regression))),
            models);
        refused = false;
      } catch (DeepBuildException e) {
        refused = true;
      }
      verdicts.put(metric, refused);
    }
    return verdicts;
  }

  private static ModelDefinition definition(Task task) {
    ModelSpec.Builder builder = ModelSpec.builder("m")
        .data(CsvSource.resource("data.csv").labelIndex(4)).split(0.2, 0.2);
    ModelSpec spec = (task == Task.CLASSIFICATION ? builder.classification(3) : builder.regression())
        .build();
    return new ModelDefinition() {
      @Override
      public ModelSpec spec() {
        return spec;
      }

      @Override
      public NetworkConfiguration network(int inputs) {
        throw new UnsupportedOperationException("rules need no network");
      }
    };
  }
}
