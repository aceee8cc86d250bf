package dev.deepbuild.build.result;

import java.util.List;

/**
 * A classifier's confusion matrix on one data split: how many samples of each actual class were
 * predicted as each class. Plain lists rather than arrays, so that two matrices with the same counts
 * are equal and the record travels as JSON unchanged.
 *
 * @param classes the class names in class-index order
 * @param counts {@code counts.get(actual).get(predicted)}, one row and one column per class
 */
public record ConfusionCounts(List<String> classes, List<List<Integer>> counts) {

  public ConfusionCounts {
    classes = List.copyOf(classes);
    counts = counts.stream().map(List::copyOf).toList();
    for (List<Integer> row : counts) {
      if (row.size() != classes.size()) {
        throw new IllegalArgumentException("a confusion matrix of " + classes.size()
            + " classes needs as many counts per row, not " + row.size());
      }
    }
    if (counts.size() != classes.size()) {
      throw new IllegalArgumentException("a confusion matrix of " + classes.size()
          + " classes needs as many rows, not " + counts.size());
    }
  }

  public int count(int actual, int predicted) {
    return counts.get(actual).get(predicted);
  }

  /** How many samples are of class {@code actual}. */
  public int actualTotal(int actual) {
    return counts.get(actual).stream().mapToInt(Integer::intValue).sum();
  }

  /** How many samples were predicted as class {@code predicted}. */
  public int predictedTotal(int predicted) {
    return counts.stream().mapToInt(row -> row.get(predicted)).sum();
  }

  /** How many samples the matrix counts. */
  public int total() {
    return counts.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
  }
}
