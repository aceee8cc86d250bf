package dev.deepbuild.runtime.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ModelSummary} as Keras prints one:
 *
 * <pre>
 * Model: "iris" (it.iris.Iris)
 * _________________________________________________________________
 *  Layer (type)                Output Shape              Param #
 * =================================================================
 *  hidden (DenseLayer)         (None, 8)                 40
 *  output (OutputLayer)        (None, 3)                 27
 * =================================================================
 * Total params: 67
 * Trainable params: 67
 * Non-trainable params: 0
 * _________________________________________________________________
 * </pre>
 *
 * Columns widen for long names; totals have thousands separators, as Keras's.
 */
public final class SummaryTable {
  private static final String LAYER = "Layer (type)";
  private static final String SHAPE = "Output Shape";
  private static final String PARAMS = "Param #";

  private SummaryTable() {}

  public static List<String> lines(ModelSummary summary) {
    List<String[]> cells = summary.layers().stream()
        .map(row -> new String[] {row.name() + " (" + row.type() + ")",
            "(None, " + row.outputUnits() + ")", Long.toString(row.params())})
        .toList();
    // Keras's widths, 28 and 26 characters, or wider with two spaces to spare.
    int first = Math.max(28, cells.stream().mapToInt(row -> row[0].length() + 2).max().orElse(0));
    int second = Math.max(26, cells.stream().mapToInt(row -> row[1].length() + 2).max().orElse(0));
    int third = Math.max(PARAMS.length(), cells.stream().mapToInt(row -> row[2].length()).max().orElse(0));
    int width = 1 + first + second + third + 3;

    List<String> lines = new ArrayList<>();
    lines.add("Model: \"" + summary.model() + "\" (" + summary.declaringClass() + ")");
    lines.add("_".repeat(width));
    lines.add(row(first, second, LAYER, SHAPE, PARAMS));
    lines.add("=".repeat(width));
    cells.forEach(row -> lines.add(row(first, second, row[0], row[1], row[2])));
    lines.add("=".repeat(width));
    lines.add(String.format(Locale.ROOT, "Total params: %,d", summary.totalParams()));
    lines.add(String.format(Locale.ROOT, "Trainable params: %,d", summary.trainableParams()));
    lines.add(String.format(Locale.ROOT, "Non-trainable params: %,d", summary.nonTrainableParams()));
    lines.add("_".repeat(width));
    return lines;
  }

  private static String row(int first, int second, String layer, String shape, String params) {
    return " " + pad(layer, first) + pad(shape, second) + params;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(1, width - text.length()));
  }
}
