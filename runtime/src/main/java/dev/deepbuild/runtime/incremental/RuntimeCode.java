package dev.deepbuild.runtime.incremental;

import dev.deepbuild.build.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The digest of the DeepBuild runtime's code: of the {@code .class} files in the jar or classes
 * directory this class was loaded from, by name and content. A SNAPSHOT keeps its version while its
 * code changes, so the version alone would let a model trained by older split or training code
 * pass for up to date. Only class files count, by content, so rebuilding the same code (new entry
 * times, a regenerated manifest) is no change. Computed once per JVM: a jar of about 1 MB takes
 * milliseconds.
 */
final class RuntimeCode {
  private static final String DIGEST = digestOf(location());

  private RuntimeCode() {}

  /** The runtime's code digest, {@code sha256:...}, or {@value RuntimeVersions#UNKNOWN}. */
  static String digest() {
    return DIGEST;
  }

  /**
   * The digest of the class files in {@code location}, a jar or a classes directory; {@value
   * RuntimeVersions#UNKNOWN} when it is null or cannot be read.
   */
  static String digestOf(Path location) {
    if (location == null) {
      return RuntimeVersions.UNKNOWN;
    }
    try {
      MessageDigest digest = Sha256.newDigest();
      if (Files.isDirectory(location)) {
        for (String name : classFiles(location)) {
          add(digest, name, Files.readAllBytes(location.resolve(name)));
        }
      } else {
        try (ZipFile jar = new ZipFile(location.toFile())) {
          List<? extends ZipEntry> entries = Collections.list(jar.entries()).stream()
              .filter(entry -> !entry.isDirectory() && entry.getName().endsWith(".class"))
              .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
          for (ZipEntry entry : entries) {
            try (InputStream in = jar.getInputStream(entry)) {
              add(digest, entry.getName(), in.readAllBytes());
            }
          }
        }
      }
      return "sha256:" + Sha256.hex(digest);
    } catch (IOException e) {
      return RuntimeVersions.UNKNOWN;
    }
  }

  /** The class files below {@code folder}, by relative path with {@code /}, sorted. */
  private static List<String> classFiles(Path folder) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.filter(path -> Files.isRegularFile(path) && path.toString().endsWith(".class"))
          .map(path -> folder.relativize(path).toString().replace('\\', '/'))
          .forEach(names::add);
    }
    names.sort(null);
    return names;
  }

  /** Lengths first, so that bytes moved between a name and a file change the digest. */
  private static void add(MessageDigest digest, String name, byte[] content) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(8).putInt(nameBytes.length).putInt(content.length).array());
    digest.update(nameBytes);
    digest.update(content);
  }

  private static Path location() {
    CodeSource source = RuntimeCode.class.getProtectionDomain().getCodeSource();
    URL url = source == null ? null : source.getLocation();
    try {
      return url == null || !"file".equals(url.getProtocol()) ? null : Path.of(url.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
