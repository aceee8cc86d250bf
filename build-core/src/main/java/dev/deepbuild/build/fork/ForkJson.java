package dev.deepbuild.build.fork;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and writes the files that pass between the build and the forked training JVM. Records keep
 * their declared property order and maps are written sorted by key (enum keys in enum order), so
 * the same values give the same bytes in every run: the reports' maps are immutable copies whose
 * iteration order changes from one JVM to the next.
 */
public final class ForkJson {
  /** Thresholds leave a side open with NaN, which plain JSON cannot hold. */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private ForkJson() {}

  public static void write(Path file, Object value) {
    try {
      AtomicFiles.write(file, temporary -> MAPPER.writeValue(temporary.toFile(), value));
    } catch (IOException e) {
      throw new DeepBuildException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public static <T> T read(Path file, Class<T> type) {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new DeepBuildException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
