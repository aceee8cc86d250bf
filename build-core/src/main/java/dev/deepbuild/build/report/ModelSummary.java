package dev.deepbuild.build.report;

import dev.deepbuild.annotations.FinalEpochs;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.result.KFoldReport;
import dev.deepbuild.build.result.ModelReport;

/**
 * What the model is: its class, task and training schedule. A layer-by-layer summary belongs here,
 * as a table under these facts, once {@link ModelReport} carries the network's layers.
 */
final class ModelSummary {
  private ModelSummary() {}

  static String render(ModelReport report) {
    Facts facts = new Facts()
        .addMarkup("declaring class", "<code>" + Markup.escape(report.declaringClass()) + "</code>")
        .add("task", task(report))
        .add("epochs", Integer.toString(report.history().size()));
    KFoldReport kFold = report.kFold();
    if (kFold != null) {
      facts.add("k-fold validation", LearningCurves.folds(kFold) + "; best mean validation "
          + Numbers.name(kFold.monitored()) + " at epoch " + kFold.bestEpoch()
          + (kFold.finalEpochs() == FinalEpochs.BEST_MEAN
              ? "; the final model trained for " + kFold.finalEpochCount()
                  + " epochs (finalEpochs = BEST_MEAN)"
              : ""));
    }
    return facts.render();
  }

  private static String task(ModelReport report) {
    if (report.task() == Task.REGRESSION) {
      return "regression";
    }
    return report.confusion() == null ? "classification"
        : "classification into " + report.confusion().classes().size() + " classes";
  }
}
