package dev.deepbuild.annotations;

/**
 * The type of a layer field. A layer field holds no value; its annotation ({@link Dense},
 * {@link Dropout}) describes the layer and its position among the fields gives the layer order.
 */
public interface Layer {}
