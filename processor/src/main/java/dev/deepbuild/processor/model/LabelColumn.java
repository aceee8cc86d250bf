package dev.deepbuild.processor.model;

import java.util.Objects;

/** The CSV column that holds the label: by 0-based index, or by name in the header row. */
public sealed interface LabelColumn {

  /** Calls the visitor's method for this way of naming the column. */
  <R> R accept(Visitor<R> visitor);

  /** One method per way of naming the label column. */
  interface Visitor<R> {
    R index(Index column);

    R named(Named column);
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
}
