package dev.deepbuild.build.uptodate;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.fork.ForkJson;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The last training session's result under the {@link OutcomeKey} it was reached with, kept in
 * {@code target/deepbuild/fork/outcome.json}: while the key is the same, the result stands, and the
 * build reports it without starting the training JVM. Only a result without errors is kept, since
 * an error (a download that failed, a JVM that died) may not happen again.
 *
 * @param key the key's components
 * @param result the session's result
 */
public record StoredOutcome(SortedMap<String, String> key, SessionResult result) {

  /** Where a build whose fork works in {@code forkDirectory} keeps its outcome. */
  public static Path fileIn(Path forkDirectory) {
    return forkDirectory.resolve("outcome.json");
  }

  /**
   * The stored result, each model marked up to date, when it was reached with {@code key}.
   *
   * @param changes hears what changed, when a result is stored under another key
   */
  public static Optional<SessionResult> reuse(Path file, OutcomeKey key, List<String> changes) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    StoredOutcome stored;
    try {
      stored = ForkJson.read(file, StoredOutcome.class);
    } catch (DeepBuildException e) {
      // Written by another version, or damaged: the fork decides.
      return Optional.empty();
    }
    List<String> changed = key.changedFrom(new OutcomeKey(stored.key()));
    if (!changed.isEmpty()) {
      changes.addAll(changed);
      return Optional.empty();
    }
    return Optional.of(new SessionResult(stored.result().models().stream()
        .map(ModelOutcome::asUpToDate).toList(), stored.result().error()));
  }

  /** Keeps {@code result} under {@code key}, unless it holds an error. */
  public static void store(Path file, OutcomeKey key, SessionResult result) {
    if (result.errors().isEmpty()) {
      ForkJson.write(file, new StoredOutcome(key.components(), result));
    }
  }

  /** Forgets the stored result, before a fork that may change what it was reached with. */
  public static void forget(Path file) throws IOException {
    Files.deleteIfExists(file);
  }
}
