package dev.deepbuild.runtime.datasets.read;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.runtime.InvalidInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a folder of class folders, as Keras's {@code text_dataset_from_directory}: each sub-folder
 * is a class named by the folder, each regular file below it (sub-folders included) one UTF-8
 * text. Hidden files and folders (names starting with {@code .}) are skipped, and so are files
 * directly in the top folder, such as a README. Class folders, and files within each, are read in
 * name order, so the texts' order does not depend on the file system.
 */
final class TextFolderReader {
  private TextFolderReader() {}

  static LabelledTexts read(String model, Path folder) {
    List<Path> classFolders = children(model, folder).stream().filter(Files::isDirectory).toList();
    if (classFolders.isEmpty()) {
      throw new InvalidInputException(model + ": the text folder " + folder + " has no class"
          + " folders. Put each class's texts in a sub-folder named by the class, such as "
          + folder.resolve("positive") + " and " + folder.resolve("negative") + ".");
    }
    List<String> texts = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    for (Path classFolder : classFolders) {
      List<Path> files = textFiles(model, classFolder);
      if (files.isEmpty()) {
        throw new InvalidInputException(model + ": the class folder " + classFolder + " holds no"
            + " text files. Add the class's texts to it, one per file, or remove the folder.");
      }
      String className = classFolder.getFileName().toString();
      for (Path file : files) {
        texts.add(readText(model, file));
        classes.add(className);
      }
    }
    return LabelledTexts.byClassName(texts, classes);
  }

  /** The folder's entries that are not hidden, in name order. */
  private static List<Path> children(String model, Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(path -> !hidden(path)).sorted().toList();
    } catch (IOException e) {
      throw new DeepBuildException(model + ": cannot list the text folder " + folder + ": " + e, e);
    }
  }

  /** The regular files below {@code folder}, outside hidden folders, in path order. */
  private static List<Path> textFiles(String model, Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths
          .filter(path -> Files.isRegularFile(path) && !hiddenBelow(folder, path))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new DeepBuildException(model + ": cannot list the class folder " + folder + ": " + e, e);
    }
  }

  private static boolean hiddenBelow(Path folder, Path path) {
    for (Path part : folder.relativize(path)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }

  private static String readText(String model, Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(model + ": the text file " + file + " is not UTF-8 text. Save"
          + " it as UTF-8, or remove it from the class folder.", e);
    } catch (IOException e) {
      throw new DeepBuildException(model + ": cannot read the text file " + file + ": " + e, e);
    }
  }
}
