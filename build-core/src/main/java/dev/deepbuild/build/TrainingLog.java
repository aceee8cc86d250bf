package dev.deepbuild.build;

/** Where training reports its progress: one human-readable line at a time. */
@FunctionalInterface
public interface TrainingLog {
  void info(String line);
}
