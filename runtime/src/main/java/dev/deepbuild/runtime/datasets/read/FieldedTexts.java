package dev.deepbuild.runtime.datasets.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples read as named fields, in the source's order: texts that a functional model's inputs
 * read, and class names that its outputs predict, each field one value per sample.
 *
 * @param texts per text field, its texts
 * @param labels per label field, each sample's class name
 */
public record FieldedTexts(Map<String, List<String>> texts, Map<String, List<String>> labels) {
  public FieldedTexts {
    texts = Map.copyOf(texts);
    labels = Map.copyOf(labels);
  }

  /** {@code values} by field name, each field a text field or a label field as it is read. */
  static FieldedTexts of(List<FileField> fields, Map<String, List<String>> values) {
    Map<String, List<String>> texts = new HashMap<>();
    Map<String, List<String>> labels = new HashMap<>();
    for (FileField field : fields) {
      (field.text() ? texts : labels).put(field.name(), values.get(field.name()));
    }
    return new FieldedTexts(texts, labels);
  }

  /** The number of samples. */
  public int size() {
    return labels.values().iterator().next().size();
  }
}
