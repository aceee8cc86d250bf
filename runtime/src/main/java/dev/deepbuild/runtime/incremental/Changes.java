package dev.deepbuild.runtime.incremental;

import dev.deepbuild.runtime.data.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Words the differences between a saved fingerprint and the current one, one phrase per component:
 * {@code the seed changed (42 -> 7)}, {@code the network changed}, {@code the data changed
 * (data/iris.csv)}, {@code epochs was added}, {@code kFold was removed}.
 */
final class Changes {
  /** Components whose values are digests: their values would tell a reader nothing. */
  private static final Set<String> DIGESTS =
      Set.of(Fingerprint.NETWORK, Fingerprint.DATA_DIGEST, Fingerprint.VALIDATION_DIGEST,
          Fingerprint.DEEPBUILD_CODE);
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry(Fingerprint.SEED, "the seed"),
      Map.entry(Fingerprint.NETWORK, "the network"),
      Map.entry(Fingerprint.DATA, "the data source"),
      Map.entry(Fingerprint.VALIDATION_DIGEST, "the validation data"),
      Map.entry("tokenizer", "the tokenizer"),
      Map.entry("deepbuild.version", "the DeepBuild version"),
      Map.entry(Fingerprint.DEEPBUILD_CODE, "the DeepBuild runtime's code"),
      Map.entry("dl4j.version", "the DL4J version"),
      Map.entry("nd4j.version", "the ND4J version"),
      Map.entry(Fingerprint.BACKEND, "the backend"),
      Map.entry(Fingerprint.WORKERS, "the number of replicas"));

  private Changes() {}

  /**
   * The changes from {@code saved} to {@code current}, in component order; empty when they are
   * equal.
   *
   * @param data the current data source, which names the data whose bytes changed
   */
  static List<String> between(Fingerprint saved, Fingerprint current, DataSource data) {
    Set<String> names = new TreeSet<>(saved.components().keySet());
    names.addAll(current.components().keySet());
    List<String> changes = new ArrayList<>();
    for (String name : names) {
      String before = saved.components().get(name);
      String after = current.components().get(name);
      if (before == null) {
        changes.add(name(name) + " was added");
      } else if (after == null) {
        changes.add(name(name) + " was removed");
      } else if (name.equals(Fingerprint.DATA_DIGEST) && !before.equals(after)) {
        changes.add("the data changed (" + data.shortName() + ")");
      } else if (!before.equals(after)) {
        changes.add(name(name) + " changed" + (DIGESTS.contains(name) ? "" : " (" + before + " -> " + after + ")"));
      }
    }
    return changes;
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  static String join(List<String> phrases) {
    if (phrases.size() <= 1) {
      return String.join("", phrases);
    }
    return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " and " + phrases.get(phrases.size() - 1);
  }

  private static String name(String component) {
    return NAMES.getOrDefault(component, component);
  }
}
