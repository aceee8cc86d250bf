package dev.deepbuild.build.result;

import dev.deepbuild.build.gate.CheckOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outcome of training a build's models: one entry per model, and an {@code error} when the
 * session could not start (say, a model name that does not exist) or broke off outside any model.
 *
 * @param left the models this training JVM left to the next one, in order: it trains one model
 *     and stops when each model is to train in a JVM of its own; empty when it did them all
 */
public record SessionResult(List<ModelOutcome> models, String error, List<String> left) {

  public SessionResult {
    models = List.copyOf(models);
    // A result written before a JVM could leave models reads them as null.
    left = left == null ? List.of() : List.copyOf(left);
  }

  /** A result that leaves nothing to another JVM. */
  public SessionResult(List<ModelOutcome> models, String error) {
    this(models, error, List.of());
  }

  public static SessionResult of(List<ModelOutcome> models) {
    return new SessionResult(models, null);
  }

  public static SessionResult failed(String error) {
    return new SessionResult(List.of(), error);
  }

  /** This result with {@code models} instead, say with their thresholds checked again. */
  public SessionResult withModels(List<ModelOutcome> models) {
    return new SessionResult(models, error, left);
  }

  /**
   * This result followed by {@code next}'s, from the JVM that took over the models this one left:
   * the outcomes of both in order, the first error, and what {@code next} left.
   */
  public SessionResult followedBy(SessionResult next) {
    List<ModelOutcome> both = new ArrayList<>(models);
    both.addAll(next.models());
    return new SessionResult(both, error != null ? error : next.error(), next.left());
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
