package dev.deepbuild.runtime.data;

/**
 * Where a model's samples come from: a CSV table ({@code @CsvData}), a built-in real dataset
 * ({@code @Dataset}), the user's own texts ({@code @TextData}), the user's own code
 * ({@code @ProvidedData}) or the user's own images ({@code @ImageData}).
 *
 * <p>What other packages do with a source (read its examples, digest its bytes, evaluate it on
 * another table) needs their dependencies, such as the dataset catalog, which itself depends on
 * this package; so they dispatch through a {@link Visitor} rather than behaviour here. A new source
 * adds a visitor method, and every use stops compiling until it handles the source.
 */
public sealed interface DataSource permits CsvSource, BuiltinSource, TextSource, ProvidedSource,
    ImageSource {
  /** How messages name the source, such as {@code classpath resource iris.dat}. */
  String describe();

  /**
   * How a short phrase names the source, as in {@code the data changed (data/iris.csv)}: the
   * location of a table or texts, the description of a built-in dataset.
   */
  String shortName();

  /** Calls the visitor's method for this kind of source. */
  <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X;

  /**
   * One method per kind of source.
   *
   * @param <R> what the visit returns
   * @param <X> the checked exception a visit may throw; {@code RuntimeException} for none
   */
  interface Visitor<R, X extends Exception> {
    R csv(CsvSource source) throws X;

    R builtin(BuiltinSource source) throws X;

    R text(TextSource source) throws X;

    R provided(ProvidedSource source) throws X;

    R image(ImageSource source) throws X;
  }
}
