package dev.deepbuild.build.spark;

import dev.deepbuild.build.io.AtomicFiles;
import dev.deepbuild.build.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Merges a class path (folders and jars, in order) into one jar that {@code spark-submit} runs
 * and Spark ships to its executors. The merge rules, as the shade plugin's usual configuration:
 * <ul>
 *   <li>{@code META-INF/services/*} files are concatenated, in class-path order, so that every
 *       jar's services (ND4J's backends, DeepBuild's training backends) still load;
 *   <li>signature files ({@code META-INF/*.SF}, {@code .DSA}, {@code .RSA}, {@code .EC}, {@code
 *       SIG-*}) are dropped: they sign their own jar, and would make the merged one fail to load;
 *       each jar's {@code MANIFEST.MF} and {@code INDEX.LIST} are dropped for the jar's own;
 *   <li>any other name found twice keeps the first one, as a class path would: the project's
 *       classes and resources come first (its model index among them, so the jar trains the
 *       project's own models, not a dependency's).
 * </ul>
 * Every entry gets one fixed time, so the same class path gives the same bytes. The jar is
 * written to a temporary file and moved into place ({@link AtomicFiles}). Its manifest keeps a
 * digest of what it was made from ({@value #INPUTS}: each element's path, and each file's size and
 * time), so an unchanged class path reuses the jar instead of merging again.
 */
public final class JobJar {
  /** 1980-02-01, the earliest time a zip entry holds portably. */
  private static final FileTime ENTRY_TIME = FileTime.fromMillis(315_532_800_000L + 31L * 86_400_000L);
  private static final String SERVICES = "META-INF/services/";
  /** The manifest attribute holding the digest of the jar's inputs. */
  static final String INPUTS = "DeepBuild-Inputs";

  /**
   * What a merge did.
   *
   * @param entries the entries written, folders included
   * @param services the service files that more than one class-path element gave, concatenated
   * @param signatures the signature files dropped
   * @param duplicates the other names found again after the first, which were left out
   * @param firstDuplicates up to five of those names, for the log
   * @param reused whether the jar was up to date, and kept as it was (the counts are then zero)
   */
  public record Summary(int entries, int services, int signatures, int duplicates,
      List<String> firstDuplicates, boolean reused) {}

  private JobJar() {}

  /**
   * Writes {@code target} from {@code classpath}, with {@code mainClass} as its {@code Main-Class}.
   *
   * @throws IOException when an element cannot be read or the jar cannot be written; {@code
   *     target} is then as it was
   */
  public static Summary write(Path target, List<Path> classpath, String mainClass) throws IOException {
    String inputs = inputs(classpath, mainClass);
    if (inputs.equals(madeFrom(target))) {
      return new Summary(0, 0, 0, 0, List.of(), true);
    }
    Summary[] summary = new Summary[1];
    AtomicFiles.write(target, file -> summary[0] = merge(file, classpath, mainClass, inputs));
    return summary[0];
  }

  /** The digest of the class path's elements (path, and each file's size and time) and main class. */
  static String inputs(List<Path> classpath, String mainClass) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    StringBuilder text = new StringBuilder(mainClass).append('\n');
    for (Path element : classpath) {
      text.append(element.toAbsolutePath()).append('\n');
      if (Files.isDirectory(element)) {
        try (Stream<Path> walk = Files.walk(element)) {
          for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
            text.append(' ').append(element.relativize(file)).append(' ').append(stamp(file));
          }
        }
      } else if (Files.isRegularFile(element)) {
        text.append(' ').append(stamp(element));
      }
      digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
      text.setLength(0);
    }
    digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
    return Sha256.hex(digest);
  }

  private static String stamp(Path file) throws IOException {
    return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis() + "\n";
  }

  /** The inputs digest of an existing job jar; null when there is none or it has none. */
  private static String madeFrom(Path target) {
    if (!Files.isRegularFile(target)) {
      return null;
    }
    try (JarFile jar = new JarFile(target.toFile())) {
      Manifest manifest = jar.getManifest();
      return manifest == null ? null : manifest.getMainAttributes().getValue(INPUTS);
    } catch (IOException e) {
      // A damaged jar is written again.
      return null;
    }
  }

  private static Summary merge(Path file, List<Path> classpath, String mainClass, String inputs)
      throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    manifest.getMainAttributes().putValue("Created-By", "DeepBuild dl:spark-jar");
    manifest.getMainAttributes().putValue(INPUTS, inputs);
    Merge merge = new Merge();
    try (ZipArchiveOutputStream jar = new ZipArchiveOutputStream(file.toFile())) {
      // Only the project's files and the service files are compressed here; the jars' entries
      // (natives among them, 374 MB of libnd4jcpu.so) are copied compressed, as they are.
      jar.setLevel(Deflater.BEST_SPEED);
      merge.put(jar, "META-INF/", null);
      merge.put(jar, "META-INF/MANIFEST.MF", out -> manifest.write(out));
      for (Path element : classpath) {
        if (Files.isDirectory(element)) {
          merge.folder(jar, element);
        } else if (Files.isRegularFile(element)) {
          merge.jar(jar, element);
        }
      }
      merge.services(jar);
    }
    return new Summary(merge.written.size(), merge.concatenated.size(), merge.signatures,
        merge.duplicates, List.copyOf(merge.firstDuplicates), false);
  }

  /** Whether {@code name} is a signature file of its jar, which the merged jar must not carry. */
  static boolean isSignature(String name) {
    if (!name.startsWith("META-INF/") || name.indexOf('/', "META-INF/".length()) >= 0) {
      return false;
    }
    String file = name.substring("META-INF/".length()).toUpperCase(Locale.ROOT);
    return file.endsWith(".SF") || file.endsWith(".DSA") || file.endsWith(".RSA")
        || file.endsWith(".EC") || file.startsWith("SIG-");
  }

  @FunctionalInterface
  private interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** How an entry's bytes come: uncompressed (to read or deflate), or as its jar holds them. */
  private interface Source {
    InputStream open() throws IOException;

    /** Writes the entry {@code name}; by default deflated from {@link #open}. */
    default void copy(ZipArchiveOutputStream jar, Merge merge, String name) throws IOException {
      try (InputStream in = open()) {
        merge.put(jar, name, in::transferTo);
      }
    }
  }

  private static final class Merge {
    final Set<String> written = new HashSet<>();
    final Map<String, List<byte[]>> services = new LinkedHashMap<>();
    final Set<String> concatenated = new HashSet<>();
    final List<String> firstDuplicates = new ArrayList<>();
    int signatures;
    int duplicates;

    void folder(ZipArchiveOutputStream jar, Path root) throws IOException {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(path -> !path.equals(root)).sorted().toList();
      }
      for (Path path : files) {
        String name = root.relativize(path).toString().replace('\\', '/');
        if (Files.isDirectory(path)) {
          entry(jar, name + "/", null);
        } else {
          entry(jar, name, () -> Files.newInputStream(path));
        }
      }
    }

    void jar(ZipArchiveOutputStream jar, Path file) throws IOException {
      try (ZipFile zip = new ZipFile(file.toFile())) {
        for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
          if (entry.isDirectory()) {
            entry(jar, entry.getName(), null);
            continue;
          }
          entry(jar, entry.getName(), new Source() {
            @Override
            public InputStream open() throws IOException {
              return zip.getInputStream(entry);
            }

            @Override
            public void copy(ZipArchiveOutputStream out, Merge merge, String name) throws IOException {
              merge.raw(out, entry, zip);
            }
          });
        }
      }
    }

    /** One entry of an element; {@code source} is null for a folder. */
    void entry(ZipArchiveOutputStream jar, String name, Source source) throws IOException {
      String upper = name.toUpperCase(Locale.ROOT);
      if (upper.equals("META-INF/MANIFEST.MF") || upper.equals("META-INF/INDEX.LIST")) {
        return;
      }
      if (isSignature(name)) {
        signatures++;
        return;
      }
      if (source != null && name.startsWith(SERVICES) && name.length() > SERVICES.length()
          && name.indexOf('/', SERVICES.length()) < 0) {
        try (InputStream in = source.open()) {
          List<byte[]> parts = services.computeIfAbsent(name, key -> new ArrayList<>());
          parts.add(in.readAllBytes());
          if (parts.size() > 1) {
            concatenated.add(name);
          }
        }
        return;
      }
      if (source == null) {
        put(jar, name, null);
      } else if (written.contains(name)) {
        duplicates++;
        if (firstDuplicates.size() < 5 && !firstDuplicates.contains(name)) {
          firstDuplicates.add(name);
        }
      } else {
        source.copy(jar, this, name);
      }
    }

    /** Writes an entry once, deflated; a folder ({@code body} null) found again is not a duplicate. */
    void put(ZipArchiveOutputStream jar, String name, Body body) throws IOException {
      if (!written.add(name)) {
        return;
      }
      ZipArchiveEntry entry = new ZipArchiveEntry(name);
      entry.setTime(ENTRY_TIME.toMillis());
      jar.putArchiveEntry(entry);
      if (body != null) {
        body.writeTo(jar);
      }
      jar.closeArchiveEntry();
    }

    /** Copies a jar's entry with its bytes as they are compressed there, under the fixed time. */
    void raw(ZipArchiveOutputStream jar, ZipArchiveEntry source, ZipFile zip) throws IOException {
      written.add(source.getName());
      ZipArchiveEntry entry = new ZipArchiveEntry(source.getName());
      entry.setMethod(source.getMethod());
      entry.setCrc(source.getCrc());
      entry.setSize(source.getSize());
      entry.setCompressedSize(source.getCompressedSize());
      entry.setTime(ENTRY_TIME.toMillis());
      try (InputStream raw = zip.getRawInputStream(source)) {
        jar.addRawArchiveEntry(entry, raw);
      }
    }

    /** Each service file, its parts in class-path order, each ending in a line break. */
    void services(ZipArchiveOutputStream jar) throws IOException {
      for (Map.Entry<String, List<byte[]>> service : services.entrySet()) {
        parents(jar, service.getKey());
        put(jar, service.getKey(), out -> {
          for (byte[] part : service.getValue()) {
            out.write(part);
            if (part.length > 0 && part[part.length - 1] != '\n') {
              out.write("\n".getBytes(StandardCharsets.UTF_8));
            }
          }
        });
      }
    }

    private void parents(ZipArchiveOutputStream jar, String name) throws IOException {
      for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
        put(jar, name.substring(0, slash + 1), null);
      }
    }
  }
}
