package dev.deepbuild.runtime.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The images of {@code tools/pretrained-reference/mobilenet-v2-reference.js}, by the same integer
 * formulas, as the NCHW input {@link CatalogBases} documents: [1, 3, size, size], pixels / 255.
 */
final class ReferenceImages {
  private ReferenceImages() {}

  static INDArray input(String image, int size, JsonNode reference) {
    float[] values = new float[3 * size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int[] rgb = switch (image) {
          case "gradient" -> new int[] {x * 255 / (size - 1), y * 255 / (size - 1), 128};
          case "checkerboard" -> (y / 16 + x / 16) % 2 == 0 ? new int[] {250, 240, 10} : new int[] {20, 30, 200};
          case "mixed" -> new int[] {(x * y) % 256, (x * 7 + y * 13) % 256, (x ^ y) & 255};
          case "cat" -> cat(reference, y, x, size);
          default -> throw new IllegalArgumentException(image);
        };
        for (int c = 0; c < 3; c++) {
          values[(c * size + y) * size + x] = rgb[c] / 255f;
        }
      }
    }
    return Nd4j.create(values, new long[] {1, 3, size, size}, 'c');
  }

  private static int[] cat(JsonNode reference, int y, int x, int size) {
    JsonNode pixels = reference.path("catPixels");
    int at = (y * size + x) * 3;
    return new int[] {pixels.get(at).asInt(), pixels.get(at + 1).asInt(), pixels.get(at + 2).asInt()};
  }
}
