package dev.deepbuild.runtime.fork;

/** What a forked JVM does with the build's models. */
public enum ForkGoal {
  /** Train each model, evaluate it and check its thresholds ({@code dl:train}). */
  TRAIN
}
