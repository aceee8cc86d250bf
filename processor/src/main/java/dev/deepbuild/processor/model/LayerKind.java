package dev.deepbuild.processor.model;

/** The kinds of layer the DSL declares, one per layer annotation. */
public enum LayerKind {
  DENSE,
  DROPOUT,
  CUSTOM,
  CONV2D,
  POOLING2D,
  GLOBAL_POOLING2D,
  FLATTEN,
  BATCH_NORMALIZATION,
  PRETRAINED
}
