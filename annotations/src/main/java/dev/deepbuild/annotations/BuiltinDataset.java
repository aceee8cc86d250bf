package dev.deepbuild.annotations;

/**
 * The real datasets DeepBuild fetches by name, as Keras's {@code keras.datasets}. Each is pinned to a
 * source, a version and an integrity hash by the runtime's catalog, downloaded once into a user-level
 * cache and verified. Each comes with its own fixed test split, so every model of a dataset is
 * measured on the same test data.
 */
public enum BuiltinDataset {
  /**
   * 50,000 movie reviews labelled positive (1) or negative (0); exact duplicate texts are dropped so
   * that none is in both the training and the test split. Text: needs {@link TextVectorization}.
   * Test split: half of the reviews, stratified.
   */
  IMDB(Task.CLASSIFICATION, 2, 0, true),
  /**
   * 11,228 Reuters newswires in 46 topics, by Keras's rule: a wire's first topic, topics with at
   * least 15 wires. Text: needs {@link TextVectorization}. Test split: 20%.
   */
  REUTERS(Task.CLASSIFICATION, 46, 0, true),
  /**
   * 506 Boston suburbs of the 1970s, 13 features, the median home value in thousands of dollars as
   * the target. Test split: 102 rows (20%), as Keras's.
   */
  BOSTON_HOUSING(Task.REGRESSION, 0, 13, false);

  private final Task task;
  private final int classes;
  private final int features;
  private final boolean text;

  BuiltinDataset(Task task, int classes, int features, boolean text) {
    this.task = task;
    this.classes = classes;
    this.features = features;
    this.text = text;
  }

  /** What a model of this dataset predicts. */
  public Task task() {
    return task;
  }

  /** The number of classes of a classification dataset, 0 for regression. */
  public int classes() {
    return classes;
  }

  /** The number of input features of a table; 0 for text, whose features the vectorization makes. */
  public int features() {
    return features;
  }

  /** Whether samples are texts, which {@link TextVectorization} turns into features. */
  public boolean text() {
    return text;
  }
}
