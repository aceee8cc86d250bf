package dev.deepbuild.runtime.data;

import dev.deepbuild.annotations.BuiltinDataset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A built-in real dataset, fetched by name and verified against its pinned hash, or a subset of it
 * ({@code @Dataset(classes, trainingSamples)}): some of its classes, some of its training samples.
 * The subset is part of the record, so it is part of the spec's fingerprint.
 *
 * @param classes the dataset's class indices kept, in their new labels' order; empty for all
 * @param trainingSamples the training samples kept; 0 for all
 */
public record BuiltinSource(BuiltinDataset dataset, List<Integer> classes, int trainingSamples)
    implements DataSource {
  public BuiltinSource {
    Objects.requireNonNull(dataset, "dataset");
    classes = List.copyOf(classes);
  }

  /** The whole dataset, as {@code @Dataset}'s defaults keep it. */
  public static BuiltinSource of(BuiltinDataset dataset) {
    return new BuiltinSource(dataset, List.of(), 0);
  }

  /** Only these classes of the dataset, relabelled 0 to n-1 in this order. */
  public BuiltinSource classes(int... kept) {
    return new BuiltinSource(dataset, Arrays.stream(kept).boxed().toList(), trainingSamples);
  }

  /** Only {@code count} samples of the training split, an equal share per class. */
  public BuiltinSource trainingSamples(int count) {
    return new BuiltinSource(dataset, classes, count);
  }

  /** The kept class indices as an array; empty for all. */
  public int[] classIndices() {
    return classes.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Whether the model reads the whole dataset. */
  public boolean whole() {
    return classes.isEmpty() && trainingSamples == 0;
  }

  @Override
  public String describe() {
    String name = "built-in dataset " + dataset.name().toLowerCase(Locale.ROOT).replace('_', '-');
    if (!classes.isEmpty()) {
      name += " (classes " + classes.stream().map(String::valueOf)
          .collect(Collectors.joining(", ")) + ")";
    }
    return name;
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
