package dev.deepbuild.processor.model;

/**
 * A count of features or parameters. Most are known at compile time. The network's input size is
 * too for vectorized texts (the vectorization's width) and built-in tables (their feature count),
 * but not for a CSV table, whose column count is found when it is read; sizes that depend on that
 * stay symbolic: an {@link Unknown} size is a Java expression in {@code inputs}, such as
 * {@code inputs * 16 + 16}.
 */
public sealed interface Size {

  /** A CSV table's feature count, the input size of the network's first layer, found at run time. */
  Size INPUTS = new Unknown("inputs");

  static Size of(long value) {
    return new Known(value);
  }

  boolean isKnown();

  /**
   * The size's value.
   *
   * @throws IllegalStateException for a size known only at run time
   */
  long value();

  Size times(long factor);

  Size plus(long term);

  /** A size fixed at compile time. */
  record Known(long value) implements Size {
    public Known {
      if (value < 0) {
        throw new IllegalArgumentException("a size cannot be negative: " + value);
      }
    }

    @Override
    public boolean isKnown() {
      return true;
    }

    @Override
    public Size times(long factor) {
      return new Known(Math.multiplyExact(value, factor));
    }

    @Override
    public Size plus(long term) {
      return new Known(Math.addExact(value, term));
    }

    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  /** A size known only at run time, as an expression of the input size. */
  record Unknown(String expression) implements Size {
    @Override
    public boolean isKnown() {
      return false;
    }

    @Override
    public long value() {
      throw new IllegalStateException(expression + " is known only at run time");
    }

    @Override
    public Size times(long factor) {
      return new Unknown(expression + " * " + factor);
    }

    @Override
    public Size plus(long term) {
      return new Unknown(expression + " + " + term);
    }

    @Override
    public String toString() {
      return expression;
    }
  }
}
