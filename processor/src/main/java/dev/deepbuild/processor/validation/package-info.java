/**
 * Reads the DSL's annotations and checks them. One validator per annotation, plus the checks
 * that relate several of them (the output layer against the loss, thresholds against the task);
 * {@link dev.deepbuild.processor.validation.ModelValidator} runs them all and builds the
 * description of a class with no error.
 */
package dev.deepbuild.processor.validation;
