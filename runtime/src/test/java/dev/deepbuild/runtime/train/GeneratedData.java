package dev.deepbuild.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** Learnable CSV data sets, generated from a seed. */
final class GeneratedData {
  private GeneratedData() {}

  /**
   * Gaussian blobs: {@code perClass} rows per class, 4 features with standard deviation 1 around a
   * class center 4 units from the others, and features on different scales (x1, x10, x100, +50) so
   * that standardization matters. The label, the class index, is the last column.
   */
  static void blobs(Path file, int classes, int perClass, long seed) throws IOException {
    Random random = new Random(seed);
    double[] scale = {1, 10, 100, 1};
    double[] shift = {0, 0, 0, 50};
    StringBuilder csv = new StringBuilder("f0,f1,f2,f3,label\n");
    for (int i = 0; i < perClass; i++) {
      for (int k = 0; k < classes; k++) {
        for (int f = 0; f < 4; f++) {
          double center = f == k % 4 ? 4 * (k / 4 + 1) : 0;
          csv.append(String.format(Locale.ROOT, "%.5f,", (center + random.nextGaussian()) * scale[f] + shift[f]));
        }
        csv.append(k).append('\n');
      }
    }
    Files.writeString(file, csv);
  }

  /** {@code y = 3 x0 - 2 x1 + 0.5 x2 + 10 + N(0, 0.1)} with x ~ U(-2, 2); y is the first column. */
  static void linear(Path file, int rows, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      double x0 = 4 * random.nextDouble() - 2;
      double x1 = 4 * random.nextDouble() - 2;
      double x2 = 4 * random.nextDouble() - 2;
      double y = 3 * x0 - 2 * x1 + 0.5 * x2 + 10 + 0.1 * random.nextGaussian();
      csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f%n", y, x0, x1, x2));
    }
    Files.writeString(file, csv);
  }
}
