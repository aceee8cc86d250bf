package dev.deepbuild.build.fork;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionProgress;
import dev.deepbuild.build.result.SessionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a training fork has done so far, kept in {@code progress.json} beside its result file after
 * each model: when the fork dies without its result (killed at its timeout, or its JVM ended by an
 * exhausted heap), the build still reports the models that finished, and names the one it died in.
 */
public final class ForkProgress implements SessionProgress {
  /**
   * @param models every model the fork works on, in order
   * @param finished the outcomes of the models done, in order
   * @param running the model being worked on; null between models
   */
  public record Snapshot(List<String> models, List<ModelOutcome> finished, String running) {
    public Snapshot {
      models = List.copyOf(models);
      finished = List.copyOf(finished);
    }

    /**
     * The session's result once the fork stopped for {@code why}: the finished models as they
     * finished, the running one failed for {@code why}, and those after it not trained.
     */
    public SessionResult stopped(String why) {
      return stopped(why, false);
    }

    /**
     * The session's result once a fork that was to train one model stopped for {@code why}: as
     * {@link #stopped(String)}, but the models after the one it stopped in are left to the next
     * fork, which did not share its end.
     */
    public SessionResult stoppedLeavingTheRest(String why) {
      return stopped(why, running != null);
    }

    private SessionResult stopped(String why, boolean leaveTheRest) {
      List<ModelOutcome> outcomes = new ArrayList<>(finished);
      if (running != null) {
        outcomes.add(ModelOutcome.failed(running,
            running + ": " + Character.toLowerCase(why.charAt(0)) + why.substring(1)));
      }
      List<String> done = outcomes.stream().map(ModelOutcome::model).toList();
      List<String> rest = models.stream().filter(model -> !done.contains(model)).toList();
      if (leaveTheRest) {
        return new SessionResult(outcomes, null, rest);
      }
      String cause = running == null ? "the training JVM stopped" : "the training JVM stopped in " + running;
      rest.forEach(model ->
          outcomes.add(ModelOutcome.failed(model, model + ": not reached, because " + cause)));
      return new SessionResult(outcomes, running == null ? why : null);
    }
  }

  private final Path file;
  private final TrainingLog log;
  private List<String> models = List.of();
  private final List<ModelOutcome> finished = new ArrayList<>();
  private String running;

  public ForkProgress(Path file, TrainingLog log) {
    this.file = file;
    this.log = log;
  }

  /** The fork is about to work on {@code models}, in this order. */
  public void begin(List<String> models) {
    this.models = List.copyOf(models);
    save();
  }

  /** Where the fork answering {@code request} keeps its progress. */
  public static Path fileOf(ForkRequest request) {
    return request.resultFile().resolveSibling("progress.json");
  }

  /** The progress a fork left behind, if it got as far as its first model. */
  public static Optional<Snapshot> read(Path file) {
    return Files.isRegularFile(file) ? Optional.of(ForkJson.read(file, Snapshot.class)) : Optional.empty();
  }

  public Snapshot snapshot() {
    return new Snapshot(models, finished, running);
  }

  @Override
  public void started(String model) {
    running = model;
    save();
  }

  @Override
  public void finished(ModelOutcome outcome) {
    finished.add(outcome);
    running = null;
    save();
  }

  /** Progress is a fallback for a crash: failing to keep it must not fail the models. */
  private void save() {
    try {
      ForkJson.write(file, snapshot());
    } catch (DeepBuildException e) {
      log.info("Cannot keep the training progress, so a crash would lose it: " + e.getMessage());
    }
  }
}
