package dev.deepbuild.runtime.datasets.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.datasets.DatasetCatalog;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The image datasets' counts, label balance and pixels on the real tarballs, fetched as a build
 * fetches them ({@link RealDatasetsTest}). Each test prints how long reading took.
 */
class RealImageDatasetsTest {
  private static Path tarball(DatasetCatalog.Entry dataset) {
    return DatasetStore.configured(null, null, line -> {}).tarball(dataset);
  }

  @Test
  void mnistHas60000TrainingDigitsThenTheOfficial10000() {
    long start = System.nanoTime();
    LabelledImages digits = MnistReader.read(tarball(DatasetCatalog.MNIST));
    report("mnist", start);
    assertEquals(70_000, digits.size());
    assertEquals(28, digits.images().height());
    assertEquals(1, digits.images().channels());
    assertEquals(MnistReader.CLASSES, digits.classNames());
    // The official counts of each digit in the training and the test files.
    int[] training = counts(Arrays.copyOfRange(digits.labels(), 0, 60_000), 10);
    int[] test = counts(Arrays.copyOfRange(digits.labels(), 60_000, 70_000), 10);
    assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
        training);
    assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, test);
    assertEquals(5, digits.labels()[0]); // the first training digit is a 5
    assertEquals(7, digits.labels()[60_000]); // the first test digit a 7
    assertTrue(maxValue(digits, 0) == 255);
  }

  @Test
  void fashionMnistHas7000ImagesOfEachOfTenClasses() {
    long start = System.nanoTime();
    LabelledImages clothes = FashionMnistReader.read(tarball(DatasetCatalog.FASHION_MNIST));
    report("fashion-mnist", start);
    // The package's 70,002 arrays hold two empty ones, in class 0.
    assertEquals(70_000, clothes.size());
    assertEquals("Ankle boot", clothes.classNames().get(9));
    int[] sevenThousand = new int[10];
    Arrays.fill(sevenThousand, 7_000);
    assertArrayEquals(sevenThousand, clothes.classCounts());
    assertTrue(maxValue(clothes, 0) > 200);
  }

  @Test
  void catsVsDogsHas1000CatsThen1000DogsOf32x32x3() {
    long start = System.nanoTime();
    LabelledImages pets = CatsVsDogsReader.read(tarball(DatasetCatalog.CATS_VS_DOGS));
    report("cats-vs-dogs", start);
    assertEquals(2_000, pets.size());
    assertArrayEquals(new int[] {1_000, 1_000}, pets.classCounts());
    assertEquals(0, pets.labels()[999]);
    assertEquals(1, pets.labels()[1_000]);
    assertEquals(3, pets.images().channels());
    assertEquals(32 * 32 * 3, pets.images().values());
    assertEquals(255, maxValue(pets, 1_500));
  }

  private static int[] counts(int[] labels, int classes) {
    int[] counts = new int[classes];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  private static int maxValue(LabelledImages images, int image) {
    int max = 0;
    for (int i = 0; i < images.images().values(); i++) {
      max = Math.max(max, images.images().value(image, i));
    }
    return max;
  }

  private static void report(String dataset, long start) {
    System.out.printf(Locale.ROOT, "%s read in %.2f s%n", dataset, (System.nanoTime() - start) / 1e9);
  }
}
