package dev.deepbuild.build.result;

import dev.deepbuild.build.gate.CheckOutcome;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outcome of training a build's models: one entry per model, and an {@code error} when the
 * session could not start (say, a model name that does not exist) or broke off outside any model.
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
    return Stream.concat(Stream.ofNullable(error),
        models.stream().filter(ModelOutcome::failed).map(ModelOutcome::error)).toList();
  }

  /** What the build log and packaging need of this result. */
  public SessionVerdict verdict() {
    return SessionVerdict.of(this);
  }

  /** Every missed threshold of every trained model. */
  public List<CheckOutcome> violations() {
    return models.stream().flatMap(model -> model.violations().stream()).toList();
  }
}
