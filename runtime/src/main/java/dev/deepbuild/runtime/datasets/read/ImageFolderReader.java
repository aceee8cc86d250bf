package dev.deepbuild.runtime.datasets.read;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.BilinearResize;
import dev.deepbuild.runtime.data.ImageSource;
import dev.deepbuild.runtime.data.Images;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads the user's images of {@code @ImageData} through {@code javax.imageio}: the files that
 * {@link ImageFolderFiles} lists, each resized by {@link BilinearResize} to the declared size and
 * read as RGB or as grayscale.
 */
public final class ImageFolderReader {
  private final Path baseDir;

  /** @param baseDir the project's base directory, against which a relative directory resolves */
  public ImageFolderReader(Path baseDir) {
    this.baseDir = baseDir;
  }

  /**
   * @throws InvalidInputException naming the folder or file: a missing folder, fewer than two
   *     classes, a class without images, a file that is not a readable image
   */
  public LabelledImages read(String model, ImageSource source) {
    Path folder = baseDir.resolve(source.directory()).normalize();
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException(model + ": @ImageData(directory = \"" + source.directory()
          + "\") is not a folder: looked for " + folder.toAbsolutePath() + (Path.of(
              source.directory()).isAbsolute() ? "" : " (relative to the project's base directory "
              + baseDir.toAbsolutePath() + ")") + ". Create it with one sub-folder of images per"
          + " class, or fix the path.");
    }
    Map<String, List<Path>> classes;
    try {
      classes = ImageFolderFiles.list(folder);
    } catch (IOException e) {
      throw new DeepBuildException(model + ": cannot list the image folder " + folder + ": " + e, e);
    }
    if (classes.size() < 2) {
      throw new InvalidInputException(model + ": the image folder " + folder + " has "
          + classes.size() + " class folder" + (classes.size() == 1 ? " (" + classes.keySet()
              .iterator().next() + ")" : "s") + "; a classifier needs at least 2: put each"
          + " class's images in a sub-folder named by the class.");
    }
    int total = 0;
    for (Map.Entry<String, List<Path>> entry : classes.entrySet()) {
      if (entry.getValue().isEmpty()) {
        throw new InvalidInputException(model + ": the class folder " + folder.resolve(
            entry.getKey()) + " holds no PNG or JPEG image; add images or remove the folder.");
      }
      total += entry.getValue().size();
    }
    Images images = new Images(source.height(), source.width(), source.channels(), total);
    int[] labels = new int[total];
    int next = 0;
    int label = 0;
    for (List<Path> files : classes.values()) {
      for (Path file : files) {
        add(model, file, images);
        labels[next++] = label;
      }
      label++;
    }
    return new LabelledImages(images, labels, new ArrayList<>(classes.keySet()));
  }

  private static void add(String model, Path file, Images into) {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw unreadable(model, file, ": " + e.getMessage());
    }
    if (image == null) {
      throw unreadable(model, file, "");
    }
    BilinearResize.add(image, into);
  }

  private static InvalidInputException unreadable(String model, Path file, String detail) {
    return new InvalidInputException(model + ": the image " + file + " cannot be read as PNG or"
        + " JPEG" + detail + "; replace or delete the file.");
  }
}
