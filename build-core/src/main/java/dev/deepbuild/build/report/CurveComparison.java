package dev.deepbuild.build.report;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.SessionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the validation-loss curves of models declared in the same Java package, side by side,
 * as the book compares its original, bigger and regularized networks in chapter 5: a package is
 * where a study's variants live together. Packages with fewer than two models that have
 * validation data are left out.
 */
public final class CurveComparison {
  private CurveComparison() {}

  /**
   * The comparison tables of a session's models that have a report, as log lines: printed by the
   * build once every training JVM of the session is done, so that models trained in JVMs of their
   * own are compared too.
   */
  public static List<String> lines(SessionResult result) {
    return lines(result.models().stream().filter(outcome -> !outcome.failed())
        .map(ModelOutcome::report).toList());
  }

  /** The comparison tables, as log lines, one table per package. */
  public static List<String> lines(List<ModelReport> reports) {
    Map<String, List<ModelReport>> byPackage = new TreeMap<>();
    for (ModelReport report : reports) {
      if (!report.history().isEmpty() && !report.history().get(0).validation().isEmpty()) {
        byPackage.computeIfAbsent(packageOf(report.declaringClass()), p -> new ArrayList<>()).add(report);
      }
    }
    List<String> lines = new ArrayList<>();
    byPackage.forEach((pkg, models) -> {
      if (models.size() >= 2) {
        lines.addAll(table(pkg, models));
      }
    });
    return lines;
  }

  private static List<String> table(String pkg, List<ModelReport> models) {
    List<String> lines = new ArrayList<>();
    lines.add("Validation loss by epoch, models of " + pkg + " (* marks each model's lowest):");
    int width = models.stream().mapToInt(m -> m.model().length()).max().orElse(0) + 2;
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%5s", "epoch"));
    models.forEach(m -> header.append(String.format(Locale.ROOT, "%" + width + "s", m.model())));
    lines.add(header.toString());
    int epochs = models.stream().mapToInt(m -> m.history().size()).max().orElse(0);
    for (int e = 0; e < epochs; e++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d", e + 1));
      for (ModelReport model : models) {
        row.append(String.format(Locale.ROOT, "%" + width + "s", cell(model, e)));
      }
      lines.add(row.toString());
    }
    return lines;
  }

  /** The epoch's validation loss, starred at the model's lowest; blank after it stopped early. */
  private static String cell(ModelReport model, int epoch) {
    if (epoch >= model.history().size()) {
      return "";
    }
    double loss = loss(model, epoch);
    boolean lowest = true;
    for (int e = 0; e < model.history().size(); e++) {
      lowest &= loss(model, e) >= loss;
    }
    return String.format(Locale.ROOT, "%.4f%s", loss, lowest ? "*" : " ");
  }

  private static double loss(ModelReport model, int epoch) {
    return model.history().get(epoch).validation().get(Metric.LOSS);
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "(default package)" : className.substring(0, dot);
  }
}
