package dev.deepbuild.runtime.data;

import dev.deepbuild.annotations.BuiltinDataset;
import java.util.Locale;
import java.util.Objects;

/** A built-in real dataset, fetched by name and verified against its pinned hash. */
public record BuiltinSource(BuiltinDataset dataset) implements DataSource {
  public BuiltinSource {
    Objects.requireNonNull(dataset, "dataset");
  }

  public static BuiltinSource of(BuiltinDataset dataset) {
    return new BuiltinSource(dataset);
  }

  @Override
  public String describe() {
    return "built-in dataset " + dataset.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public String shortName() {
    return describe();
  }

  @Override
  public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
    return visitor.builtin(this);
  }
}
