package dev.deepbuild.annotations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What is wrong with a {@code @Dataset}'s {@code classes} and {@code trainingSamples}, as
 * {@link #of} decides it for the annotation at compile time and for the spec the runtime is given
 * alike: the one rule of which subsets of a built-in dataset a model can train on. Each side words
 * the problem where it points (an annotation value, a spec call).
 */
public enum SubsetProblem {
  /** A subset of a dataset without classes, such as {@code BOSTON_HOUSING}'s prices. */
  NOT_CLASSIFICATION,
  /**
   * A subset of a text dataset read by a functional model, whose outputs each name a label field
   * of their own; an image dataset's one label field is the one a subset keeps classes of.
   */
  NAMED_FIELDS,
  /** A class index outside the dataset's classes, 0 to {@code classes() - 1}. */
  CLASS_OUT_OF_RANGE,
  /** A class index listed twice. */
  REPEATED_CLASS,
  /** One class: a classifier needs at least two. */
  TOO_FEW_CLASSES,
  /** A negative training sample count. */
  NEGATIVE_SAMPLES,
  /** Fewer training samples than kept classes, so some class would have none. */
  SAMPLES_BELOW_CLASSES;

  /**
   * The problems of a subset, in the order they are reported; empty when it has none, and always
   * for the whole dataset ({@code classes} empty, {@code trainingSamples} 0).
   *
   * @param functional whether the model names its inputs and outputs
   */
  public static List<SubsetProblem> of(
      BuiltinDataset dataset, int[] classes, int trainingSamples, boolean functional) {
    List<SubsetProblem> problems = new ArrayList<>();
    if (classes.length == 0 && trainingSamples == 0) {
      return problems;
    }
    if (dataset.task() != Task.CLASSIFICATION) {
      problems.add(NOT_CLASSIFICATION);
      return problems;
    }
    if (functional && dataset.imageShape().isEmpty()) {
      problems.add(NAMED_FIELDS);
    }
    if (Arrays.stream(classes).anyMatch(index -> index < 0 || index >= dataset.classes())) {
      problems.add(CLASS_OUT_OF_RANGE);
    }
    if (Arrays.stream(classes).distinct().count() < classes.length) {
      problems.add(REPEATED_CLASS);
    }
    if (classes.length == 1) {
      problems.add(TOO_FEW_CLASSES);
    }
    if (trainingSamples < 0) {
      problems.add(NEGATIVE_SAMPLES);
    } else if (trainingSamples > 0 && trainingSamples < keptClasses(dataset, classes)) {
      problems.add(SAMPLES_BELOW_CLASSES);
    }
    return problems;
  }

  /** The number of classes a model of the subset has: those listed, or all of the dataset's. */
  public static int keptClasses(BuiltinDataset dataset, int[] classes) {
    return classes.length == 0 ? dataset.classes() : classes.length;
  }
}
