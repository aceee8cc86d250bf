package dev.deepbuild.runtime.predict;

import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.naming.Nearest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A functional model's predictions for one row of its named inputs: one per named output, in the
 * network's order of outputs, each of the output's task.
 *
 * @param predictions each output's prediction by the output's name
 */
public record OutputPredictions(Map<String, Prediction> predictions) {
  public OutputPredictions {
    predictions = Collections.unmodifiableMap(new LinkedHashMap<>(predictions));
  }

  /** The class that the classifying output {@code output} predicts. */
  public ClassPrediction classified(String output) {
    if (get(output) instanceof ClassPrediction prediction) {
      return prediction;
    }
    throw new InvalidInputException("the output \"" + output + "\" regresses a value: read it"
        + " with regressed(\"" + output + "\").");
  }

  /** The value that the regressing output {@code output} predicts. */
  public ValuePrediction regressed(String output) {
    if (get(output) instanceof ValuePrediction prediction) {
      return prediction;
    }
    throw new InvalidInputException("the output \"" + output + "\" classifies: read it with"
        + " classified(\"" + output + "\").");
  }

  private Prediction get(String output) {
    Prediction prediction = predictions.get(output);
    if (prediction == null) {
      List<String> names = List.copyOf(predictions.keySet());
      throw new InvalidInputException("\"" + output + "\" is none of the model's outputs "
          + names + "." + Nearest.didYouMean(output, names));
    }
    return prediction;
  }

  /** One line for a person, as {@code dl:predict} prints it: {@code topic: earn (0.9); usa: ...}. */
  public String describe() {
    return predictions.entrySet().stream()
        .map(entry -> entry.getKey() + ": " + entry.getValue().describe())
        .collect(Collectors.joining("; "));
  }
}
