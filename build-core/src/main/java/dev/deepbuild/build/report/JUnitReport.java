package dev.deepbuild.build.report;

import dev.deepbuild.annotations.PlainNumber;
import dev.deepbuild.build.gate.CheckOutcome;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import java.util.Locale;

/**
 * The thresholds as JUnit XML in the form Surefire writes, so that CI servers count a missed
 * threshold as a failed test: a {@code testsuite} named {@code deepbuild}, a {@code testcase} per
 * threshold in class {@code deepbuild.<model>}, named like {@code test accuracy >= 0.900}, with a
 * {@code failure} when it was missed. A model that could not be trained (broken input, a crash, a
 * killed training JVM) is one test case named {@code training} with an {@code error}, as is a
 * session that could not start.
 */
final class JUnitReport {
  static final String SUITE = "deepbuild";

  private JUnitReport() {}

  static String render(SessionResult result) {
    StringBuilder cases = new StringBuilder();
    int tests = 0;
    int failures = 0;
    int errors = 0;
    double seconds = 0;
    if (result.error() != null) {
      cases.append(errorCase(SUITE, "session", result.error()));
      tests++;
      errors++;
    }
    for (ModelOutcome model : result.models()) {
      String className = SUITE + "." + model.model();
      if (model.failed()) {
        cases.append(errorCase(className, "training", model.error()));
        tests++;
        errors++;
        continue;
      }
      // The checks take no time; training does. It counts once per model, on its first test case,
      // so that test case times add up to the suite's; a model reused from an earlier build took none.
      double time = model.upToDate() ? 0 : model.report().trainingSeconds();
      seconds += time;
      for (CheckOutcome check : model.checks()) {
        cases.append(checkCase(className, check, time));
        time = 0;
        tests++;
        failures += check.passed() ? 0 : 1;
      }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + SUITE + "\" tests=\"" + tests
        + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\"0\" time=\"" + time(seconds)
        + "\">\n" + cases + "</testsuite>\n";
  }

  /**
   * {@code test accuracy >= 0.900}, or {@code test accuracy >= 0.853 (the baseline's 0.753 plus
   * 0.100)}: the bounds as the log prints them, so that two thresholds on one metric differ.
   */
  static String testName(CheckOutcome check) {
    if (check.bounds().isEmpty()) {
      // A regression tolerance with nothing accepted yet to derive its bound from.
      return check.threshold().subject() + " maxRegression "
          + PlainNumber.of(check.threshold().maxRegression());
    }
    return check.threshold().subject() + " "
        + Numbers.bounds(check, ">=", "<=");
  }

  private static String checkCase(String className, CheckOutcome check, double seconds) {
    String open = "  <testcase classname=\"" + Markup.attribute(className) + "\" name=\""
        + Markup.attribute(testName(check)) + "\" time=\"" + time(seconds) + "\">\n";
    String body = check.passed()
        ? "    <system-out>" + Markup.escape(check.message()) + "</system-out>\n"
        : "    <failure message=\"" + Markup.attribute(check.message()) + "\" type=\"threshold\">"
            + Markup.escape(check.message()) + "</failure>\n";
    return open + body + "  </testcase>\n";
  }

  private static String errorCase(String className, String name, String message) {
    return "  <testcase classname=\"" + Markup.attribute(className) + "\" name=\"" + Markup.attribute(name)
        + "\" time=\"" + time(0) + "\">\n    <error message=\"" + Markup.attribute(message) + "\" type=\"" + name + "\">"
        + Markup.escape(message) + "</error>\n  </testcase>\n";
  }

  private static String time(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }
}
