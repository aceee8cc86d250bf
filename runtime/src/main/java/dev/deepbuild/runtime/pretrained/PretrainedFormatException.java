package dev.deepbuild.runtime.pretrained;

/**
 * A file of a verified package that does not hold what the importer reads: a bundle without its
 * exported data, a weight tensor of the wrong size, a layer without weights. The message says
 * where; {@link CatalogBases} adds which package and what to do, as the Keras-file import does
 * for the weights of its file ({@link GraphWeights}).
 */
public final class PretrainedFormatException extends RuntimeException {
  PretrainedFormatException(String message) {
    super(message);
  }
}
