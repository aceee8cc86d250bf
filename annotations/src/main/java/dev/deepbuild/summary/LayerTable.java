package dev.deepbuild.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's layers as Keras's {@code model.summary()} prints them:
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
public final class LayerTable {
  private static final String LAYER = "Layer (type)";
  private static final String SHAPE = "Output Shape";
  private static final String PARAMS = "Param #";

  /** The type a functional model's input rows show, as Keras's summary names them. */
  public static final String INPUT_TYPE = "InputLayer";

  private LayerTable() {}

  /**
   * One layer.
   *
   * @param name the layer's name
   * @param type its DL4J class's simple name, such as {@code DenseLayer}
   * @param outputShape its output's shape in Keras's notation, such as {@code (None, 8)}
   * @param params its parameter count
   * @param trainableParams how many of them training updates by their gradient: all, none for a
   *     frozen layer, the scale and shift but not the moving statistics of a batch normalization
   */
  public record Row(
      String name, String type, String outputShape, long params, long trainableParams) {
    public Row {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(outputShape, "outputShape");
      if (trainableParams < 0 || trainableParams > params) {
        throw new IllegalArgumentException(
            "trainable params are 0 to " + params + ": " + trainableParams);
      }
    }

    /** A layer whose parameters are all trainable, or, when {@code trainable} is false, none. */
    public Row(String name, String type, String outputShape, long params, boolean trainable) {
      this(name, type, outputShape, params, trainable ? params : 0);
    }
  }

  /** A feature vector of {@code units} values in Keras's notation: {@code (None, units)}. */
  public static String vector(long units) {
    return "(None, " + units + ")";
  }

  /**
   * What stands in for the table of a model whose shapes or parameters are known only at run
   * time: its title, then why and what prints the table.
   */
  public static List<String> atRunTime(String model, String declaringClass, String why,
      String instead) {
    return List.of(title(model, declaringClass), why, instead);
  }

  /** Whether {@code lines} are a table, rather than {@link #atRunTime}'s note. */
  public static boolean isTable(List<String> lines) {
    return lines.size() > 2 && !lines.get(1).isEmpty()
        && lines.get(1).chars().allMatch(c -> c == '_');
  }

  /** The table's first line, which names the model and its annotated class. */
  public static String title(String model, String declaringClass) {
    return "Model: \"" + model + "\" (" + declaringClass + ")";
  }

  /** The model a line names when it is a table's {@link #title}; empty for any other line. */
  public static Optional<String> titled(String line) {
    String start = "Model: \"";
    int end = line.lastIndexOf("\" (");
    return line.startsWith(start) && end >= start.length() && line.endsWith(")")
        ? Optional.of(line.substring(start.length(), end)) : Optional.empty();
  }

  public static List<String> lines(String model, String declaringClass, List<Row> rows) {
    List<String[]> cells = rows.stream()
        .map(row -> new String[] {row.name() + " (" + row.type() + ")", row.outputShape(),
            Long.toString(row.params())})
        .toList();
    // Keras's widths, 28 and 26 characters, or wider with two spaces to spare.
    int first = Math.max(28, cells.stream().mapToInt(row -> row[0].length() + 2).max().orElse(0));
    int second = Math.max(26, cells.stream().mapToInt(row -> row[1].length() + 2).max().orElse(0));
    int third =
        Math.max(PARAMS.length(), cells.stream().mapToInt(row -> row[2].length()).max().orElse(0));
    int width = 1 + first + second + third + 3;
    long total = rows.stream().mapToLong(Row::params).sum();
    long trainable = rows.stream().mapToLong(Row::trainableParams).sum();

    List<String> lines = new ArrayList<>();
    lines.add(title(model, declaringClass));
    lines.add("_".repeat(width));
    lines.add(row(first, second, LAYER, SHAPE, PARAMS));
    lines.add("=".repeat(width));
    cells.forEach(row -> lines.add(row(first, second, row[0], row[1], row[2])));
    lines.add("=".repeat(width));
    lines.add(String.format(Locale.ROOT, "Total params: %,d", total));
    lines.add(String.format(Locale.ROOT, "Trainable params: %,d", trainable));
    lines.add(String.format(Locale.ROOT, "Non-trainable params: %,d", total - trainable));
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
