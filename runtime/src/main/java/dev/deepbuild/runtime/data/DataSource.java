package dev.deepbuild.runtime.data;

/**
 * Where a model's samples come from: a CSV table ({@code @CsvData}), a built-in real dataset
 * ({@code @Dataset}) or the user's own texts ({@code @TextData}).
 */
public sealed interface DataSource permits CsvSource, BuiltinSource, TextSource {
  /** How messages name the source, such as {@code classpath resource iris.dat}. */
  String describe();
}
