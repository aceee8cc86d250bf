package dev.deepbuild.runtime.data;

import java.util.Objects;

/**
 * A CSV table as {@code @CsvData} describes it: a file or a classpath resource, and its label
 * column by index or by header name.
 *
 * @param location a file path (relative to the project's base directory unless absolute) or a
 *     classpath resource name
 * @param classpathResource whether {@code location} names a classpath resource
 * @param labelIndex the label column's 0-based index, or -1 when {@code labelColumn} names it
 * @param labelColumn the label column's header name, or empty
 * @param header whether the first row names the columns
 * @param delimiter the field separator
 */
public record CsvSource(
    String location,
    boolean classpathResource,
    int labelIndex,
    String labelColumn,
    boolean header,
    char delimiter) implements DataSource {

  public CsvSource {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(labelColumn, "labelColumn");
  }

  /** A file, relative to the project's base directory unless absolute. */
  public static CsvSource file(String path) {
    return new CsvSource(path, false, -1, "", false, ',');
  }

  /** A resource of the model's class path. */
  public static CsvSource resource(String name) {
    return new CsvSource(name, true, -1, "", false, ',');
  }

  public CsvSource labelIndex(int index) {
    return new CsvSource(location, classpathResource, index, "", header, delimiter);
  }

  /** The label column by header name; implies a header row. */
  public CsvSource labelColumn(String name) {
    return new CsvSource(location, classpathResource, -1, name, true, delimiter);
  }

  public CsvSource withHeader() {
    return new CsvSource(location, classpathResource, labelIndex, labelColumn, true, delimiter);
  }

  public CsvSource delimiter(char delimiter) {
    return new CsvSource(location, classpathResource, labelIndex, labelColumn, header, delimiter);
  }

  @Override
  public String describe() {
    return (classpathResource ? "classpath resource " : "file ") + location;
  }

  @Override
  public String shortName() {
    return location;
  }

  @Override
  public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
    return visitor.csv(this);
  }
}
