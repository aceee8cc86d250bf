/**
 * Incremental training: a model is trained again only when something that shapes it changed.
 * {@link dev.deepbuild.runtime.incremental.FingerprintCalculator} names everything that does (the
 * generated network, the data by digest, every training option of the spec, the versions of
 * DeepBuild and DL4J, the digest of DeepBuild's code) and
 * {@link dev.deepbuild.runtime.incremental.IncrementalTraining} compares it with the fingerprint
 * saved in the model's {@code metrics.json}, saying why a model must be trained again. Thresholds
 * are not part of it: a changed threshold is checked against the saved metrics without training.
 */
package dev.deepbuild.runtime.incremental;
