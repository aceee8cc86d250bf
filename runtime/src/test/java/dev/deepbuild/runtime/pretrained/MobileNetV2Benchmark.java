package dev.deepbuild.runtime.pretrained;

import dev.deepbuild.annotations.PretrainedModel;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prints the time to import MobileNetV2 and to run it forward, per image, at 224x224 and 96x96
 * (wall time, and the calling thread's CPU time).
 * Not a test (Surefire's default includes skip it): {@code bench/mobilenet-v2.sh} runs it.
 */
class MobileNetV2Benchmark {
  // With OMP_NUM_THREADS=1 the ops run on the calling thread: its CPU time is the work done,
  // whatever else the machine runs, where the wall time is not.
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Test
  void importAndForwardTimes() {
    DatasetStore store = DatasetStore.configured(null, null, System.out::println);
    store.tarball(PretrainedCatalog.MOBILENET_V2.entry());
    for (int size : new int[] {224, 96}) {
      for (boolean top : size == 224 ? new boolean[] {true, false} : new boolean[] {false}) {
        long start = System.nanoTime();
        ComputationGraph graph = CatalogBases.load(PretrainedModel.MOBILENET_V2, size, size, top, store);
        double importSeconds = (System.nanoTime() - start) / 1e9;
        for (int batch : new int[] {1, 16}) {
          INDArray input = Nd4j.rand(new long[] {batch, 3, size, size});
          for (int i = 0; i < 3; i++) {
            graph.outputSingle(input);
          }
          int runs = batch == 1 ? 10 : 3;
          long forward = System.nanoTime();
          long cpu = THREADS.getCurrentThreadCpuTime();
          for (int i = 0; i < runs; i++) {
            graph.outputSingle(input);
          }
          double perImage = (System.nanoTime() - forward) / 1e6 / runs / batch;
          double cpuPerImage = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / runs / batch;
          System.out.printf("MobileNetV2 %dx%d %s: import %.2f s, forward batch %d: %.1f ms per image"
              + " (%.1f ms of this thread's CPU)%n", size, size, top ? "with top" : "without top",
              importSeconds, batch, perImage, cpuPerImage);
        }
      }
    }
  }
}
