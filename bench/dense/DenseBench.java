import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.data.PreparedData;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.TrainableNetwork;
import dev.deepbuild.runtime.train.ModelInputs;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.train.ModelTrainer;
import dev.deepbuild.build.TrainingLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Seconds per epoch of the sample project's dense models, on their real data, four ways,
 * interleaved repetition by repetition in this one JVM: DeepBuild's whole training path (the
 * {@link ModelTrainer} the fork runs, an epoch timed between its epoch lines, so evaluation and the
 * last checkpoint count), DeepBuild's fit step alone (the network DeepBuild builds, fed by the
 * runtime's own minibatches), the same network written by hand in DL4J as a user would train it
 * (the whole training split shuffled in place each epoch, a {@link DataSet} per minibatch,
 * {@code fit}), and the same network in PyTorch ({@code dense_torch.py}, a process of its own) on
 * the same arrays. Every way sees the training and test split the runtime prepared
 * ({@link ModelInputs}, {@link PreparedData}); each prints its test metric, so that speed is
 * compared at equal quality.
 *
 * <p>Every model trains the same number of epochs every way: k-fold and early stopping are
 * dropped from the model's spec. Each epoch is timed twice: wall-clock, and the CPU time of the
 * thread that trains (one OpenMP thread computes on the calling thread), which a machine shared
 * with other jobs inflates far less.
 *
 * <p>Usage: DenseBench REPETITIONS EPOCHS MODELS WORK_DIR [PYTHON]
 */
public class DenseBench {
  // Keras's RMSprop defaults, which DeepBuild's generated networks use.
  private static final double LEARNING_RATE = 1e-3;
  private static final double RHO = 0.9;
  private static final double EPSILON = 1e-7;

  /**
   * A model of the bench: its generated definition, and what its network is, written by hand.
   *
   * @param dropout the fraction of a hidden layer's outputs dropped (Keras's sense), 0 for none
   * @param l2 Keras's l2 coefficient of each hidden layer's kernel, 0 for none
   * @param epochFactor epochs trained per requested epoch: Boston's epochs last milliseconds
   */
  record Model(String name, String definition, int[] hidden, double dropout, double l2,
      int epochFactor) {}

  private static final List<Model> MODELS = List.of(
      new Model("imdb", "dev.deepbuild.samples.imdb.DeepBuild_ImdbClassifier",
          new int[] {16, 16}, 0, 0, 1),
      new Model("reuters", "dev.deepbuild.samples.reuters.DeepBuild_ReutersClassifier",
          new int[] {64, 64}, 0, 0, 1),
      new Model("boston", "dev.deepbuild.samples.boston.DeepBuild_BostonHousing",
          new int[] {64, 64}, 0, 0, 10),
      new Model("imdb-original", "dev.deepbuild.samples.overfitting.DeepBuild_ImdbOriginal",
          new int[] {16, 16}, 0, 0, 1),
      new Model("imdb-bigger", "dev.deepbuild.samples.overfitting.DeepBuild_ImdbBigger",
          new int[] {64, 64}, 0, 0, 1),
      new Model("imdb-l2", "dev.deepbuild.samples.overfitting.DeepBuild_ImdbL2",
          new int[] {16, 16}, 0, 0.002, 1),
      new Model("imdb-dropout", "dev.deepbuild.samples.overfitting.DeepBuild_ImdbDropout",
          new int[] {16, 16}, 0.5, 0, 1));

  /** The ways a model is trained, the columns of the table. */
  private static final List<String> WAYS = List.of("deepbuild", "fit-step", "dl4j", "pytorch");

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** One epoch's wall-clock and training-thread CPU seconds. */
  record Epoch(double wall, double cpu) {}

  /** A point in time on both clocks. */
  record Mark(long wall, long cpu) {
    static Mark now() {
      return new Mark(System.nanoTime(), THREADS.getCurrentThreadCpuTime());
    }

    Epoch since(Mark start) {
      return new Epoch((wall - start.wall) / 1e9, (cpu - start.cpu) / 1e9);
    }
  }

  /** A way's epochs, in order, and its test metric. */
  record Timed(List<Epoch> epochs, double metric) {}

  /** One way's epochs after each run's first, and test metrics, over the repetitions. */
  static final class Runs {
    final List<Epoch> afterFirst = new ArrayList<>();
    final List<Double> metrics = new ArrayList<>();
  }

  public static void main(String[] args) throws Exception {
    int repetitions = Integer.parseInt(args[0]);
    int epochs = Integer.parseInt(args[1]);
    List<Model> models = select(args[2]);
    Path work = Path.of(args[3]);
    Optional<String> python = args.length > 4 && !args[4].isEmpty()
        ? Optional.of(args[4]) : Optional.empty();
    System.out.printf(Locale.ROOT, "%d repetitions; OMP_NUM_THREADS=%s ND4J_SKIP_BLAS_THREADS=%s"
        + " OPENBLAS_NUM_THREADS=%s; %d cores; load %s%n", repetitions,
        System.getenv("OMP_NUM_THREADS"), System.getenv("ND4J_SKIP_BLAS_THREADS"),
        System.getenv("OPENBLAS_NUM_THREADS"), Runtime.getRuntime().availableProcessors(),
        load());
    Map<Model, Map<String, Runs>> results = new LinkedHashMap<>();
    Map<Model, Integer> trainRows = new LinkedHashMap<>();
    for (Model model : models) {
      Map<String, Runs> runs = new LinkedHashMap<>();
      WAYS.forEach(way -> runs.put(way, new Runs()));
      results.put(model, runs);
      trainRows.put(model, bench(model, epochs * model.epochFactor(), repetitions, work, python, runs));
      // The model's rows at once, in case a later model does not finish.
      System.out.print("wall " + row(model, runs, trainRows.get(model), python.isPresent(), Epoch::wall));
      System.out.print("cpu  " + row(model, runs, trainRows.get(model), python.isPresent(), Epoch::cpu));
    }
    System.out.printf(Locale.ROOT, "%nload at the end %s. Median s/epoch after each run's first,"
        + " samples/s, test metric (accuracy; MAE for boston).%n%nWall-clock:%n", load());
    System.out.println(table(results, trainRows, python.isPresent(), Epoch::wall));
    System.out.println("CPU time of the training thread:");
    System.out.println(table(results, trainRows, python.isPresent(), Epoch::cpu));
  }

  /** Trains one model every way, {@code repetitions} times; the training split's row count. */
  private static int bench(Model bench, int epochs, int repetitions, Path work,
      Optional<String> python, Map<String, Runs> runs) throws Exception {
    ModelDefinition model = sameEpochs(
        (ModelDefinition) Class.forName(bench.definition()).getDeclaredConstructor().newInstance(),
        epochs);
    ModelSpec spec = model.spec();
    Path baseDir = Path.of("sample-project").toAbsolutePath();
    TrainingLog log = line -> System.out.println("  " + line);
    ClassLoader loader = DenseBench.class.getClassLoader();

    // The data as the training path prepares it: the fit step and both hand-written loops use it.
    long start = System.nanoTime();
    ModelInputs inputs = ModelInputs.prepare(model, new ExamplesReader(baseDir, loader, log));
    NetworkConfiguration conf = inputs.conf();
    PreparedData data = PreparedData.of(inputs.data(), inputs.split(), conf.dataType(),
        spec.standardize());
    // DeepBuild's fit step takes the inputs as its network does (a multi-hot text as word indices
    // where a MultiHotDense takes it); the hand-written loops take the dense rows a DL4J or
    // PyTorch user would build.
    ModelInputs denseInputs = new ModelInputs(spec, conf, inputs.examples(), inputs.outputLabels(),
        inputs.split(), inputs.examples().inputFeatures(inputs.split().train()));
    PreparedData dense = PreparedData.of(denseInputs.data(), denseInputs.split(), conf.dataType(),
        spec.standardize());
    MultiDataSet train = whole(dense.train());
    MultiDataSet test = whole(dense.test().orElseThrow());
    INDArray xTrain = train.getFeatures(0);
    INDArray yTrain = train.getLabels(0);
    int trainRows = Math.toIntExact(xTrain.size(0));
    System.out.printf(Locale.ROOT, "== %s: %d training rows of %d features, %d test rows, batch %d,"
        + " %d epochs (data ready in %.1f s)%n", spec.name(), trainRows, xTrain.size(1),
        test.getFeatures(0).size(0), spec.batchSize(), epochs, (System.nanoTime() - start) / 1e9);

    MultiLayerConfiguration handConf = handWritten(bench, spec, xTrain.size(1), yTrain.size(1));
    long deepBuildParams = conf.create(spec.seed()).parameterCount();
    long handParams = params(handConf);
    if (deepBuildParams != handParams) {
      throw new IllegalStateException(spec.name() + ": the hand-written network has " + handParams
          + " parameters, DeepBuild's " + deepBuildParams + "; correct DenseBench's MODELS entry");
    }
    Optional<Path> exported = python.isPresent()
        ? Optional.of(export(work.resolve(spec.name()), bench, spec, train, test)) : Optional.empty();

    for (int rep = 1; rep <= repetitions; rep++) {
      record(runs.get("deepbuild"), rep, "deepbuild", deepBuild(model, work, loader));
      System.gc();
      record(runs.get("fit-step"), rep, "fit-step",
          fitStep(conf, spec, data, whole(data.test().orElseThrow())));
      System.gc();
      record(runs.get("dl4j"), rep, "dl4j", handLoop(handConf, spec, epochs, train, test));
      System.gc();
      if (exported.isPresent()) {
        record(runs.get("pytorch"), rep, "pytorch", pytorch(python.get(), exported.get(), epochs));
      }
    }
    return trainRows;
  }

  private static void record(Runs runs, int rep, String way, Timed timed) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "rep %d %-9s", rep, way));
    for (Epoch e : timed.epochs()) {
      line.append(String.format(Locale.ROOT, " %.3f (cpu %.3f)", e.wall(), e.cpu()));
    }
    System.out.println(line.append(String.format(Locale.ROOT, " s/epoch; test %.4f; load %s",
        timed.metric(), load())));
    runs.afterFirst.addAll(timed.epochs().subList(1, timed.epochs().size()));
    runs.metrics.add(timed.metric());
  }

  /**
   * The fork's path: {@link ModelTrainer#train} writes into a folder of its own. An epoch lasts from
   * one epoch's last line (its metrics, after the lines of its progress) to the next's (the first
   * from the line saying the data is ready), so each holds its fit, its evaluation and the previous
   * epoch's checkpoint.
   */
  private static Timed deepBuild(ModelDefinition model, Path work, ClassLoader loader) {
    String name = model.spec().name();
    Pattern epochLine = Pattern.compile(Pattern.quote(name) + ": epoch (\\d+)/\\d+( |$)");
    Map<Integer, Mark> marks = new TreeMap<>();
    // The trainer logs from the thread that trains.
    TrainingLog log = line -> {
      Mark now = Mark.now();
      Matcher epoch = epochLine.matcher(line);
      if (line.contains("(data ready in")) {
        marks.put(0, now);
      } else if (epoch.lookingAt()) {
        marks.put(Integer.parseInt(epoch.group(1)), now);
      }
    };
    Path root = work.resolve("deepbuild-output");
    ModelReport report = new ModelTrainer(Path.of("sample-project").toAbsolutePath(), root,
        loader, log).train(model);
    int epochs = model.spec().epochs();
    if (!marks.keySet().equals(IntStream.rangeClosed(0, epochs).boxed().collect(Collectors.toSet()))) {
      throw new IllegalStateException(name + ": the training log had lines for epochs "
          + marks.keySet() + " (0: data ready), not 0 to " + epochs
          + "; has the training log's line format changed?");
    }
    List<Epoch> seconds = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      seconds.add(marks.get(e).since(marks.get(e - 1)));
    }
    Metric shown = Metric.shown(model.spec().task());
    return new Timed(seconds, report.metrics().get(DataSplit.TEST).get(shown));
  }

  /** DeepBuild's network and minibatches, fitted epoch by epoch with nothing else. */
  private static Timed fitStep(NetworkConfiguration conf, ModelSpec spec, PreparedData data,
      MultiDataSet test) {
    TrainableNetwork net = conf.create(spec.seed());
    Batches.Epochs batches = data.train().shuffled(spec.batchSize(), spec.seed());
    List<Epoch> seconds = new ArrayList<>();
    for (int e = 1; e <= spec.epochs(); e++) {
      Mark start = Mark.now();
      batches.nextEpoch(net::fit, trained -> { });
      net.endEpoch();
      seconds.add(Mark.now().since(start));
    }
    INDArray predicted = net.output(new INDArray[] {test.getFeatures(0)})[0];
    return new Timed(seconds, metric(spec.task(), predicted, test.getLabels(0)));
  }

  /** What a DL4J user writes: the whole split shuffled each epoch, a DataSet per minibatch. */
  private static Timed handLoop(MultiLayerConfiguration conf, ModelSpec spec, int epochs,
      MultiDataSet train, MultiDataSet test) {
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    // Its own copy: shuffling in place must not reorder the rows the other ways read.
    DataSet all = new DataSet(train.getFeatures(0).dup(), train.getLabels(0).dup());
    int batch = spec.batchSize();
    long rows = all.numExamples();
    List<Epoch> seconds = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      Mark start = Mark.now();
      all.shuffle(spec.seed() + e);
      for (long from = 0; from < rows; from += batch) {
        long to = Math.min(rows, from + batch);
        net.fit(new DataSet(all.getFeatures().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()),
            all.getLabels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all())));
      }
      net.incrementEpochCount();
      seconds.add(Mark.now().since(start));
    }
    INDArray predicted = net.output(test.getFeatures(0), false);
    return new Timed(seconds, metric(spec.task(), predicted, test.getLabels(0)));
  }

  /** Runs dense_torch.py on the exported arrays and reads its epoch and test lines. */
  private static Timed pytorch(String python, Path folder, int epochs)
      throws IOException, InterruptedException {
    Path script = Path.of("bench", "dense", "dense_torch.py");
    ProcessBuilder builder = new ProcessBuilder(python, script.toString(), folder.toString(),
        Integer.toString(epochs), "1").redirectErrorStream(true);
    String blas = System.getenv("TORCH_BLAS_DIR");
    if (blas != null && !blas.isEmpty()) {
      String path = System.getenv("LD_LIBRARY_PATH");
      builder.environment().put("LD_LIBRARY_PATH", blas + (path == null ? "" : ":" + path));
    }
    Process process = builder.start();
    Pattern epochLine = Pattern.compile("pytorch epoch \\d+: ([0-9.]+) s, cpu ([0-9.]+) s");
    Pattern testLine = Pattern.compile("pytorch test ([0-9.]+)");
    List<Epoch> seconds = new ArrayList<>();
    double metric = Double.NaN;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        Matcher epoch = epochLine.matcher(line);
        Matcher test = testLine.matcher(line);
        if (epoch.find()) {
          seconds.add(new Epoch(Double.parseDouble(epoch.group(1)),
              Double.parseDouble(epoch.group(2))));
        } else if (test.find()) {
          metric = Double.parseDouble(test.group(1));
        } else {
          System.out.println("  " + line);
        }
      }
    }
    if (process.waitFor() != 0 || seconds.size() != epochs) {
      throw new IllegalStateException(script + " failed (exit " + process.exitValue() + ")");
    }
    return new Timed(seconds, metric);
  }

  /** Accuracy, or the mean absolute error of a regression. */
  private static double metric(Task task, INDArray predicted, INDArray labels) {
    if (task == Task.REGRESSION) {
      return predicted.sub(labels).norm1Number().doubleValue() / labels.length();
    }
    INDArray right = labels.size(1) == 1
        ? predicted.gt(0.5).eq(labels.gt(0.5))
        : predicted.argMax(1).eq(labels.argMax(1));
    return right.castTo(DataType.DOUBLE).meanNumber().doubleValue();
  }

  /**
   * The sample's network written by hand, as a DL4J user would, from the bench's entry: the sample
   * class's layers, Keras's initialization and RMSprop, DL4J's loss for the task.
   */
  private static MultiLayerConfiguration handWritten(Model bench, ModelSpec spec, long features,
      long outputs) {
    NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
        .seed(spec.seed())
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new RmsProp(LEARNING_RATE, RHO, EPSILON))
        .list()
        .setInputType(InputType.feedForward(features));
    for (int units : bench.hidden()) {
      // DL4J's L2 adds half the squared sum, Keras's the whole.
      layers.layer(new DenseLayer.Builder().nOut(units).activation(Activation.RELU)
          .l2(2 * bench.l2()).build());
      if (bench.dropout() > 0) {
        // DL4J's dropout takes the fraction kept.
        layers.layer(new DropoutLayer.Builder(1 - bench.dropout()).build());
      }
    }
    OutputLayer.Builder output = spec.task() == Task.REGRESSION
        ? new OutputLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY)
        : outputs == 1
            ? new OutputLayer.Builder(LossFunction.XENT).activation(Activation.SIGMOID)
            : new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX);
    return layers.layer(output.nOut(outputs).build()).build();
  }

  private static long params(MultiLayerConfiguration conf) {
    MultiLayerNetwork net = new MultiLayerNetwork(conf.clone());
    net.init();
    return net.numParams();
  }

  /**
   * The model with {@code epochs} epochs and without k-fold or early stopping, so that every way
   * trains one network for the same epochs.
   */
  private static ModelDefinition sameEpochs(ModelDefinition declared, int epochs)
      throws ReflectiveOperationException {
    ModelSpec spec = without(declared.spec().withEpochs(epochs), Set.of("kFold", "earlyStopping"));
    return new ModelDefinition() {
      @Override
      public ModelSpec spec() {
        return spec;
      }

      @Override
      public NetworkConfiguration network(int inputs) {
        return declared.network(inputs);
      }

      @Override
      public Optional<String> baseModel() {
        return declared.baseModel();
      }
    };
  }

  /** {@code spec} with the named components null, whatever else the record holds. */
  private static ModelSpec without(ModelSpec spec, Set<String> components)
      throws ReflectiveOperationException {
    RecordComponent[] parts = ModelSpec.class.getRecordComponents();
    Object[] values = new Object[parts.length];
    Class<?>[] types = new Class<?>[parts.length];
    for (int i = 0; i < parts.length; i++) {
      types[i] = parts[i].getType();
      values[i] = components.contains(parts[i].getName()) ? null : parts[i].getAccessor().invoke(spec);
    }
    return ModelSpec.class.getDeclaredConstructor(types).newInstance(values);
  }

  /** A split's rows in order, as one array per input and output. */
  private static MultiDataSet whole(Batches split) {
    List<MultiDataSet> chunks = new ArrayList<>();
    split.inOrder(Integer.MAX_VALUE, chunks::add);
    if (chunks.size() == 1) {
      return chunks.get(0);
    }
    INDArray[] x = chunks.stream().map(c -> c.getFeatures(0)).toArray(INDArray[]::new);
    INDArray[] y = chunks.stream().map(c -> c.getLabels(0)).toArray(INDArray[]::new);
    return new org.nd4j.linalg.dataset.MultiDataSet(Nd4j.concat(0, x), Nd4j.concat(0, y));
  }

  /** Writes the splits as .npy files and the network as model.json for dense_torch.py. */
  private static Path export(Path folder, Model bench, ModelSpec spec, MultiDataSet train,
      MultiDataSet test) throws IOException {
    Files.createDirectories(folder);
    Npy.write(folder.resolve("x_train.npy"), train.getFeatures(0));
    Npy.write(folder.resolve("y_train.npy"), train.getLabels(0));
    Npy.write(folder.resolve("x_test.npy"), test.getFeatures(0));
    Npy.write(folder.resolve("y_test.npy"), test.getLabels(0));
    String task = spec.task() == Task.REGRESSION ? "regression"
        : train.getLabels(0).size(1) == 1 ? "binary" : "multiclass";
    StringBuilder hidden = new StringBuilder();
    for (int units : bench.hidden()) {
      hidden.append(hidden.length() == 0 ? "" : ", ").append(units);
    }
    Files.writeString(folder.resolve("model.json"), String.format(Locale.ROOT,
        "{\"name\": \"%s\", \"task\": \"%s\", \"hidden\": [%s], \"dropout\": %s, \"l2\": %s,"
            + " \"batch\": %d, \"seed\": %d, \"lr\": %s, \"rho\": %s, \"eps\": %s}%n",
        spec.name(), task, hidden, bench.dropout(), bench.l2(), spec.batchSize(), spec.seed(),
        LEARNING_RATE, RHO, EPSILON));
    return folder;
  }

  /** NumPy's .npy format, version 1.0, of a matrix: bytes when every value is 0 or 1, else floats. */
  static final class Npy {
    private static final int CHUNK = 1 << 22;

    static void write(Path file, INDArray matrix) throws IOException {
      long rows = matrix.size(0);
      long cols = matrix.size(1);
      long chunkRows = Math.max(1, CHUNK / cols);
      boolean binary = true;
      for (long from = 0; from < rows && binary; from += chunkRows) {
        for (float v : chunk(matrix, from, Math.min(rows, from + chunkRows))) {
          if (v != 0 && v != 1) {
            binary = false;
            break;
          }
        }
      }
      String header = String.format(Locale.ROOT,
          "{'descr': '%s', 'fortran_order': False, 'shape': (%d, %d), }", binary ? "|u1" : "<f4",
          rows, cols);
      int padded = (10 + header.length() + 1 + 63) / 64 * 64 - 10;
      header = header + " ".repeat(padded - header.length() - 1) + "\n";
      try (OutputStream out = Files.newOutputStream(file)) {
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
            (byte) padded, (byte) (padded >> 8)});
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        for (long from = 0; from < rows; from += chunkRows) {
          float[] values = chunk(matrix, from, Math.min(rows, from + chunkRows));
          ByteBuffer bytes = ByteBuffer.allocate(values.length * (binary ? 1 : 4))
              .order(ByteOrder.LITTLE_ENDIAN);
          for (float v : values) {
            if (binary) {
              bytes.put((byte) v);
            } else {
              bytes.putFloat(v);
            }
          }
          out.write(bytes.array());
        }
      }
    }

    private static float[] chunk(INDArray matrix, long from, long to) {
      return matrix.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())
          .castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
  }

  private static String table(Map<Model, Map<String, Runs>> results, Map<Model, Integer> rows,
      boolean torch, ToDoubleFunction<Epoch> clock) {
    StringBuilder table = new StringBuilder("| model | training rows | DeepBuild epoch |"
        + " DeepBuild fit step | DL4J by hand | PyTorch | DeepBuild / DL4J | DeepBuild / PyTorch |\n"
        + "|---|---|---|---|---|---|---|---|\n");
    results.forEach((model, runs) -> table.append(row(model, runs, rows.get(model), torch, clock)));
    return table.toString();
  }

  /** A model's row of the table by {@code clock}. */
  private static String row(Model model, Map<String, Runs> runs, int rows, boolean torch,
      ToDoubleFunction<Epoch> clock) {
    double deepBuild = median(runs.get("deepbuild").afterFirst, clock);
    double fit = median(runs.get("fit-step").afterFirst, clock);
    double dl4j = median(runs.get("dl4j").afterFirst, clock);
    double pytorch = torch ? median(runs.get("pytorch").afterFirst, clock) : Double.NaN;
    return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s |%n",
        model.name(), rows, cell(deepBuild, rows, runs.get("deepbuild")),
        cell(fit, rows, runs.get("fit-step")), cell(dl4j, rows, runs.get("dl4j")),
        torch ? cell(pytorch, rows, runs.get("pytorch")) : "-",
        ratio(deepBuild, fit, dl4j), torch ? ratio(deepBuild, fit, pytorch) : "-");
  }

  /** {@code 1.23 s, 20.3k/s (0.8812)}: seconds per epoch, samples per second, test metric(s). */
  private static String cell(double seconds, int rows, Runs runs) {
    double min = runs.metrics.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double max = runs.metrics.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    String metric = String.format(Locale.ROOT, min == max ? "%.4f" : "%.4f-%.4f", min, max);
    return String.format(Locale.ROOT, "%s s, %.1fk/s (%s)", seconds(seconds), rows / seconds / 1e3,
        metric);
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, s < 0.1 ? "%.4f" : "%.3f", s);
  }

  /** {@code 1.6x (fit 1.0x)}: DeepBuild's epoch, and its fit step, against another way. */
  private static String ratio(double deepBuild, double fit, double other) {
    return String.format(Locale.ROOT, "%.1fx (fit %.1fx)", deepBuild / other, fit / other);
  }

  private static double median(List<Epoch> epochs, ToDoubleFunction<Epoch> clock) {
    List<Double> sorted = epochs.stream().map(clock::applyAsDouble).sorted().toList();
    int n = sorted.size();
    return n == 0 ? Double.NaN : (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2;
  }

  private static List<Model> select(String names) {
    List<Model> selected = new ArrayList<>();
    for (String name : names.split(",")) {
      selected.add(MODELS.stream().filter(m -> m.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no bench model " + name + "; choose from "
              + MODELS.stream().map(Model::name).toList())));
    }
    return selected;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
