package dev.deepbuild.runtime.inspect;

import dev.deepbuild.summary.LayerTable;
import java.util.List;

/**
 * A {@link ModelSummary} as Keras prints one, in the {@link LayerTable} the processor also writes
 * at compile time, so that both read the same.
 */
public final class SummaryTable {
  private SummaryTable() {}

  public static List<String> lines(ModelSummary summary) {
    List<LayerTable.Row> rows = summary.layers().stream()
        .map(row -> new LayerTable.Row(row.name(), row.type(), row.outputShape(), row.params(),
            row.trainableParams()))
        .toList();
    return LayerTable.lines(summary.model(), summary.declaringClass(), rows);
  }
}
