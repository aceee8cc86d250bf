package dev.deepbuild.build.result;

import dev.deepbuild.build.gate.CheckOutcome;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a session's result says to the build log and to packaging, without the reports' data: per
 * model, how long it trained, whether an earlier build trained it, and each check's verdict and
 * message; and every error. Small enough to be kept for an up-to-date build to read at once.
 *
 * @param error the session's own error, outside any model; null when none
 */
public record SessionVerdict(List<Model> models, String error) {

  public SessionVerdict {
    models = List.copyOf(models);
  }

  /**
   * One model's verdict.
   *
   * @param trainingSeconds how long it trained; NaN when it has no report
   * @param error why it could not be trained; null when it was
   */
  public record Model(String model, boolean upToDate, double trainingSeconds, String error,
      List<Check> checks) {

    public Model {
      checks = List.copyOf(checks);
    }

    static Model of(ModelOutcome outcome) {
      return new Model(outcome.model(), outcome.upToDate(),
          outcome.report() == null ? Double.NaN : outcome.report().trainingSeconds(),
          outcome.error(), outcome.checks().stream().map(Check::of).toList());
    }

    public boolean failed() {
      return error != null;
    }

    /** Whether it was trained (or reused) and met every threshold. */
    public boolean passed() {
      return !failed() && checks.stream().allMatch(Check::passed);
    }

    /** This verdict as a later build reports it when nothing it depends on changed. */
    public Model asUpToDate() {
      return new Model(model, true, trainingSeconds, error, checks);
    }
  }

  /**
   * One threshold's verdict, as {@link CheckOutcome} has it.
   *
   * @param warns whether the check left a bound out, which the build warns of
   */
  public record Check(boolean passed, boolean warns, String message) {
    static Check of(CheckOutcome outcome) {
      return new Check(outcome.passed(), outcome.warns(), outcome.message());
    }
  }

  static SessionVerdict of(SessionResult result) {
    return new SessionVerdict(result.models().stream().map(Model::of).toList(), result.error());
  }

  /** Every reason the build is broken, as opposed to a model that missed a threshold. */
  public List<String> errors() {
    return Stream.concat(Stream.ofNullable(error),
        models.stream().filter(Model::failed).map(Model::error)).toList();
  }

  /** The message of every missed threshold of every trained model. */
  public List<String> violations() {
    return models.stream().filter(model -> !model.failed())
        .flatMap(model -> model.checks().stream()).filter(check -> !check.passed())
        .map(Check::message).toList();
  }

  /** This verdict as a later build reports it when nothing it depends on changed. */
  public SessionVerdict asUpToDate() {
    return new SessionVerdict(models.stream().map(Model::asUpToDate).toList(), error);
  }
}
