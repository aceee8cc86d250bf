package dev.deepbuild.annotations;

/** How a convolution or pooling window treats the image's edges, named as in Keras. */
public enum Padding {
  /**
   * No padding: the window only visits whole positions, so the output is
   * {@code floor((in - window) / stride) + 1} pixels along each side.
   */
  VALID,
  /** Zero padding so that the output is {@code ceil(in / stride)} pixels along each side. */
  SAME;

  /**
   * The number of positions a window of {@code window} pixels, stepping by {@code stride}, takes
   * along a side of {@code in} pixels: Keras's arithmetic, which DL4J's {@code Truncate} and
   * {@code Same} modes share. 0 when a valid window does not fit.
   */
  public long outputSize(long in, int window, int stride) {
    if (in < 1 || window < 1 || stride < 1) {
      throw new IllegalArgumentException(
          "sizes are positive: in " + in + ", window " + window + ", stride " + stride);
    }
    return switch (this) {
      case VALID -> in < window ? 0 : (in - window) / stride + 1;
      case SAME -> (in + stride - 1) / stride;
    };
  }
}
