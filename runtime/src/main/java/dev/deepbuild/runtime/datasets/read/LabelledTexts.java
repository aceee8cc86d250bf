package dev.deepbuild.runtime.datasets.read;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Texts and their classes, as read, in the source's order.
 *
 * @param texts the texts
 * @param labels per text, its class's index in {@code classNames}; not copied, not to be modified
 * @param classNames the classes, each named once, in the order the source defines
 */
public record LabelledTexts(List<String> texts, int[] labels, List<String> classNames) {
  public LabelledTexts {
    texts = List.copyOf(texts);
    classNames = List.copyOf(classNames);
    Objects.requireNonNull(labels, "labels");
    if (labels.length != texts.size()) {
      throw new IllegalArgumentException(texts.size() + " texts but " + labels.length + " labels");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException("text " + i + " has the label " + labels[i] + ", but there"
            + " are " + classNames.size() + " classes");
      }
    }
  }

  /**
   * Texts labelled by class names: the classes are the distinct names, ordered by name
   * ({@link String#compareTo}, so {@code "10"} comes before {@code "2"}).
   *
   * @param classOfEach per text, the name of its class
   */
  public static LabelledTexts byClassName(List<String> texts, List<String> classOfEach) {
    Map<String, Integer> classes = new TreeMap<>();
    classOfEach.forEach(name -> classes.put(name, 0));
    List<String> classNames = List.copyOf(classes.keySet());
    for (int i = 0; i < classNames.size(); i++) {
      classes.put(classNames.get(i), i);
    }
    return new LabelledTexts(texts, classOfEach.stream().mapToInt(classes::get).toArray(), classNames);
  }

  /** The number of texts. */
  public int size() {
    return texts.size();
  }

  /** Text {@code i}'s class index. */
  public int label(int i) {
    return labels[i];
  }

  /** How many texts each class has, indexed like {@link #classNames()}. */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  // Records compare arrays by identity; these compare the labels by content.
  @Override
  public boolean equals(Object other) {
    return other instanceof LabelledTexts that && texts.equals(that.texts)
        && Arrays.equals(labels, that.labels) && classNames.equals(that.classNames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(texts, Arrays.hashCode(labels), classNames);
  }

  /** A summary: the whole texts would be tens of megabytes. */
  @Override
  public String toString() {
    return "LabelledTexts[" + texts.size() + " texts, classes " + classNames + "]";
  }
}
