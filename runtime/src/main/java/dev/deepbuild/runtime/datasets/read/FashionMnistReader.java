package dev.deepbuild.runtime.datasets.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.deepbuild.runtime.data.Images;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Fashion-MNIST from {@link DatasetCatalog#FASHION_MNIST}: {@code package/src/clothes/N.json}
 * holds class N's images as {@code {"data": [[784 values 0-255], ...]}}, 28x28 grayscale, row by
 * row. Images come class by class, 0 to 9, each class in its file's order: 7,000 each, 70,000 in
 * all, as the original's 60,000 and 10,000. The files hold 70,002 arrays: two of class 0 are empty,
 * and an empty array is skipped.
 */
public final class FashionMnistReader {
  /** Keras's names of the classes, in label order. */
  public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
      "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
  private static final int SIDE = 28;
  private static final int VALUES = SIDE * SIDE;
  private static final String FOLDER = "package/src/clothes/";

  private FashionMnistReader() {}

  public static LabelledImages read(Path tarball) {
    byte[][] classes = new byte[CLASSES.size()][];
    DatasetArchives.readAll(DatasetCatalog.FASHION_MNIST, tarball,
        DatasetCatalog.FASHION_MNIST.files()::contains, (name, content) -> {
          int label = Integer.parseInt(name.substring(FOLDER.length(), name.length() - 5));
          classes[label] = parseClass(name, content);
        });
    try {
      return assemble(classes);
    } catch (DatasetFormatException e) {
      throw DatasetArchives.failure(DatasetCatalog.FASHION_MNIST, tarball, e);
    }
  }

  /** The images of the classes, each class's as {@link #parseClass} gives them. */
  static LabelledImages assemble(byte[][] classes) throws DatasetFormatException {
    int total = 0;
    for (int label = 0; label < classes.length; label++) {
      if (classes[label] == null) {
        throw new DatasetFormatException("it has no entry " + FOLDER + label + ".json");
      }
      total += classes[label].length / VALUES;
    }
    Images images = new Images(SIDE, SIDE, 1, total);
    int[] labels = new int[total];
    int next = 0;
    for (int label = 0; label < classes.length; label++) {
      byte[] values = classes[label];
      for (int start = 0; start < values.length; start += VALUES) {
        int from = start;
        images.addHwc(index -> values[from + index] & 0xFF);
        labels[next++] = label;
      }
    }
    return new LabelledImages(images, labels, CLASSES);
  }

  /** One class file's images, a byte per value, image after image. */
  static byte[] parseClass(String name, InputStream json) throws IOException {
    ByteArrayOutputStream values = new ByteArrayOutputStream(7_000 * VALUES);
    try (JsonParser parser = JsonArrays.parser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw JsonArrays.problem(parser, "expected an object {\"data\": [...]}");
      }
      boolean found = false;
      for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        if (!parser.currentName().equals("data")) {
          parser.nextToken();
          parser.skipChildren();
          continue;
        }
        found = true;
        if (parser.nextToken() != JsonToken.START_ARRAY) {
          throw JsonArrays.problem(parser, "\"data\" is not an array of images");
        }
        int image = 0;
        for (JsonToken row = parser.nextToken(); row != JsonToken.END_ARRAY;
            row = parser.nextToken()) {
          if (row != JsonToken.START_ARRAY) {
            throw JsonArrays.problem(parser, "image " + image + " is not an array of values");
          }
          readImage(parser, image++, values);
        }
      }
      if (!found) {
        throw new DatasetFormatException(name + ": it has no field \"data\"");
      }
    } catch (JsonProcessingException e) {
      throw new DatasetFormatException(name + ": " + e.getOriginalMessage() + JsonArrays.place(e), e);
    }
    return values.toByteArray();
  }

  private static void readImage(JsonParser parser, int image, ByteArrayOutputStream into)
      throws IOException {
    if (parser.nextToken() == JsonToken.END_ARRAY) {
      return;
    }
    int count = 0;
    for (JsonToken token = parser.currentToken(); token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      int value = token == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : -1;
      if (value < 0 || value > 255) {
        throw JsonArrays.problem(parser, "image " + image + " has " + parser.getText()
            + " at value " + count + ", not a whole number 0-255");
      }
      into.write(value);
      count++;
    }
    if (count != VALUES) {
      throw JsonArrays.problem(parser, "image " + image + " has " + count + " values, not the 784"
          + " of 28x28");
    }
  }
}
