package dev.deepbuild.processor.model;

/** What a pooling layer keeps of each window: its largest value or its mean, as Keras's. */
public enum PoolingKind {
  MAX("MaxPooling2D", "GlobalMaxPooling2D"),
  AVERAGE("AveragePooling2D", "GlobalAveragePooling2D");

  private final String keras;
  private final String kerasGlobal;

  PoolingKind(String keras, String kerasGlobal) {
    this.keras = keras;
    this.kerasGlobal = kerasGlobal;
  }

  /** The Keras layer's name, which is the annotation's: {@code MaxPooling2D}. */
  public String keras() {
    return keras;
  }

  /** The Keras name of its global form: {@code GlobalMaxPooling2D}. */
  public String kerasGlobal() {
    return kerasGlobal;
  }
}
