/**
 * The Keras-like table of a model's layers, shapes and parameters, shared by the processor (the
 * compile-time {@code summary.txt}) and the runtime ({@code dl:summary}) so that both print the
 * same table. Not part of the annotation DSL.
 */
package dev.deepbuild.summary;
