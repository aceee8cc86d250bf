package dev.deepbuild.runtime.datasets.read;

import dev.deepbuild.runtime.data.Images;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads MNIST from {@link DatasetCatalog#MNIST}'s official IDX files: the 60,000 training digits
 * first, then the 10,000 official test digits ({@link #TRAINING} is where they start), 28x28
 * grayscale, classes {@code 0} to {@code 9}. Each file's magic number, counts and size are
 * checked: images {@code 0x00000803}, count, rows, columns, then a byte per pixel; labels
 * {@code 0x00000801}, count, then a byte per label.
 */
public final class MnistReader {
  /** The number of training digits; the official test digits follow them. */
  public static final int TRAINING = 60_000;
  public static final int TEST = 10_000;
  public static final List<String> CLASSES =
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
  private static final int SIDE = 28;
  private static final String FOLDER = "package/data/";

  private MnistReader() {}

  /** Reads the training and then the test digits from the dataset's tarball. */
  public static LabelledImages read(Path tarball) {
    Map<String, byte[]> files = new HashMap<>();
    DatasetArchives.readAll(DatasetCatalog.MNIST, tarball,
        DatasetCatalog.MNIST.files()::contains,
        (name, content) -> files.put(name, content.readAllBytes()));
    try {
      return parse(files);
    } catch (IOException e) {
      throw DatasetArchives.failure(DatasetCatalog.MNIST, tarball, e);
    }
  }

  /** Parses the four IDX files, by their names in the tarball. */
  static LabelledImages parse(Map<String, byte[]> files) throws IOException {
    Images images = new Images(SIDE, SIDE, 1, TRAINING + TEST);
    int[] labels = new int[TRAINING + TEST];
    readImages(file(files, "train-images-idx3-ubyte"), "train-images-idx3-ubyte", TRAINING, images);
    readImages(file(files, "t10k-images-idx3-ubyte"), "t10k-images-idx3-ubyte", TEST, images);
    readLabels(file(files, "train-labels-idx1-ubyte"), "train-labels-idx1-ubyte", TRAINING, labels, 0);
    readLabels(file(files, "t10k-labels-idx1-ubyte"), "t10k-labels-idx1-ubyte", TEST, labels,
        TRAINING);
    return new LabelledImages(images, labels, CLASSES);
  }

  private static byte[] file(Map<String, byte[]> files, String name) throws DatasetFormatException {
    byte[] bytes = files.get(FOLDER + name);
    if (bytes == null) {
      throw new DatasetFormatException("it has no entry " + FOLDER + name);
    }
    return bytes;
  }

  private static void readImages(byte[] file, String name, int count, Images into)
      throws IOException {
    DataInputStream in = header(file, name, 0x00000803, count, 16);
    int rows = in.readInt();
    int columns = in.readInt();
    if (rows != SIDE || columns != SIDE) {
      throw new DatasetFormatException(FOLDER + name + ": the images are " + rows + "x" + columns
          + ", not 28x28");
    }
    int values = SIDE * SIDE;
    if (file.length != 16 + count * values) {
      throw new DatasetFormatException(FOLDER + name + ": " + file.length + " bytes, not the "
          + (16 + count * values) + " that " + count + " images of 28x28 take");
    }
    for (int i = 0; i < count; i++) {
      int start = 16 + i * values;
      into.addHwc(index -> file[start + index] & 0xFF);
    }
  }

  private static void readLabels(byte[] file, String name, int count, int[] into, int at)
      throws IOException {
    header(file, name, 0x00000801, count, 8);
    if (file.length != 8 + count) {
      throw new DatasetFormatException(FOLDER + name + ": " + file.length + " bytes, not the "
          + (8 + count) + " that " + count + " labels take");
    }
    for (int i = 0; i < count; i++) {
      int label = file[8 + i] & 0xFF;
      if (label > 9) {
        throw new DatasetFormatException(FOLDER + name + ": label " + i + " is " + label
            + ", not a digit 0-9");
      }
      into[at + i] = label;
    }
  }

  private static DataInputStream header(byte[] file, String name, int magic, int count,
      int headerBytes) throws IOException {
    if (file.length < headerBytes) {
      throw new DatasetFormatException(FOLDER + name + ": " + file.length + " bytes is too short"
          + " for an IDX header");
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
    int actual = in.readInt();
    if (actual != magic) {
      throw new DatasetFormatException(String.format(Locale.ROOT,
          "%s%s: the magic number is 0x%08x, not 0x%08x: not an IDX file of %s", FOLDER, name,
          actual, magic, magic == 0x00000803 ? "images" : "labels"));
    }
    int actualCount = in.readInt();
    if (actualCount != count) {
      throw new DatasetFormatException(FOLDER + name + ": it holds " + actualCount + " items, not "
          + count);
    }
    return in;
  }
}
