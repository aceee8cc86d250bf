package dev.deepbuild.processor.model;

/** The kinds of layer the DSL declares, one per layer annotation. */
public enum LayerKind {
  DENSE,
  DROPOUT,
  CUSTOM,
  PRETRAINED
}
