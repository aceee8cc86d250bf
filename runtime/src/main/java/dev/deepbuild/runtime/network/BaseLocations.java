package dev.deepbuild.runtime.network;

import java.nio.file.Path;

/**
 * Where a pretrained base's files are: the user's own files against the project's base directory
 * (as {@code @CsvData} files), another model's trained network in the build's output folder.
 *
 * @param baseDir the project's base directory
 * @param outputRoot the folder of each model's outputs, {@code target/deepbuild}
 */
public record BaseLocations(Path baseDir, Path outputRoot) {

  public BaseLocations {
    baseDir = baseDir.toAbsolutePath().normalize();
    outputRoot = outputRoot.toAbsolutePath().normalize();
  }

  /** The network the model of this name saved when it was trained. */
  public Path savedModel(String model) {
    return outputRoot.resolve(model).resolve("model.zip");
  }

  /** A file of the project, by its path relative to the base directory. */
  public Path projectFile(String path) {
    return baseDir.resolve(path).normalize();
  }
}
