package dev.deepbuild.runtime.gate;

import dev.deepbuild.runtime.model.ThresholdSpec;

/**
 * The outcome of one threshold check. The message reads
 * {@code iris: test accuracy is 0.842, but expected minimum is 0.900} when it failed and
 * {@code iris: test accuracy is 0.967 (minimum 0.900)} when it passed.
 */
public record CheckOutcome(ThresholdSpec threshold, double actual, boolean passed, String message) {}
