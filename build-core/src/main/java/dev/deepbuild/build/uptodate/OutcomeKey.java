package dev.deepbuild.build.uptodate;

import dev.deepbuild.build.fork.ForkOptions;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.io.Sha256;
import dev.deepbuild.resources.DataRead;
import dev.deepbuild.resources.ModelResources;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Everything that could change a training session's outcome, by name: the request (models, rules,
 * accepted metrics file, force) and the fork's options (launcher, JVM options, environment), the
 * fork class path (a jar by path, size and modification time; a folder, such as the class output,
 * by the content of its files, but the packaged models), the build's own code, the accepted
 * metrics by content, the files and folders each model's data is read from by content (as the
 * processor listed them, {@link ModelResources#reads}), and each model's saved {@code model.zip}
 * and {@code metrics.json} by size and modification time. A model whose data code makes ({@code
 * @ProvidedData}), or one compiled without its list, has no key: only the fork can tell.
 *
 * <p>The inputs are taken before the fork starts, so that a file changed while it ran makes the
 * next build fork again; the saved files once it ended, since it writes them.
 */
public record OutcomeKey(SortedMap<String, String> components) {
  /** Variables of the build's environment, inherited by the fork, that change what it does. */
  private static final List<String> ENVIRONMENT_PREFIXES = List.of("JAVA_TOOL_OPTIONS",
      "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "ND4J", "OMP_", "OPENBLAS", "MKL", "DL4J", "DEEPBUILD",
      "CUDA", "LD_LIBRARY_PATH", "npm_config", "NPM_CONFIG");
  private static final String ABSENT = "absent";

  public OutcomeKey {
    components = Collections.unmodifiableSortedMap(new TreeMap<>(components));
  }

  /**
   * The key of a session's inputs; empty when a model's data cannot be told without the fork.
   *
   * @param buildCode the build's own code that reads the result, such as the plugin's jars
   * @param digests the files' content digests, which may remember those of unchanged files
   */
  public static Optional<OutcomeKey> inputs(ForkRequest request, ForkOptions options,
      Map<String, String> inheritedEnvironment, List<Path> buildCode, ContentDigests digests)
      throws IOException {
    SortedMap<String, String> key = new TreeMap<>();
    key.put("request", request.toString());
    key.put("options", options.jvmArguments() + " " + new TreeMap<>(options.environment()) + " in "
        + options.workingDirectory() + " timeout " + options.timeout());
    key.put("java " + options.javaExecutable(), stamp(options.javaExecutable().toRealPath()));
    inheritedEnvironment.forEach((name, value) -> {
      if (ENVIRONMENT_PREFIXES.stream().anyMatch(name::startsWith)) {
        key.put("environment " + name, value);
      }
    });
    for (int i = 0; i < options.classpath().size(); i++) {
      Path element = options.classpath().get(i);
      key.put(String.format("classpath %03d %s", i, element),
          Files.isDirectory(element) ? folder(element, digests) : stamp(element));
    }
    for (Path code : buildCode) {
      key.put("build code " + code, Files.isDirectory(code) ? folder(code, digests) : stamp(code));
    }
    key.put("accepted metrics", file(request.acceptedMetricsFile(), digests));
    Path classes = request.classesDirectory();
    for (String model : models(classes)) {
      Path reads = classes.resolve(ModelResources.reads(model));
      if (!Files.isRegularFile(reads)) {
        return Optional.empty();
      }
      for (String line : Files.readAllLines(reads, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        DataRead read = DataRead.parse(line);
        Path path = request.baseDir().resolve(read.location()).normalize();
        switch (read.kind()) {
          case FILE -> key.put("data " + path, file(path, digests));
          case FOLDER -> key.put("data " + path, folder(path, digests));
          case UNKNOWN -> {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.of(new OutcomeKey(key));
  }

  /** This key with the saved files of the class output's models as they are now. */
  public OutcomeKey withSavedFiles(Path classes, Path outputRoot) throws IOException {
    SortedMap<String, String> key = new TreeMap<>(components);
    for (String model : models(classes)) {
      for (String file : List.of("model.zip", "metrics.json")) {
        key.put("saved " + model + "/" + file, stamp(outputRoot.resolve(model).resolve(file)));
      }
    }
    return new OutcomeKey(key);
  }

  /**
   * A digest of every component, name and value, that two keys share exactly when they are equal:
   * what a build compares before it reads anything else it kept.
   */
  public String digest() {
    MessageDigest digest = Sha256.newDigest();
    components.forEach((name, value) -> {
      for (String part : List.of(name, value)) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
      }
    });
    return "sha256:" + Sha256.hex(digest);
  }

  /** The names of the components that differ from {@code other}'s, in order. */
  public List<String> changedFrom(OutcomeKey other) {
    TreeSet<String> names = new TreeSet<>(components.keySet());
    names.addAll(other.components.keySet());
    return names.stream()
        .filter(name -> !String.valueOf(components.get(name)).equals(
            String.valueOf(other.components.get(name))))
        .toList();
  }

  /** The models compiled into the class output: the folders with the processor's summary. */
  static List<String> models(Path classes) throws IOException {
    Path root = classes.resolve(ModelResources.ROOT);
    List<String> models = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
        for (Path folder : folders) {
          String model = folder.getFileName().toString();
          if (Files.isRegularFile(classes.resolve(ModelResources.summary(model)))) {
            models.add(model);
          }
        }
      }
    }
    models.sort(null);
    return models;
  }

  /** Size and modification time, as a build tool compares a jar. */
  static String stamp(Path file) throws IOException {
    if (!Files.exists(file)) {
      return ABSENT;
    }
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return attributes.size() + " bytes, modified " + attributes.lastModifiedTime().toInstant();
  }

  /** The file's content digest. */
  static String file(Path file, ContentDigests digests) throws IOException {
    return Files.isRegularFile(file) ? digests.of(file) : ABSENT;
  }

  /**
   * The digest of every file below the folder, by relative path and content, but the models
   * packaging copies into a class output ({@link ModelResources#model}), which are outputs.
   */
  static String folder(Path folder, ContentDigests digests) throws IOException {
    if (!Files.isDirectory(folder)) {
      return file(folder, digests);
    }
    List<Path> files;
    try (Stream<Path> paths = Files.walk(folder)) {
      files = paths.filter(Files::isRegularFile).sorted().toList();
    }
    MessageDigest digest = Sha256.newDigest();
    for (Path file : files) {
      String name = folder.relativize(file).toString().replace('\\', '/');
      if (packagedModel(name)) {
        continue;
      }
      byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
      digest.update(ByteBuffer.allocate(4).putInt(nameBytes.length).array());
      digest.update(nameBytes);
      digest.update(digests.of(file).getBytes(StandardCharsets.US_ASCII));
    }
    return "sha256:" + Sha256.hex(digest);
  }

  private static boolean packagedModel(String name) {
    if (!name.startsWith(ModelResources.ROOT) || !name.endsWith("/model.zip")) {
      return false;
    }
    String model = name.substring(ModelResources.ROOT.length(), name.length() - "/model.zip".length());
    return !model.contains("/") && name.equals(ModelResources.model(model));
  }
}
