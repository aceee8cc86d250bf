package dev.deepbuild.runtime.predict;

import dev.deepbuild.annotations.Task;
import dev.deepbuild.naming.Nearest;
import dev.deepbuild.resources.ModelResources;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.Standardization;
import dev.deepbuild.runtime.inspect.ModelFile;
import dev.deepbuild.runtime.io.ModelMetadata;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * A trained model loaded for prediction, from the application's class path ({@link
 * #location(String)}, where packaging puts {@code model.zip}) or from a file: the network, its
 * standardization and its metadata, checked against what the asking code expects, and the
 * {@link InputEncoding} training used for each input. A sequential model predicts from one
 * {@link ModelInput} per row ({@link #predict}), a functional model from its named inputs, each
 * output's prediction by the output's name ({@link #predictNamed}). Load it once and share it.
 *
 * <p>Thread-safe: DL4J's {@code output} keeps each layer's input in the network, so two threads on
 * one network overwrite each other's. Every forward pass therefore holds this model's lock, rather
 * than each thread cloning the network: one copy of the weights (a convnet's are megabytes), and
 * a forward pass of a few rows takes far less than a clone would. Preparing the inputs, most of
 * the work for texts, runs outside the lock (the standardization only reads its statistics).
 * Threads that need throughput predict in batches.
 */
public final class PackagedModel {
  private final ModelMetadata metadata;
  private final TrainableNetwork net;
  private final Optional<Standardization> normalizer;
  /** One per network input, in its order: a sequential model's one, or each named input's. */
  private final List<InputEncoding> encodings;

  private PackagedModel(ModelFile file) {
    this.metadata = file.metadata();
    this.net = file.net();
    this.normalizer = file.normalizer();
    NetworkConfiguration conf = net.configuration();
    this.encodings = functional()
        ? IntStream.range(0, metadata.inputs().size()).mapToObj(i -> InputEncoding.of(
            metadata.model() + " input " + metadata.inputs().get(i).name(),
            metadata.inputs().get(i).schema(), metadata.inputs().get(i).vocabulary(),
            conf.takesTokenIndices(i))).toList()
        : List.of(InputEncoding.of(metadata.model(), metadata.input(), metadata.vocabulary(),
            conf.takesTokenIndices(0)));
  }

  /** Where packaging puts a model's file in the jar, and where {@link #load(ExpectedModel, ClassLoader)} looks. */
  public static String location(String model) {
    return ModelResources.model(model);
  }

  /**
   * The model packaged on {@code loader}'s class path at {@link #location(String)}.
   *
   * @throws ModelMismatchException when it is missing, unreadable, or another model than {@code
   *     expected}
   */
  public static PackagedModel load(ExpectedModel expected, ClassLoader loader) {
    String location = location(expected.name());
    URL resource = loader.getResource(location);
    String fix = "Build the jar again with mvn package, which trains the model (dl:train) and"
        + " packages target/deepbuild/" + expected.name() + "/model.zip at that location.";
    if (resource == null) {
      throw new ModelMismatchException(expected.name() + ": there is no " + location
          + " on the class path, so the application cannot predict with the model. " + fix
          + " Before packaging, load the trained file itself with load(Path).");
    }
    // DL4J reads a model from a file; a jar's entry is copied to one, read and deleted.
    Path copy = null;
    try {
      copy = Files.createTempFile("deepbuild-" + expected.name() + "-", ".zip");
      try (InputStream in = resource.openStream()) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      return load(expected, copy, "the class-path resource " + location + " (" + resource + ")",
          fix);
    } catch (IOException e) {
      throw new ModelMismatchException(expected.name() + ": cannot read the class-path resource "
          + location + " (" + resource + "): " + e.getMessage() + ". " + fix, e);
    } finally {
      deleteQuietly(copy);
    }
  }

  /**
   * The model saved in {@code file}, such as {@code target/deepbuild/<model>/model.zip} before it
   * is packaged.
   *
   * @throws ModelMismatchException when it is missing, unreadable, or another model than {@code
   *     expected}
   */
  public static PackagedModel load(ExpectedModel expected, Path file) {
    String fix = "Train it again with mvn dl:train, which saves " + file + " from the model's"
        + " current class.";
    if (!Files.isRegularFile(file)) {
      throw new ModelMismatchException(expected.name() + ": there is no trained model at " + file
          + ". Run mvn dl:train first.");
    }
    return load(expected, file, file.toString(), fix);
  }

  private static PackagedModel load(ExpectedModel expected, Path file, String where, String fix) {
    ModelFile saved;
    try {
      saved = ModelFile.load(file);
    } catch (IOException e) {
      throw new ModelMismatchException(expected.name() + ": " + where + " cannot be read: "
          + e.getMessage() + " " + fix, e);
    }
    expected.check(saved.metadata(), where + ", saved by DeepBuild "
        + saved.metadata().deepbuildVersion() + ",", fix);
    return new PackagedModel(saved);
  }

  public ModelMetadata metadata() {
    return metadata;
  }

  /** The class of each input, in order. */
  public List<ClassPrediction> classify(List<ModelInput> inputs) {
    requireTask(Task.CLASSIFICATION);
    List<ClassPrediction> predictions = new ArrayList<>(inputs.size());
    for (double[] row : outputs(inputs)) {
      predictions.add(ClassPrediction.of(row, metadata.classNames()));
    }
    return predictions;
  }

  public ClassPrediction classify(ModelInput input) {
    return classify(List.of(input)).get(0);
  }

  /** The value of each input, in order. */
  public List<ValuePrediction> regress(List<ModelInput> inputs) {
    requireTask(Task.REGRESSION);
    List<ValuePrediction> predictions = new ArrayList<>(inputs.size());
    for (double[] row : outputs(inputs)) {
      predictions.add(new ValuePrediction(row[0]));
    }
    return predictions;
  }

  public ValuePrediction regress(ModelInput input) {
    return regress(List.of(input)).get(0);
  }

  /** Each input's prediction, of the model's task. */
  public List<Prediction> predict(List<ModelInput> inputs) {
    List<Prediction> predictions = new ArrayList<>(inputs.size());
    for (double[] row : outputs(inputs)) {
      predictions.add(prediction(metadata.task(), row, metadata.classNames()));
    }
    return predictions;
  }

  /**
   * A functional model's predictions for each row of its named inputs, in order, predicted in
   * one forward pass: per row, each output's prediction by the output's name.
   *
   * @param rows each row's inputs by the input's name, every input of the model once
   * @throws InvalidInputException for a row that lacks an input or names one the model lacks
   */
  public List<OutputPredictions> predictNamed(List<Map<String, ModelInput>> rows) {
    List<double[][]> outputs = outputsNamed(rows);
    List<OutputPredictions> predictions = new ArrayList<>(rows.size());
    for (int row = 0; row < rows.size(); row++) {
      Map<String, Prediction> byOutput = new LinkedHashMap<>();
      for (int k = 0; k < metadata.outputs().size(); k++) {
        ModelMetadata.NamedOutput output = metadata.outputs().get(k);
        byOutput.put(output.name(),
            prediction(output.task(), outputs.get(k)[row], output.classNames()));
      }
      predictions.add(new OutputPredictions(byOutput));
    }
    return predictions;
  }

  /**
   * A functional model's network outputs for {@code rows}, one matrix per output in the network's
   * order, one row each, as the inputs were prepared: what {@link #predictNamed} reads.
   */
  public List<double[][]> outputsNamed(List<Map<String, ModelInput>> rows) {
    if (!functional()) {
      throw new InvalidInputException(metadata.model() + ": the model is sequential, of one"
          + " unnamed input: predict with predict(List<ModelInput>).");
    }
    List<String> names = metadata.inputs().stream().map(ModelMetadata.NamedInput::name).toList();
    List<List<ModelInput>> columns = new ArrayList<>();
    names.forEach(name -> columns.add(new ArrayList<>(rows.size())));
    for (Map<String, ModelInput> row : rows) {
      for (String name : row.keySet()) {
        if (!names.contains(name)) {
          throw new InvalidInputException(metadata.model() + ": \"" + name + "\" is none of the"
              + " model's inputs " + names + "." + Nearest.didYouMean(name, names));
        }
      }
      for (int i = 0; i < names.size(); i++) {
        ModelInput input = row.get(names.get(i));
        if (input == null) {
          throw new InvalidInputException(metadata.model() + ": a row has no input \""
              + names.get(i) + "\"; the model takes the inputs " + names + ", each once.");
        }
        columns.get(i).add(input);
      }
    }
    List<double[][]> outputs = new ArrayList<>();
    if (rows.isEmpty()) {
      metadata.outputs().forEach(output -> outputs.add(new double[0][]));
      return outputs;
    }
    for (INDArray output : forward(columns)) {
      outputs.add(output.toDoubleMatrix());
    }
    return outputs;
  }

  /**
   * The network's outputs for {@code inputs}, one row each, as the inputs were prepared: what the
   * typed predictions are read from.
   */
  public double[][] outputs(List<ModelInput> inputs) {
    if (functional()) {
      throw new InvalidInputException(metadata.model() + ": the model is functional, of the"
          + " named inputs " + metadata.inputs().stream().map(ModelMetadata.NamedInput::name)
              .toList() + ": predict with predictNamed, or with its generated predictor.");
    }
    if (inputs.isEmpty()) {
      return new double[0][];
    }
    return forward(List.of(inputs))[0].toDoubleMatrix();
  }

  /**
   * One forward pass: each network input's rows encoded, all of them standardized together as
   * training standardized them (each input with its own statistics), then the network under the
   * lock.
   *
   * @param inputs per network input, in its order, that input's rows
   */
  private INDArray[] forward(List<List<ModelInput>> inputs) {
    INDArray[] features = new INDArray[encodings.size()];
    for (int i = 0; i < features.length; i++) {
      features[i] = encodings.get(i).encode(inputs.get(i), net.dataType());
    }
    normalizer.ifPresent(standardization ->
        standardization.transform(new MultiDataSet(features, new INDArray[0])));
    synchronized (this) {
      return net.output(features);
    }
  }

  private boolean functional() {
    return !metadata.inputs().isEmpty();
  }

  /** An output's row read as its task says: the class of a classifier, a regressor's value. */
  private static Prediction prediction(Task task, double[] row, List<String> classNames) {
    return task == Task.CLASSIFICATION ? ClassPrediction.of(row, classNames)
        : new ValuePrediction(row[0]);
  }

  private void requireTask(Task task) {
    if (metadata.task() != task) {
      throw new InvalidInputException(metadata.model() + ": the model is trained for "
          + metadata.task() + ", so it " + (task == Task.CLASSIFICATION ? "predicts values, not"
              + " classes: use regress" : "predicts classes, not values: use classify") + ".");
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the model's temporary copy " + file, e);
    }
  }
}
