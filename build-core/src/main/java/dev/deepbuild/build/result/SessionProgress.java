package dev.deepbuild.build.result;

/**
 * Hears of each model as a session starts and finishes it, so that what finished survives a crash
 * of the whole JVM in a later model.
 */
public interface SessionProgress {
  /** Hears nothing. */
  SessionProgress NONE = new SessionProgress() {
    @Override
    public void started(String model) {}

    @Override
    public void finished(ModelOutcome outcome) {}
  };

  /** The session starts on {@code model}. */
  void started(String model);

  /** The session is done with a model, whatever became of it. */
  void finished(ModelOutcome outcome);
}
