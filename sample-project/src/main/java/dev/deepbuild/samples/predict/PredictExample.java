package dev.deepbuild.samples.predict;

import dev.deepbuild.runtime.predict.ClassPrediction;
import dev.deepbuild.samples.imdb.ImdbClassifierPredictor;
import dev.deepbuild.samples.iris.IrisClassifierPredictor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * An application that uses two of the build's trained models through the predictors DeepBuild
 * generates next to their classes: the IMDB classifier on reviews, the Iris classifier on a
 * flower's four measurements. Run from the jar, each loads its model packaged at {@code
 * META-INF/deepbuild/<model>/model.zip} once, on first use; given a folder such as {@code
 * target/deepbuild}, each loads {@code <folder>/<model>/model.zip}, as saved by {@code dl:train}.
 */
public final class PredictExample {
  /** Two reviews the IMDB classifier should tell apart: the first positive, the second negative. */
  static final List<String> REVIEWS = List.of(
      "A wonderful, moving film with superb performances. I loved every minute of it.",
      "Dull and far too long: the plot makes no sense and the acting is awful.");
  /** Sepal length and width, petal length and width in cm, the columns' order in iris.dat. */
  static final double[] FLOWER = {5.9, 3.0, 5.1, 1.8};

  private PredictExample() {}

  public static void main(String[] args) {
    ImdbClassifierPredictor reviews = args.length == 0 ? ImdbClassifierPredictor.packaged()
        : ImdbClassifierPredictor.load(Path.of(args[0], "imdb", "model.zip"));
    IrisClassifierPredictor flowers = args.length == 0 ? IrisClassifierPredictor.packaged()
        : IrisClassifierPredictor.load(Path.of(args[0], "iris", "model.zip"));

    List<ClassPrediction> predicted = reviews.predictAll(REVIEWS);
    for (int i = 0; i < REVIEWS.size(); i++) {
      System.out.printf("%s (%.2f): %s%n", predicted.get(i).label(),
          predicted.get(i).probability(), REVIEWS.get(i));
    }
    ClassPrediction flower = flowers.predict(FLOWER);
    System.out.printf("species %s (%.2f), all classes %s%n", flower.label(),
        flower.probability(), Arrays.toString(flower.probabilities()));
  }
}
