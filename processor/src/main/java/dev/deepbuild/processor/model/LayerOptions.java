package dev.deepbuild.processor.model;

/**
 * What a layer annotation states about its layer. Each kind knows how it transforms the size of
 * its input, so shapes can be inferred along the network.
 */
public sealed interface LayerOptions permits DenseOptions, DropoutOptions {

  LayerKind kind();

  Size outputSize(Size input);

  /** The number of trainable parameters. */
  Size parameters(Size input);
}
