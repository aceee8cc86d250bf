package dev.deepbuild.resources;

import java.util.Objects;

/**
 * One file or folder a model's data is read from, as the processor lists it in {@link
 * ModelResources#reads(String)} for the build to tell, without loading the model, whether its data
 * changed: one line each, {@code file <path>}, {@code folder <path>} (relative to the project's
 * base directory unless absolute), or {@code unknown <why>} when the data is what code returns,
 * which only running it tells. Class-path resources and built-in datasets are not listed: the
 * class path and the class files (which pin a dataset's integrity) tell their changes.
 *
 * @param kind what is read
 * @param location the path, or for {@link Kind#UNKNOWN} what makes the data
 */
public record DataRead(Kind kind, String location) {

  public enum Kind {
    /** A file, read whole. */
    FILE,
    /** A folder, read with every file below it. */
    FOLDER,
    /** Data that code makes, such as a {@code @ProvidedData} provider's. */
    UNKNOWN
  }

  public DataRead {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
  }

  /** The resource's line for this read. */
  public String line() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + location;
  }

  /**
   * The read a line names.
   *
   * @throws IllegalArgumentException for a line this version does not know
   */
  public static DataRead parse(String line) {
    int space = line.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("not a data read: " + line);
    }
    return new DataRead(Kind.valueOf(line.substring(0, space).toUpperCase(java.util.Locale.ROOT)),
        line.substring(space + 1));
  }
}
