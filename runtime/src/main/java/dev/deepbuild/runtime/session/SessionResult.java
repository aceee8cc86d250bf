package dev.deepbuild.runtime.session;

import dev.deepbuild.runtime.gate.CheckOutcome;
import java.util.List;

/**
 * The outcome of training a build's models: one entry per model, or a single {@code error} when the
 * session could not start (say, a model name that does not exist).
 */
public record SessionResult(List<ModelOutcome> models, String error) {

  public SessionResult {
    models = List.copyOf(models);
  }

  public static SessionResult of(List<ModelOutcome> models) {
    return new SessionResult(models, null);
  }

  public static SessionResult failed(String error) {
    return new SessionResult(List.of(), error);
  }

  /** Every reason the build is broken, as opposed to a model that missed a threshold. */
  public List<String> errors() {
    if (error != null) {
      return List.of(error);
    }
    return models.stream().filter(ModelOutcome::failed).map(ModelOutcome::error).toList();
  }

  /** Every missed threshold of every trained model. */
  public List<CheckOutcome> violations() {
    return models.stream().flatMap(model -> model.violations().stream()).toList();
  }
}
