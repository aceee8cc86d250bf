package dev.deepbuild.runtime.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weights of a TensorFlow.js layers model: its {@code weightsManifest} lists groups, each the
 * concatenation of its shard files' bytes, holding its tensors one after the other in manifest
 * order, row-major, little-endian. A quantized tensor ({@code quantization: {dtype: "uint8" or
 * "uint16", scale, min}}) stores {@code q} for the value {@code q * scale + min}.
 */
final class TfjsWeights {
  private TfjsWeights() {}

  /**
   * Every tensor by its manifest name ({@code Conv1/kernel}), as FLOAT in Keras's shape.
   *
   * @param shard the bytes of a shard file named in a group's {@code paths}
   * @param where names the manifest's file in messages
   * @throws PretrainedFormatException when a tensor's bytes are missing or left over
   */
  static Map<String, INDArray> read(JsonNode manifest, Function<String, byte[]> shard, String where) {
    if (!manifest.isArray() || manifest.isEmpty()) {
      throw new PretrainedFormatException(where + " has no weightsManifest array");
    }
    Map<String, INDArray> tensors = new LinkedHashMap<>();
    for (JsonNode group : manifest) {
      ByteBuffer bytes = concatenated(group.path("paths"), shard, where);
      for (JsonNode spec : group.path("weights")) {
        String name = spec.path("name").asText();
        tensors.put(name, tensor(name, spec, bytes, where));
      }
      if (bytes.hasRemaining()) {
        throw new PretrainedFormatException(where + ": the shards " + group.path("paths") + " hold "
            + bytes.remaining() + " bytes more than the tensors listed for them");
      }
    }
    return tensors;
  }

  private static ByteBuffer concatenated(JsonNode paths, Function<String, byte[]> shard, String where) {
    if (!paths.isArray() || paths.isEmpty()) {
      throw new PretrainedFormatException(where + ": a weightsManifest group names no shard paths");
    }
    byte[][] parts = new byte[paths.size()][];
    int total = 0;
    for (int i = 0; i < parts.length; i++) {
      parts[i] = shard.apply(paths.get(i).asText());
      total += parts[i].length;
    }
    ByteBuffer all = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    for (byte[] part : parts) {
      all.put(part);
    }
    return all.flip();
  }

  private static INDArray tensor(String name, JsonNode spec, ByteBuffer bytes, String where) {
    long[] shape = new long[spec.path("shape").size()];
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      shape[i] = spec.path("shape").get(i).asLong();
      count *= shape[i];
    }
    JsonNode quantization = spec.path("quantization");
    String stored = quantization.isObject() ? quantization.path("dtype").asText() : spec.path("dtype").asText();
    Encoding encoding = Encoding.of(stored);
    if (encoding == null || !"float32".equals(spec.path("dtype").asText())) {
      throw new PretrainedFormatException(where + ": the weight " + name + " is stored as '" + stored
          + "' for dtype '" + spec.path("dtype").asText() + "'; only float32, and float32 quantized to"
          + " uint8 or uint16, are read");
    }
    long needed = count * encoding.bytes;
    if (needed > bytes.remaining()) {
      throw new PretrainedFormatException(where + ": the weight " + name + " of shape "
          + spec.path("shape") + " needs " + needed + " bytes, but its shards have only "
          + bytes.remaining() + " left");
    }
    double scale = quantization.path("scale").asDouble(1);
    double min = quantization.path("min").asDouble(0);
    float[] values = new float[(int) count];
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (encoding) {
        case FLOAT32 -> bytes.getFloat();
        case UINT8 -> (float) (Byte.toUnsignedInt(bytes.get()) * scale + min);
        case UINT16 -> (float) (Short.toUnsignedInt(bytes.getShort()) * scale + min);
      };
    }
    return Nd4j.create(values, shape, 'c').castTo(DataType.FLOAT);
  }

  private enum Encoding {
    FLOAT32(4), UINT8(1), UINT16(2);

    final int bytes;

    Encoding(int bytes) {
      this.bytes = bytes;
    }

    static Encoding of(String dtype) {
      return switch (dtype) {
        case "float32" -> FLOAT32;
        case "uint8" -> UINT8;
        case "uint16" -> UINT16;
        default -> null;
      };
    }
  }
}
