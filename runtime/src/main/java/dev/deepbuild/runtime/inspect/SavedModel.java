package dev.deepbuild.runtime.inspect;

import dev.deepbuild.build.io.ReportJson;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.Standardization;
import dev.deepbuild.runtime.io.ModelArchive;
import dev.deepbuild.runtime.network.Networks;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A model as {@code dl:train} saved it in {@code <outputRoot>/<model>/}: the network and its
 * standardization from {@code model.zip}, and what training measured from {@code metrics.json}.
 */
record SavedModel(Path file, TrainableNetwork net, Optional<Standardization> normalizer,
    ModelReport report) {

  /** Loads the model's files; missing or unreadable ones are input errors that say to train first. */
  static SavedModel load(Path outputRoot, String model) {
    Path folder = outputRoot.resolve(model);
    Path file = folder.resolve("model.zip");
    Path metrics = folder.resolve("metrics.json");
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(model + ": there is no trained model at " + file
          + ". Run mvn dl:train first: dl:evaluate evaluates the model dl:train saved, and never"
          + " trains.");
    }
    if (!Files.isRegularFile(metrics)) {
      throw new InvalidInputException(model + ": " + file + " has no metrics.json beside it, so its"
          + " training did not finish. Run mvn dl:train again.");
    }
    try {
      TrainableNetwork net = Networks.load(file);
      return new SavedModel(file, net, ModelArchive.normalizer(file), ReportJson.read(metrics));
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(model + ": cannot read the saved model " + file + ": "
          + e.getMessage() + ". Run mvn dl:train again to replace it.", e);
    }
  }
}
