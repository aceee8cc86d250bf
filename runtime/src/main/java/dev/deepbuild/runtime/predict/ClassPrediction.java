package dev.deepbuild.runtime.predict;

import dev.deepbuild.runtime.eval.PredictedClass;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A classifier's prediction: the most probable class and every class's probability, in the order
 * of {@link #classes()} (the order training numbered them in). A network of one sigmoid unit gives
 * the second class's probability {@code p}; the first's is {@code 1 - p}, and the second class is
 * predicted when {@code p} is above 0.5, as the test metrics count it.
 *
 * @param label the predicted class
 * @param index its index in {@code classes}
 * @param probability its probability
 * @param classes the model's classes, in output order
 */
public record ClassPrediction(String label, int index, double probability, List<String> classes,
    double[] probabilities) implements Prediction {

  public ClassPrediction {
    Objects.requireNonNull(label, "label");
    classes = List.copyOf(classes);
    probabilities = probabilities.clone();
  }

  /** The prediction of one row of network outputs: a softmax row, or one sigmoid unit. */
  static ClassPrediction of(double[] outputs, List<String> classes) {
    double[] probabilities = outputs.length == 1
        ? new double[] {1 - outputs[0], outputs[0]} : outputs.clone();
    int index = PredictedClass.of(outputs.length, k -> outputs[k]);
    return new ClassPrediction(classes.get(index), index, probabilities[index], classes,
        probabilities);
  }

  /** Every class's probability, in the order of {@link #classes()}; a copy. */
  @Override
  public double[] probabilities() {
    return probabilities.clone();
  }

  /** The probability of {@code label}. */
  public double probability(String label) {
    int k = classes.indexOf(label);
    if (k < 0) {
      throw new IllegalArgumentException("\"" + label + "\" is none of the model's classes "
          + classes);
    }
    return probabilities[k];
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "%s (%.4f)", label, probability);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClassPrediction that && index == that.index
        && label.equals(that.label) && Double.compare(probability, that.probability) == 0
        && classes.equals(that.classes) && Arrays.equals(probabilities, that.probabilities);
  }

  @Override
  public int hashCode() {
    return Objects.hash(label, index, probability, classes, Arrays.hashCode(probabilities));
  }

  @Override
  public String toString() {
    return "ClassPrediction[" + label + " " + probability + ", " + classes + " "
        + Arrays.toString(probabilities) + "]";
  }
}
