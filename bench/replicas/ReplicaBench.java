import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelIndex;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.runtime.session.TrainingSession;
import dev.deepbuild.runtime.train.ComputeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seconds per epoch and the test metric of the sample project's models, trained by DeepBuild's own
 * session in this JVM (OMP_NUM_THREADS and -Ddeepbuild.workers as the caller set them), on the
 * built-in datasets from DeepBuild's cache. An epoch's time is the interval between its progress
 * line and the one before it: the fit, the training split's evaluation and, with a validation
 * split, the validation's; the first epoch of a run is left out (it pays for warm-up).
 * Usage: java -cp ... ReplicaBench.java <sample classes> <out dir> <model=epochs,...>
 */
public class ReplicaBench {
  public static void main(String[] args) throws Exception {
    Path classes = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    Map<String, ModelDefinition> index = ModelIndex.load(ReplicaBench.class.getClassLoader(), classes);
    String omp = System.getenv("OMP_NUM_THREADS");
    int workers = ComputeSettings.current().workers();
    for (String entry : args[2].split(",")) {
      String name = entry.split("=")[0];
      int epochs = Integer.parseInt(entry.split("=")[1]);
      ModelDefinition model = shortened(index.get(name), epochs);
      List<Long> stamps = new ArrayList<>();
      SessionResult result = new TrainingSession(out, out, ReplicaBench.class.getClassLoader(),
          line -> {
            if (line.startsWith(name + ": epoch ")) {
              stamps.add(System.nanoTime());
            }
          }).train(List.of(model), true);
      ModelOutcome outcome = result.models().get(0);
      if (outcome.error() != null) {
        System.out.println(name + " failed: " + outcome.error());
        continue;
      }
      List<Double> seconds = new ArrayList<>();
      for (int i = 2; i < stamps.size(); i++) {
        seconds.add((stamps.get(i) - stamps.get(i - 1)) / 1e9);
      }
      Collections.sort(seconds);
      double median = seconds.isEmpty() ? Double.NaN : seconds.get(seconds.size() / 2);
      Map<Metric, Double> test = outcome.report().metrics().get(DataSplit.TEST);
      Metric shown = test.containsKey(Metric.ACCURACY) ? Metric.ACCURACY : Metric.MAE;
      System.out.printf(Locale.ROOT, "RESULT model=%s omp=%s workers=%d epochs=%d s/epoch=%.3f"
          + " test_%s=%.4f total=%.1fs%n", name, omp, workers, epochs, median, shown.key(),
          test.get(shown), outcome.report().trainingSeconds());
    }
    System.exit(0);
  }

  /** The model with fewer epochs, for a short run. */
  private static ModelDefinition shortened(ModelDefinition model, int epochs) {
    ModelSpec spec = model.spec().withEpochs(epochs);
    return new ModelDefinition() {
      @Override
      public ModelSpec spec() {
        return spec;
      }

      @Override
      public NetworkConfiguration network(int inputs) {
        return model.network(inputs);
      }
    };
  }
}
