package dev.deepbuild.runtime.train;

import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Path;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** A small standardized classifier of three blobs, trained and saved as {@code dl:train} saves it. */
final class SavedBlobs {
  private SavedBlobs() {}

  /** Trains "blobs" on 4-feature data written into {@code base}; returns its {@code model.zip}. */
  static Path train(Path base) throws IOException {
    GeneratedData.blobs(base.resolve("blobs.csv"), 3, 40, 5);
    ModelSpec spec = ModelSpec.builder("blobs").seed(42)
        .data(CsvSource.file("blobs.csv").labelColumn("label")).split(0.2, 0.2)
        .classification(0).standardize().epochs(3).batchSize(16).build();
    new ModelTrainer(base, base.resolve("target/deepbuild"), SavedBlobs.class.getClassLoader(),
        line -> {})
        .train(Definitions.of(spec, inputs -> Networks.dense(42, inputs, 8, 3, Activation.SOFTMAX,
            LossFunction.MCXENT, 1.0)));
    return base.resolve("target/deepbuild/blobs/model.zip");
  }
}
