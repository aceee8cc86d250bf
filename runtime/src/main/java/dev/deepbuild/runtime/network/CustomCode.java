package dev.deepbuild.runtime.network;

import dev.deepbuild.build.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The code of the user's own layer and vertex classes, which a configuration's JSON names but
 * does not hold: its digest joins the network's, so that a changed {@code defineLayer} makes a
 * saved model out of date. A class counts with its superclasses up to DL4J's.
 */
final class CustomCode {

  private CustomCode() {}

  /**
   * {@code " custom sha256:..."} of the class files of the layers' classes outside DL4J, ND4J
   * and the JDK, by name and content; empty when every layer is DL4J's, so that such a
   * network's digest is its JSON's alone.
   */
  static String of(Stream<?> layers) {
    Map<String, Class<?>> classes = new TreeMap<>();
    layers.forEach(layer -> {
      for (Class<?> type = layer.getClass(); type != null && !isLibrary(type);
          type = type.getSuperclass()) {
        classes.put(type.getName(), type);
      }
    });
    if (classes.isEmpty()) {
      return "";
    }
    MessageDigest digest = Sha256.newDigest();
    classes.forEach((name, type) -> {
      digest.update(name.getBytes(StandardCharsets.UTF_8));
      digest.update(classFile(type));
    });
    return " custom sha256:" + Sha256.hex(digest);
  }

  private static boolean isLibrary(Class<?> type) {
    String name = type.getName();
    return name.startsWith("org.deeplearning4j.") || name.startsWith("org.nd4j.")
        || name.startsWith("java.");
  }

  private static byte[] classFile(Class<?> type) {
    String resource = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      // A class defined without a class file (generated at run time) counts by name only.
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
