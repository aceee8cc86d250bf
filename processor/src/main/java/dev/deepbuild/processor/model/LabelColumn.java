package dev.deepbuild.processor.model;

import java.util.Objects;

/**
 * The CSV column that holds the label: by 0-based index, or by name in the header row; or, for a
 * functional model, a column per output.
 */
public sealed interface LabelColumn {

  /** Calls the visitor's method for this way of naming the column. */
  <R> R accept(Visitor<R> visitor);

  /** One method per way of naming the label column. */
  interface Visitor<R> {
    R index(Index column);

    R named(Named column);

    R perOutput(PerOutput columns);
  }

  record Index(int index) implements LabelColumn {
    public Index {
      if (index < 0) {
        throw new IllegalArgumentException("a column index cannot be negative: " + index);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.index(this);
    }
  }

  /** A column named in the header row, which this implies. */
  record Named(String name) implements LabelColumn {
    public Named {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.named(this);
    }
  }

  /**
   * A functional model's columns, each {@code @Output} naming the one it predicts in the header
   * row, which this implies.
   */
  record PerOutput() implements LabelColumn {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.perOutput(this);
    }
  }
}
