package dev.deepbuild.processor.model;

import java.util.Objects;

/** The CSV column that holds the label: by 0-based index, or by name in the header row. */
public sealed interface LabelColumn {

  record Index(int index) implements LabelColumn {
    public Index {
      if (index < 0) {
        throw new IllegalArgumentException("a column index cannot be negative: " + index);
      }
    }
  }

  /** A column named in the header row, which this implies. */
  record Named(String name) implements LabelColumn {
    public Named {
      Objects.requireNonNull(name, "name");
    }
  }
}
