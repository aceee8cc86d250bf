package dev.deepbuild.build.gate;

import dev.deepbuild.annotations.BoundProblem;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.PlainNumber;
import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.naming.Nearest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the threshold rules of the build's configuration ({@code <rules><rule>} in the pom) and
 * checks everything that needs no model: names of metrics and splits, and bounds. Which models a
 * rule names, and whether it fits them, the fork checks with {@link RuleValidation}.
 */
public final class RuleParser {

  /** One {@code <rule>} as written: each element's text, or null when it is absent. */
  public record Written(String model, String metric, String on, String minimum, String maximum,
      String maxRegression) {
    /** A rule without {@code <maxRegression>}. */
    public Written(String model, String metric, String on, String minimum, String maximum) {
      this(model, metric, on, minimum, maximum, null);
    }
  }

  private RuleParser() {}

  /**
   * The rules in order.
   *
   * @throws DeepBuildException naming every problem of every rule, one a line, each with its fix
   */
  public static List<ThresholdRule> parse(List<Written> rules) {
    List<String> problems = new ArrayList<>();
    List<ThresholdRule> parsed = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      ThresholdRule rule = parse(i + 1, rules.get(i), problems);
      if (rule == null) {
        continue;
      }
      parsed.stream()
          .filter(other -> other.model().equals(rule.model()) && other.metric() == rule.metric()
              && other.on() == rule.on())
          .findFirst()
          .ifPresent(other -> problems.add(rule.describe() + " sets the same threshold as "
              + element(other.number()) + "; keep one of them."));
      parsed.add(rule);
    }
    if (!problems.isEmpty()) {
      throw new DeepBuildException(String.join(System.lineSeparator(), problems));
    }
    return List.copyOf(parsed);
  }

  /** How messages name the rule at {@code number}: {@code <rules><rule> #2}. */
  public static String element(int number) {
    return "<rules><rule> #" + number;
  }

  /** The rule, or null after adding its problems to {@code problems}. */
  private static ThresholdRule parse(int number, Written written, List<String> problems) {
    int before = problems.size();
    String at = element(number) + ": ";
    String model = text(written.model());
    if (model == null) {
      problems.add(at + "<model> is missing; name a model (its @Model name), or write <model>"
          + ThresholdRule.EVERY_MODEL + "</model> for every model.");
    }
    Metric metric = metric(at, text(written.metric()), problems);
    DataSplit on = split(at, text(written.on()), problems);
    double min = bound(at, "minimum", text(written.minimum()), problems);
    double max = bound(at, "maximum", text(written.maximum()), problems);
    double maxRegression = bound(at, "maxRegression", text(written.maxRegression()), problems);
    if (problems.size() > before) {
      return null;
    }
    ThresholdRule rule = new ThresholdRule(number, model, metric, on, min, max, maxRegression);
    checkBounds(rule, written, problems);
    return problems.size() > before ? null : rule;
  }

  private static Metric metric(String at, String text, List<String> problems) {
    List<String> names = Arrays.stream(Metric.values()).map(Metric::name).toList();
    if (text == null) {
      problems.add(at + "<metric> is missing; set it to one of " + String.join(", ", names) + ".");
      return null;
    }
    try {
      return Metric.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(at + "<metric>" + text + "</metric> is not a metric; use one of "
          + String.join(", ", names) + "." + Nearest.didYouMean(text, names));
      return null;
    }
  }

  private static DataSplit split(String at, String text, List<String> problems) {
    if (text == null) {
      return DataSplit.TEST;
    }
    try {
      return DataSplit.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = Arrays.stream(DataSplit.values()).map(DataSplit::name).toList();
      problems.add(at + "<on>" + text + "</on> is not a data split; use one of "
          + String.join(", ", names) + ", or leave <on> out for TEST."
          + Nearest.didYouMean(text, names));
      return null;
    }
  }

  /**
   * The bound's value; NaN when absent, which leaves that side open. An infinite one is parsed,
   * and refused with the bounds that no value can meet.
   */
  private static double bound(String at, String element, String text, List<String> problems) {
    if (text == null) {
      return Double.NaN;
    }
    try {
      double value = Double.parseDouble(text);
      if (!Double.isNaN(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below, with the fix.
    }
    problems.add(at + notFinite(element, text));
    return Double.NaN;
  }

  private static String notFinite(String element, String text) {
    return "<" + element + ">" + text + "</" + element + "> is not a finite number; write a decimal"
        + " number such as 0.95.";
  }

  /**
   * That the rule bounds something, and that a value can pass it, by the rule {@code @Threshold}
   * follows too ({@link BoundProblem#of}). A bound every value meets is no error, and a rule has
   * no baseline margin. An infinite {@code <maxRegression>} is refused with a negative one.
   */
  private static void checkBounds(ThresholdRule rule, Written written, List<String> problems) {
    String at = rule.describe() + ": ";
    Metric metric = rule.metric();
    String minimum = "<minimum>" + text(written.minimum()) + "</minimum>";
    String maximum = "<maximum>" + text(written.maximum()) + "</maximum>";
    String maxRegression = "<maxRegression>" + text(written.maxRegression()) + "</maxRegression>";
    for (BoundProblem problem : BoundProblem.of(
        metric, rule.on(), rule.min(), rule.max(), Double.NaN, rule.maxRegression())) {
      switch (problem) {
        case NO_BOUND -> problems.add(at + "it sets no bound; add <minimum>, <maximum>,"
            + " <maxRegression> or several, such as " + (metric.higherIsBetter()
                ? "<minimum>0.9</minimum>" : "<maximum>0.5</maximum>") + ".");
        case MIN_NOT_FINITE -> problems.add(at + notFinite("minimum", text(written.minimum())));
        case MAX_NOT_FINITE -> problems.add(at + notFinite("maximum", text(written.maximum())));
        case MIN_ABOVE_MAX -> problems.add(at + minimum + " is above " + maximum + ", so no value"
            + " can pass; lower <minimum> or raise <maximum>.");
        case MIN_ABOVE_HIGHEST -> {
          String highest = PlainNumber.of(metric.highest());
          problems.add(at + metric.key() + " is at most " + highest + ", so " + minimum
              + " can never be met; set it to " + highest + " or less"
              + (metric.highest() == 1
                  ? " (" + metric.key() + " is a fraction: 0.9 is 90%)." : "."));
        }
        case MAX_BELOW_LOWEST -> {
          String lowest = PlainNumber.of(metric.lowest());
          problems.add(at + metric.key() + " is at least " + lowest + ", so " + maximum
              + " can never be met; set it to " + lowest + " or more.");
        }
        case REGRESSION_NOT_FINITE_OR_NEGATIVE -> problems.add(at + maxRegression + " is how"
            + " much worse than its accepted value " + metric.key() + " may be, so it is zero or"
            + " more and finite; write a tolerance such as <maxRegression>"
            + (metric.higherIsBetter() ? "0.01" : "0.05") + "</maxRegression>, or 0 for no"
            + " regression at all.");
        case MIN_BELOW_LOWEST, MAX_ABOVE_HIGHEST, REGRESSION_ABOVE_RANGE -> {
          // Always met: legal, and the build has nowhere to warn before it runs.
        }
        case MARGIN_NOT_POSITIVE, NO_BASELINE_METRIC, NO_BASELINE_SPLIT, MARGIN_ABOVE_RANGE ->
            throw new IllegalStateException("a rule has no baseline margin: " + problem);
      }
    }
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
