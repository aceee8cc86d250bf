package dev.deepbuild.build.uptodate;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.fork.ForkJson;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.build.result.SessionVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The last training session's result under the {@link OutcomeKey} it was reached with, kept in
 * {@code target/deepbuild/fork/outcome.json}: while the key is the same, the result stands, and the
 * build reports it without starting the training JVM. Beside it, {@code outcome-verdict.txt}
 * ({@link VerdictFile}) holds the key's digest and the result's verdict, which is all an
 * up-to-date build reads when its reports and packaged models are in place; the full result is
 * read only to name what changed or to write the reports again. Only a result without errors is
 * kept, since an error (a download that failed, a JVM that died) may not happen again.
 *
 * @param key the key's components
 * @param result the session's result
 */
public record StoredOutcome(SortedMap<String, String> key, SessionResult result) {

  /** Where a build whose fork works in {@code forkDirectory} keeps its outcome. */
  public static Path fileIn(Path forkDirectory) {
    return forkDirectory.resolve("outcome.json");
  }

  private static Path verdictFile(Path file) {
    return file.resolveSibling("outcome-verdict.txt");
  }

  /**
   * The stored verdict, each model marked up to date, when it was reached with {@code key}: from
   * the verdict file when its digest is the key's, else from the full result.
   *
   * @param changes hears what changed, when a result is stored under another key
   */
  public static Optional<SessionVerdict> reuse(Path file, OutcomeKey key, List<String> changes) {
    Optional<VerdictFile.Kept> kept = VerdictFile.read(verdictFile(file));
    if (kept.isPresent() && kept.get().keyDigest().equals(key.digest())) {
      return Optional.of(kept.get().verdict().asUpToDate());
    }
    Optional<StoredOutcome> stored = read(file);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    List<String> changed = key.changedFrom(new OutcomeKey(stored.get().key()));
    if (!changed.isEmpty()) {
      changes.addAll(changed);
      return Optional.empty();
    }
    return Optional.of(upToDate(stored.get().result()).verdict());
  }

  /**
   * The whole stored result, each model marked up to date, when it was reached with {@code key}:
   * what the reports are written from again.
   */
  public static Optional<SessionResult> result(Path file, OutcomeKey key) {
    return read(file).filter(stored -> key.changedFrom(new OutcomeKey(stored.key())).isEmpty())
        .map(stored -> upToDate(stored.result()));
  }

  /** Keeps {@code result} under {@code key}, unless it holds an error. */
  public static void store(Path file, OutcomeKey key, SessionResult result) throws IOException {
    if (result.errors().isEmpty()) {
      // The verdict last: it vouches for the full result, which forget removed before the fork.
      ForkJson.write(file, new StoredOutcome(key.components(), result));
      VerdictFile.write(verdictFile(file), key.digest(), result.verdict());
    }
  }

  /** Forgets the stored result, before a fork that may change what it was reached with. */
  public static void forget(Path file) throws IOException {
    Files.deleteIfExists(verdictFile(file));
    Files.deleteIfExists(file);
  }

  private static Optional<StoredOutcome> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ForkJson.read(file, StoredOutcome.class));
    } catch (DeepBuildException e) {
      // Written by another version, or damaged: the fork decides.
      return Optional.empty();
    }
  }

  private static SessionResult upToDate(SessionResult result) {
    return result.withModels(result.models().stream().map(ModelOutcome::asUpToDate).toList());
  }
}
