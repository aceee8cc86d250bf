package dev.deepbuild.processor.model;

import java.util.Objects;

/**
 * A model's data and how it is split.
 *
 * @param source where the table is read from
 * @param label the label column
 * @param header whether the first row names the columns (always so for a {@link LabelColumn.Named})
 * @param delimiter the field separator
 * @param classes the declared number of classes of a classifier, 0 to infer it from the data
 * @param testFraction the fraction of rows held out for the final test, in (0, 1)
 * @param validationFraction the fraction of rows held out for validation, in [0, 1); 0 for none
 */
public record DataDescription(
    DataSource source,
    LabelColumn label,
    boolean header,
    char delimiter,
    int classes,
    double testFraction,
    double validationFraction) {

  public DataDescription {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(label, "label");
  }
}
