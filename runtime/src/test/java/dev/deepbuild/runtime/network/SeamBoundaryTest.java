package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime uses DL4J's network classes and its model serializer only behind the seam, so that a
 * new kind of network needs no change to the training path. The pretrained bases, which build
 * networks for the seam's side and never train, are the one other place that makes them.
 */
class SeamBoundaryTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/deepbuild/runtime");

  @Test
  void onlyTheNetworkPackageUsesDl4jNetworks() throws IOException {
    // The pretrained package loads the catalog's networks, which the network package extends.
    assertEquals(List.of(), using("org.deeplearning4j.nn.multilayer.", "org.deeplearning4j.nn.graph.")
        .filter(file -> !file.startsWith(SOURCES.resolve("network")))
        .filter(file -> !file.startsWith(SOURCES.resolve("pretrained")))
        .toList());
  }

  @Test
  void onlyTheNetworkPackageAndTheArchiveUseTheSerializer() throws IOException {
    assertEquals(List.of(), using("org.deeplearning4j.util.ModelSerializer")
        .filter(file -> !file.startsWith(SOURCES.resolve("network")))
        .filter(file -> !file.equals(SOURCES.resolve("io/ModelArchive.java")))
        .toList());
  }

  private static Stream<Path> using(String... packages) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    }
    return files.stream().filter(file -> {
      String source = read(file);
      return Stream.of(packages).anyMatch(source::contains);
    });
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
