package dev.deepbuild.annotations;

/**
 * The type of a layer field. A layer field holds no value; its annotation ({@link Dense},
 * {@link Dropout}, {@link Conv2D}, {@link MaxPooling2D}, {@link Flatten}, ...) describes the layer
 * and its position among the fields gives the layer order.
 */
public interface Layer {}
