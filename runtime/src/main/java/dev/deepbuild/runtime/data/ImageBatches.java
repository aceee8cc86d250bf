package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.model.AugmentationSpec;
import dev.deepbuild.runtime.model.RescalingSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A split of images that stay compact ({@link Images}, a byte per value) until a minibatch needs
 * them: each minibatch is built as an NCHW array {@code [rows, channels, height, width]}, scaled
 * and, for the training split of a model with {@code @Augmentation}, changed at random, in
 * buffers allocated once. No matrix of every image is made. Minibatches follow the same seeded
 * order of rows per epoch as {@link ShuffledBatches}; the changes follow from the seed and the
 * epoch. A functional model's image inputs are each given the same minibatch, and each of its
 * outputs its own labels.
 */
final class ImageBatches implements Batches {
  private final Images images;
  private final int[] rows;
  private final List<INDArray> labels;
  private final int inputs;
  private final float scale;
  private final float offset;
  private final Optional<AugmentationSpec> augmentation;
  private final DataType type;
  private INDArray chunkBuffer;
  private float[] chunkValues;

  /**
   * @param rows the split's images, in order
   * @param labels their labels per output, one row per image in the same order
   * @param inputs how many of the network's inputs take the images
   * @param augmentation the training split's random changes; empty for every other split
   */
  ImageBatches(Images images, int[] rows, List<INDArray> labels, int inputs,
      RescalingSpec rescaling, Optional<AugmentationSpec> augmentation, DataType type) {
    this.images = images;
    this.rows = rows.clone();
    this.labels = List.copyOf(labels);
    this.inputs = inputs;
    this.scale = (float) rescaling.scale();
    this.offset = (float) rescaling.offset();
    this.augmentation = augmentation;
    this.type = type;
  }

  @Override
  public int rows() {
    return rows.length;
  }

  @Override
  public long featureBytesPerRow() {
    return (long) images.values() * type.width();
  }

  @Override
  public Epochs shuffled(int batchSize, long seed) {
    return new Shuffled(batchSize, seed)::nextEpoch;
  }

  @Override
  public void inOrder(int maxRows, Consumer<MultiDataSet> chunk) {
    if (rows.length == 0) {
      return;
    }
    int size = Math.min(maxRows, rows.length);
    if (chunkBuffer == null || chunkBuffer.size(0) != size) {
      chunkBuffer = buffer(size);
      chunkValues = new float[size * images.values()];
    }
    for (int start = 0; start < rows.length; start += size) {
      int end = Math.min(rows.length, start + size);
      for (int i = start; i < end; i++) {
        images.copyScaled(rows[i], chunkValues, (i - start) * images.values(), scale, offset);
      }
      INDArray features = fill(chunkBuffer, chunkValues, end - start);
      int from = start;
      INDArray[] chunkLabels = labels.stream()
          .map(label -> label.get(NDArrayIndex.interval(from, end), NDArrayIndex.all()))
          .toArray(INDArray[]::new);
      chunk.accept(new org.nd4j.linalg.dataset.MultiDataSet(everyInput(features), chunkLabels));
    }
  }

  @Override
  public INDArray labels(int output) {
    return labels.get(output);
  }

  /** The minibatch once per input that takes the images. */
  private INDArray[] everyInput(INDArray features) {
    INDArray[] given = new INDArray[inputs];
    Arrays.fill(given, features);
    return given;
  }

  private INDArray buffer(int size) {
    return Nd4j.create(type, size, images.channels(), images.height(), images.width());
  }

  /** The first {@code count} images of {@code values} copied into {@code buffer}, as a view. */
  private INDArray fill(INDArray buffer, float[] values, int count) {
    int length = count * images.values();
    if (type == DataType.FLOAT) {
      buffer.data().asNioFloat().put(values, 0, length);
    } else {
      for (int i = 0; i < length; i++) {
        buffer.data().put(i, values[i]);
      }
    }
    return count == buffer.size(0) ? buffer
        : buffer.get(NDArrayIndex.interval(0, count), NDArrayIndex.all(), NDArrayIndex.all(),
            NDArrayIndex.all());
  }

  /** One shuffled pass after another. */
  private final class Shuffled {
    private final int batchSize;
    private final long seed;
    private final Random random;
    private final int[] order;
    private final INDArray features;
    private final float[] values;
    private final List<INDArray> epochLabels;
    private final Optional<ImageAugmenter> augmenter;
    private int epoch;

    Shuffled(int batchSize, long seed) {
      this.batchSize = Math.min(batchSize, Math.max(rows.length, 1));
      this.seed = seed;
      this.random = new Random(seed);
      this.order = IntStream.range(0, rows.length).toArray();
      this.features = buffer(this.batchSize);
      this.values = new float[this.batchSize * images.values()];
      this.epochLabels = labels.stream().map(INDArray::ulike).toList();
      float a = offset;
      float b = 255 * scale + offset;
      this.augmenter = augmentation.map(spec -> new ImageAugmenter(spec, images.height(),
          images.width(), images.channels(), Math.min(a, b), Math.max(a, b)));
    }

    void nextEpoch(BiConsumer<INDArray[], INDArray[]> fit, IntConsumer progress) {
      epoch++;
      shuffle();
      for (int output = 0; output < labels.size(); output++) {
        Nd4j.pullRows(labels.get(output), epochLabels.get(output), 1, order);
      }
      SplittableRandom changes = new SplittableRandom(seed * 1_000_003L + epoch);
      for (int start = 0; start < order.length; start += batchSize) {
        int end = Math.min(order.length, start + batchSize);
        for (int i = start; i < end; i++) {
          images.copyScaled(rows[order[i]], values, (i - start) * images.values(), scale, offset);
        }
        int count = end - start;
        augmenter.ifPresent(a -> a.augment(values, count, changes));
        int from = start;
        fit.accept(everyInput(fill(features, values, count)), epochLabels.stream()
            .map(label -> label.get(NDArrayIndex.interval(from, end), NDArrayIndex.all()))
            .toArray(INDArray[]::new));
        progress.accept(end);
      }
    }

    /** Fisher-Yates on the previous epoch's order, as {@link ShuffledBatches} does. */
    private void shuffle() {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
    }
  }
}
