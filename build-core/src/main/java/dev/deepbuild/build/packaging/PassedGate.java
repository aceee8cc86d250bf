package dev.deepbuild.build.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepbuild.build.io.AtomicFiles;
import dev.deepbuild.build.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The record that a model's saved {@code model.zip} passed its thresholds: {@value #FILE} beside
 * it, holding the digest of the file that passed and the checks it met. {@code metrics.json} holds
 * the measurements but not their verdict, which depends on the build's rules as well, and a later
 * training overwrites {@code model.zip} whether it passes or not: the digest ties the verdict to
 * the bytes it was given for, so a replaced model is never taken for the one that passed.
 */
final class PassedGate {
  static final String FILE = "passed.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private PassedGate() {}

  /** Records that {@code modelFile}, as it is now, met {@code checks}. */
  static void record(Path modelFile, List<String> checks) throws IOException {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("modelSha256", Sha256.of(modelFile));
    checks.forEach(node.putArray("checks")::add);
    AtomicFiles.write(modelFile.resolveSibling(FILE), file -> MAPPER.writeValue(file.toFile(), node));
  }

  /** Forgets the verdict, for a model that missed a threshold or could not be checked. */
  static void forget(Path modelFile) throws IOException {
    Files.deleteIfExists(modelFile.resolveSibling(FILE));
  }

  /**
   * Whether {@code modelFile} is the file that passed: the record is there, readable, and names
   * its digest.
   */
  static boolean passed(Path modelFile) throws IOException {
    Path record = modelFile.resolveSibling(FILE);
    if (!Files.isRegularFile(modelFile) || !Files.isRegularFile(record)) {
      return false;
    }
    JsonNode digest;
    try {
      digest = MAPPER.readTree(record.toFile()).get("modelSha256");
    } catch (IOException unreadable) {
      // A torn or edited record vouches for nothing; training again writes a new one.
      return false;
    }
    return digest != null && digest.isTextual() && digest.asText().equals(Sha256.of(modelFile));
  }
}
