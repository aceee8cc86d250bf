package dev.deepbuild.runtime.datasets.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The images of a folder of class folders, as {@code @ImageData} reads them and as the data's
 * digest hashes them: each non-hidden sub-folder is a class, named by the folder, classes sorted
 * by name; its images are the PNG and JPEG files ({@code .png}, {@code .jpg}, {@code .jpeg}, any
 * case) below it, outside hidden folders, sorted by relative path. Other files are skipped, as
 * Keras's {@code image_dataset_from_directory} skips them.
 */
public final class ImageFolderFiles {
  private ImageFolderFiles() {}

  /** Each class's images, by class name in label order; a class without images has none. */
  public static Map<String, List<Path>> list(Path folder) throws IOException {
    Map<String, List<Path>> classes = new TreeMap<>();
    try (Stream<Path> children = Files.list(folder)) {
      for (Path child : children.sorted().toList()) {
        String name = child.getFileName().toString();
        if (Files.isDirectory(child) && !name.startsWith(".")) {
          classes.put(name, images(child));
        }
      }
    }
    return classes;
  }

  private static List<Path> images(Path classFolder) throws IOException {
    List<Path> images = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(classFolder)) {
      paths.filter(Files::isRegularFile)
          .filter(path -> !hidden(classFolder.relativize(path)) && image(path))
          .sorted()
          .forEach(images::add);
    }
    return images;
  }

  /** Whether the file is an image by its name: PNG or JPEG, any case. */
  public static boolean image(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
