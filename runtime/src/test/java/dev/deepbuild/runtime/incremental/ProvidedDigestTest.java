package dev.deepbuild.runtime.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.data.MultiDataProvider;
import dev.deepbuild.runtime.data.ProvidedSource;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A provider's data has no file to hash: its digest is of its class name and the arrays it
 * returns, so changed code that returns other samples makes the model out of date.
 */
class ProvidedDigestTest {
  @TempDir Path project;

  @Test
  void theSameArraysGiveTheSameDigestAndAnyChangedValueOrShapeAnother() throws IOException {
    String digest = digest(Samples.class);

    assertTrue(digest.startsWith("sha256:"), digest);
    assertEquals(digest, digest(Samples.class));
    assertNotEquals(digest, digest(OneValueChanged.class));
    assertNotEquals(digest, digest(Reshaped.class));
    assertNotEquals(digest, digest(SameSamplesOtherClass.class));
  }

  private String digest(Class<? extends MultiDataProvider> provider) throws IOException {
    return DataDigest.of(ProvidedSource.of(provider), project, getClass().getClassLoader());
  }

  private static MultiDataSet samples(double last, long[] shape) {
    INDArray features = Nd4j.createFromArray(new double[] {1, 2, 3, 4, 5, last}).reshape(shape);
    INDArray labels = Nd4j.createFromArray(new double[][] {{0, 1}, {1, 0}});
    return new MultiDataSet(new INDArray[] {features}, new INDArray[] {labels});
  }

  public static class Samples implements MultiDataProvider {
    @Override
    public org.nd4j.linalg.dataset.api.MultiDataSet samples() {
      return ProvidedDigestTest.samples(6, new long[] {3, 2});
    }
  }

  public static class SameSamplesOtherClass extends Samples {}

  public static class OneValueChanged implements MultiDataProvider {
    @Override
    public org.nd4j.linalg.dataset.api.MultiDataSet samples() {
      return ProvidedDigestTest.samples(6.5, new long[] {3, 2});
    }
  }

  public static class Reshaped implements MultiDataProvider {
    @Override
    public org.nd4j.linalg.dataset.api.MultiDataSet samples() {
      return ProvidedDigestTest.samples(6, new long[] {2, 3});
    }
  }
}
