package dev.deepbuild.samples.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.predict.ClassPrediction;
import dev.deepbuild.samples.imdb.ImdbClassifierPredictor;
import dev.deepbuild.samples.iris.IrisClassifierPredictor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example application against the models this build trained, gated and packaged into its
 * class output: run by the main job after {@code dl:train} (profile {@code train}), as an
 * application would use them.
 */
class PredictExampleIT {
  @Test
  void theImdbPredictorTellsAPraiseFromAPan() {
    List<ClassPrediction> predicted = ImdbClassifierPredictor.packaged()
        .predictAll(PredictExample.REVIEWS);
    assertEquals("positive", predicted.get(0).label(), predicted.get(0).toString());
    assertEquals("negative", predicted.get(1).label(), predicted.get(1).toString());
  }

  @Test
  void theIrisPredictorNamesAVirginica() {
    ClassPrediction flower = IrisClassifierPredictor.packaged().predict(PredictExample.FLOWER);
    assertEquals("2", flower.label(), flower.toString());
    assertTrue(flower.probability() > 0.5, flower.toString());
    assertEquals(1.0, flower.probabilities()[0] + flower.probabilities()[1]
        + flower.probabilities()[2], 1e-5);
  }

  @Test
  void theExampleRunsFromTheClassPath() {
    PredictExample.main(new String[0]);
  }
}
