package dev.deepbuild.runtime.text;

import dev.deepbuild.build.io.AtomicFiles;
import dev.deepbuild.build.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Vectorized texts kept between builds, so that a dataset is tokenized and encoded once per
 * machine rather than once per build. One file per key, {@code <SHA-256 of the key>.texts} in the
 * cache directory, in the format of {@link EncodedTextsFile}, written atomically.
 *
 * <p>The key is the caller's: it must change whenever anything that shapes the result changes,
 * such as the dataset's integrity hash, the training rows, {@code maxTokens}, the mode, the sequence
 * length and {@link Tokenizer#TOKENIZER_VERSION}. A file that cannot be trusted (truncated, altered,
 * another format or key) is deleted and the texts are computed again; it is never used. A cache that
 * cannot be written does not fail the build: the computed texts are returned and a notice says why.
 */
public final class PreparedTextCache {
  /** The system property naming the cache directory. */
  public static final String DIRECTORY_PROPERTY = "deepbuild.prepared.cache";

  private final Path directory;
  private final Consumer<String> notices;

  /**
   * @param directory where the files go; created when the first one is written
   * @param notices told, in a sentence each, what the cache did: loaded, computed, deleted a
   *     corrupt file, or could not write
   */
  public PreparedTextCache(Path directory, Consumer<String> notices) {
    this.directory = directory.toAbsolutePath();
    this.notices = Objects.requireNonNull(notices, "notices");
  }

  /** The cache in {@link #defaultDirectory()}. */
  public static PreparedTextCache inDefaultDirectory(Consumer<String> notices) {
    return new PreparedTextCache(defaultDirectory(), notices);
  }

  /** {@value #DIRECTORY_PROPERTY} if set, else {@code ~/.deepbuild/prepared}. */
  public static Path defaultDirectory() {
    String configured = System.getProperty(DIRECTORY_PROPERTY, "");
    return configured.isBlank()
        ? Paths.get(System.getProperty("user.home"), ".deepbuild", "prepared")
        : Paths.get(configured);
  }

  public Path directory() {
    return directory;
  }

  /** The file that holds the texts of {@code key}, whether it exists or not. */
  public Path fileFor(String key) {
    return directory.resolve(Sha256.of(key) + ".texts");
  }

  /**
   * The texts stored under {@code key}, or, when there are none to trust, {@code compute}'s result,
   * which is then stored.
   */
  public EncodedTexts getOrCompute(String key, Supplier<EncodedTexts> compute) {
    Path file = fileFor(key);
    EncodedTexts stored = load(file, key);
    if (stored != null) {
      return stored;
    }
    EncodedTexts computed = Objects.requireNonNull(compute.get(), "compute returned null");
    try {
      AtomicFiles.write(file, temporary -> EncodedTextsFile.write(temporary, key, computed));
      notices.accept("stored the vectorized texts in " + file);
    } catch (IOException e) {
      notices.accept("could not store the vectorized texts in " + file + " (" + e + "); they will"
          + " be computed again next time. Make " + directory + " writable, or point -D"
          + DIRECTORY_PROPERTY + "=... at a writable directory.");
    }
    return computed;
  }

  private EncodedTexts load(Path file, String key) {
    try {
      EncodedTexts texts = EncodedTextsFile.read(file, key);
      notices.accept("loaded the vectorized texts from " + file);
      return texts;
    } catch (NoSuchFileException e) {
      return null;
    } catch (EncodedTextsFile.CorruptFileException e) {
      notices.accept("deleted the cache file " + file + " because " + e.getMessage()
          + "; computing the texts again");
      delete(file);
      return null;
    } catch (IOException e) {
      notices.accept("could not read the cache file " + file + " (" + e + "); computing the texts"
          + " again");
      return null;
    }
  }

  private void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      notices.accept("could not delete " + file + " (" + e + "); it will be replaced");
    }
  }

}
