package dev.deepbuild.processor.model;

/**
 * The DL4J base types a {@code @Custom} class can extend, most specific first, since a lambda
 * layer is also a {@code SameDiffLayer}.
 */
public enum CustomKind {
  /** A function of one input, without parameters. */
  LAMBDA_LAYER("org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer", false, false),
  /** A function of one input with weights of its own. */
  LAYER("org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer", false, true),
  /** A function of two or more inputs, without parameters: a functional model's vertex. */
  VERTEX("org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaVertex", true, false);

  private final String base;
  private final boolean vertex;
  private final boolean weights;

  CustomKind(String base, boolean vertex, boolean weights) {
    this.base = base;
    this.vertex = vertex;
    this.weights = weights;
  }

  /** The qualified name of the DL4J class it extends. */
  public String base() {
    return base;
  }

  public String baseSimpleName() {
    return base.substring(base.lastIndexOf('.') + 1);
  }

  /** Whether it joins several inputs, as a graph vertex, rather than taking one as a layer. */
  public boolean vertex() {
    return vertex;
  }

  /** Whether it can hold parameters. */
  public boolean weights() {
    return weights;
  }
}
