/**
 * Reads the DSL's annotations and checks them. One validator per annotation, plus the checks
 * that relate several of them (the loss against the data's task and classes, the output layer
 * against the loss, the vectorization against the data, k-fold against a hold-out validation
 * fraction, thresholds, early stopping and a plateau schedule against the task and the splits that
 * exist, a layer's weight penalty against the class's {@code @Regularization});
 * {@link dev.deepbuild.processor.validation.ModelValidator} runs them all and builds the
 * description of a class with no error.
 */
package dev.deepbuild.processor.validation;
