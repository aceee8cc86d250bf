package dev.deepbuild.runtime.datasets.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.deepbuild.runtime.data.Images;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Reads the small cats-vs-dogs set of {@link DatasetCatalog#CATS_VS_DOGS}:
 * {@code package/src/dogsNcats.json} is {@code {"cats": "...", "dogs": "..."}}, each the base64 of
 * the images' little-endian float32 values, whole numbers 0-255, 32x32x3 in height-width-channel
 * order, image after image. The cats come first (class {@code cat}, 0), then the dogs
 * ({@code dog}, 1).
 */
public final class CatsVsDogsReader {
  public static final String ENTRY = "package/src/dogsNcats.json";
  public static final List<String> CLASSES = List.of("cat", "dog");
  private static final int SIDE = 32;
  private static final int VALUES = SIDE * SIDE * 3;
  private static final List<String> FIELDS = List.of("cats", "dogs");

  private CatsVsDogsReader() {}

  public static LabelledImages read(Path tarball) {
    return DatasetArchives.readOne(DatasetCatalog.CATS_VS_DOGS, tarball, ENTRY,
        CatsVsDogsReader::parse);
  }

  /** Reads the images from the content of {@code dogsNcats.json}. */
  public static LabelledImages parse(InputStream json) throws IOException {
    FloatBuffer[] byClass = new FloatBuffer[FIELDS.size()];
    try (JsonParser parser = JsonArrays.parser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw JsonArrays.problem(parser, "expected an object {\"cats\": ..., \"dogs\": ...}");
      }
      for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        int label = FIELDS.indexOf(parser.currentName());
        JsonToken value = parser.nextToken();
        if (label < 0) {
          parser.skipChildren();
          continue;
        }
        if (value != JsonToken.VALUE_STRING) {
          throw JsonArrays.problem(parser, "\"" + FIELDS.get(label) + "\" is not a base64 string");
        }
        byClass[label] = floats(FIELDS.get(label), parser.getText());
      }
    } catch (JsonProcessingException e) {
      throw new DatasetFormatException(ENTRY + ": " + e.getOriginalMessage() + JsonArrays.place(e), e);
    }
    int total = 0;
    for (int label = 0; label < FIELDS.size(); label++) {
      if (byClass[label] == null) {
        throw new DatasetFormatException(ENTRY + ": it has no field \"" + FIELDS.get(label) + "\"");
      }
      total += byClass[label].remaining() / VALUES;
    }
    Images images = new Images(SIDE, SIDE, 3, total);
    int[] labels = new int[total];
    int next = 0;
    for (int label = 0; label < FIELDS.size(); label++) {
      FloatBuffer values = byClass[label];
      for (int start = 0; start < values.limit(); start += VALUES) {
        int[] pixels = wholeValues(values, start, FIELDS.get(label), start / VALUES);
        images.addHwc(index -> pixels[index]);
        labels[next++] = label;
      }
    }
    return new LabelledImages(images, labels, CLASSES);
  }

  private static FloatBuffer floats(String field, String base64) throws DatasetFormatException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new DatasetFormatException(ENTRY + ": \"" + field + "\" is not base64: "
          + e.getMessage(), e);
    }
    if (bytes.length % (4 * VALUES) != 0) {
      throw new DatasetFormatException(ENTRY + ": \"" + field + "\" holds " + bytes.length
          + " bytes, not a whole number of 32x32x3 float32 images (" + 4 * VALUES + " bytes each)");
    }
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }

  private static int[] wholeValues(FloatBuffer values, int start, String field, int image)
      throws DatasetFormatException {
    int[] pixels = new int[VALUES];
    for (int i = 0; i < VALUES; i++) {
      float value = values.get(start + i);
      if (!(value >= 0 && value <= 255 && value == Math.rint(value))) {
        throw new DatasetFormatException(ENTRY + ": image " + image + " of \"" + field + "\" has "
            + value + " at value " + i + ", not a whole number 0-255");
      }
      pixels[i] = (int) value;
    }
    return pixels;
  }
}
