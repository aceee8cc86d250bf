package dev.deepbuild.runtime.examples;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.SubsetProblem;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.FixedTestSplit;
import dev.deepbuild.runtime.data.HoldoutSplitter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The samples a subset of a built-in dataset keeps ({@code @Dataset(classes, trainingSamples)}):
 * the kept classes' rows of the dataset's own test split, which is made on the whole dataset so
 * that models of different subsets are tested on disjoint parts of the same test set, and the kept
 * classes' training rows, or a seeded sample of them with an equal share per class.
 *
 * @param rows the dataset's rows kept, ascending
 * @param labels per kept row, its new label: the position of its class in the kept classes
 * @param classNames the kept classes' names, as the dataset names them, in the new labels' order
 * @param testSplit the kept test rows, as positions in {@code rows}
 */
record DatasetSubset(int[] rows, int[] labels, List<String> classNames, FixedTestSplit testSplit) {

  /**
   * @param labels per row of the whole dataset, its class index
   * @param test the whole dataset's own test split
   * @param seed the model's seed, which picks the training sample
   * @throws InvalidInputException for a subset {@link SubsetProblem#of} rejects, or a sample
   *     larger than the kept training rows
   */
  static DatasetSubset of(String model, BuiltinSource source, int[] labels, List<String> classNames,
      FixedTestSplit test, long seed) {
    BuiltinDataset dataset = source.dataset();
    int[] kept = source.classes().isEmpty()
        ? IntStream.range(0, classNames.size()).toArray() : source.classIndices();
    check(model, source, false);
    int[] newLabel = new int[classNames.size()];
    Arrays.fill(newLabel, -1);
    for (int k = 0; k < kept.length; k++) {
      newLabel[kept[k]] = k;
    }
    int[] testRows = test.testRows(model, labels);
    boolean[] isTest = new boolean[labels.length];
    Arrays.stream(testRows).forEach(row -> isTest[row] = true);
    int[] allTraining = IntStream.range(0, labels.length)
        .filter(row -> !isTest[row] && newLabel[labels[row]] >= 0).toArray();
    int[] training = allTraining;
    if (source.trainingSamples() > training.length) {
      throw new InvalidInputException(model + ": @Dataset(trainingSamples = "
          + source.trainingSamples() + ") asks for more training samples than the "
          + training.length + " that " + source.describe() + " has; lower trainingSamples, or"
          + " set 0 to train on all of them.");
    }
    if (source.trainingSamples() > 0) {
      int[] strata = Arrays.stream(allTraining).map(row -> newLabel[labels[row]]).toArray();
      int[] sample = HoldoutSplitter.sample(strata, source.trainingSamples(), seed);
      training = Arrays.stream(sample).map(position -> allTraining[position]).toArray();
    }
    int[] keptTest = Arrays.stream(testRows).filter(row -> newLabel[labels[row]] >= 0).toArray();
    int[] rows = IntStream.concat(Arrays.stream(training), Arrays.stream(keptTest)).sorted()
        .toArray();
    int[] testPositions = Arrays.stream(keptTest).map(row -> Arrays.binarySearch(rows, row))
        .toArray();
    return new DatasetSubset(rows, Arrays.stream(rows).map(row -> newLabel[labels[row]]).toArray(),
        Arrays.stream(kept).mapToObj(classNames::get).toList(),
        FixedTestSplit.ofRows(testPositions));
  }

  /** The source's description with the kept classes and sample, for the log. */
  String describe(String source) {
    return source + ", classes " + String.join(", ", classNames) + " (" + testSplit.givenRows()
        .orElseThrow().length + " of its test samples, " + (rows.length - testSplit.givenRows()
        .orElseThrow().length) + " of its training samples)";
  }

  /**
   * Throws for a subset {@link SubsetProblem#of} rejects, worded for the spec the runtime got.
   *
   * @param functional whether the model names its inputs and outputs
   */
  static void check(String model, BuiltinSource source, boolean functional) {
    List<SubsetProblem> problems = SubsetProblem.of(source.dataset(), source.classIndices(),
        source.trainingSamples(), functional);
    if (problems.isEmpty()) {
      return;
    }
    BuiltinDataset dataset = source.dataset();
    String at = model + ": @Dataset(" + dataset + ", classes = " + source.classes()
        + ", trainingSamples = " + source.trainingSamples() + ") ";
    throw new InvalidInputException(at + switch (problems.get(0)) {
      case NOT_CLASSIFICATION -> "keeps part of a dataset without classes; remove classes and"
          + " trainingSamples.";
      case NAMED_FIELDS -> "is read by a functional model, whose outputs name their own label"
          + " fields; remove classes and trainingSamples.";
      case CLASS_OUT_OF_RANGE -> "names a class outside " + dataset + "'s classes, 0 to "
          + (dataset.classes() - 1) + "; keep only those.";
      case REPEATED_CLASS -> "names a class twice; list each once.";
      case TOO_FEW_CLASSES -> "keeps one class, and a classifier needs at least 2; list more.";
      case NEGATIVE_SAMPLES -> "has a negative trainingSamples; set a count, or 0 for all.";
      case SAMPLES_BELOW_CLASSES -> "keeps fewer training samples than classes; set at least "
          + SubsetProblem.keptClasses(dataset, source.classIndices()) + ".";
    });
  }
}
