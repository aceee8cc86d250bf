package dev.deepbuild.processor.model;

import java.util.Objects;

/** Where a CSV table ({@link DataDescription.CsvTable}) is read from. */
public record DataSource(Kind kind, String location) {

  public enum Kind {
    /** A path relative to the project's base directory, unless absolute. */
    FILE,
    /** A resource of the model's class path. */
    RESOURCE
  }

  public DataSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
  }
}
