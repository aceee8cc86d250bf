package dev.deepbuild.runtime.data;

/**
 * A dataset's own test split: a fraction of its samples, stratified for classification, chosen by
 * the dataset's own seed rather than the model's, so that every model of the dataset is measured
 * on the same samples.
 */
public record FixedTestSplit(double fraction, long seed) {}
