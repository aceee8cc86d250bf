package dev.deepbuild.runtime.datasets.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.ImageSource;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {
  @TempDir Path base;

  private void image(String path, int width, int height, Color color, String format)
      throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, color.getRGB());
      }
    }
    Path file = base.resolve(path);
    Files.createDirectories(file.getParent());
    ImageIO.write(image, format, file.toFile());
  }

  @Test
  void classFoldersSortedByNameAreTheLabelsAndImagesAreResized() throws IOException {
    image("pets/dog/a.png", 8, 4, Color.BLUE, "png");
    image("pets/cat/b.PNG", 2, 2, Color.RED, "png");
    image("pets/cat/c.jpg", 3, 5, Color.RED, "jpeg");
    Files.writeString(base.resolve("pets/cat/notes.txt"), "not an image, skipped");
    image("pets/.hidden/d.png", 2, 2, Color.GREEN, "png");

    LabelledImages images = new ImageFolderReader(base).read("pets",
        ImageSource.folder("pets", 4, 4));
    assertEquals(List.of("cat", "dog"), images.classNames());
    assertArrayEquals(new int[] {0, 0, 1}, images.labels());
    assertEquals(4 * 4 * 3, images.images().values());
    // Channel by channel: red of the first cat, then blue of the dog.
    assertEquals(255, images.images().value(0, 0));
    assertEquals(0, images.images().value(0, 16));
    assertEquals(255, images.images().value(2, 32 + 15));
  }

  @Test
  void grayscaleIsTheLuma() throws IOException {
    image("shades/a/x.png", 2, 2, new Color(200, 100, 50), "png");
    image("shades/b/y.png", 2, 2, Color.WHITE, "png");
    LabelledImages images = new ImageFolderReader(base).read("shades",
        ImageSource.folder("shades", 2, 2).channels(1));
    assertEquals(4, images.images().values());
    assertEquals(Math.round(0.299 * 200 + 0.587 * 100 + 0.114 * 50), images.images().value(0, 0));
    assertEquals(255, images.images().value(1, 3));
  }

  @Test
  void resizingReadImagesIsTheResizingOfReadingThem() throws IOException {
    BufferedImage gradient = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 8; x++) {
        gradient.setRGB(x, y, new Color(x * 30, y * 40, 255 - x * y * 5).getRGB());
      }
    }
    Files.createDirectories(base.resolve("ramp/a"));
    ImageIO.write(gradient, "png", base.resolve("ramp/a/x.png").toFile());
    image("ramp/b/y.png", 8, 6, new Color(10, 20, 30), "png");
    for (int channels : new int[] {3, 1}) {
      ImageFolderReader reader = new ImageFolderReader(base);
      LabelledImages direct = reader.read("ramp",
          ImageSource.folder("ramp", 3, 5).channels(channels));
      LabelledImages resized = reader.read("ramp",
          ImageSource.folder("ramp", 6, 8).channels(channels)).resized(3, 5);
      assertEquals(3 * 5 * channels, resized.images().values());
      // Java2D rounds a decoded PNG's pixels and packed RGB's a little apart, and the luma of a
      // resize is the resize of the luma up to rounding: within 1 of 255.
      for (int i = 0; i < direct.images().values(); i++) {
        assertEquals(direct.images().value(0, i), resized.images().value(0, i), 1, "value " + i);
        assertEquals(direct.images().value(1, i), resized.images().value(1, i), 1, "value " + i);
      }
      assertArrayEquals(direct.labels(), resized.labels());
    }
  }

  @Test
  void aMissingFolderSaysWhereItLooked() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new ImageFolderReader(base).read("pets", ImageSource.folder("data/pets", 4, 4)));
    assertEquals("pets: @ImageData(directory = \"data/pets\") is not a folder: looked for "
        + base.resolve("data/pets").toAbsolutePath() + " (relative to the project's base directory "
        + base.toAbsolutePath() + "). Create it with one sub-folder of images per class, or fix"
        + " the path.", e.getMessage());
  }

  @Test
  void oneClassIsNotEnough() throws IOException {
    image("pets/cat/a.png", 2, 2, Color.RED, "png");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new ImageFolderReader(base).read("pets", ImageSource.folder("pets", 4, 4)));
    assertEquals("pets: the image folder " + base.resolve("pets") + " has 1 class folder (cat);"
        + " a classifier needs at least 2: put each class's images in a sub-folder named by the"
        + " class.", e.getMessage());
  }

  @Test
  void anEmptyClassFolderIsNamed() throws IOException {
    image("pets/cat/a.png", 2, 2, Color.RED, "png");
    Files.createDirectories(base.resolve("pets/dog"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new ImageFolderReader(base).read("pets", ImageSource.folder("pets", 4, 4)));
    assertEquals("pets: the class folder " + base.resolve("pets/dog") + " holds no PNG or JPEG"
        + " image; add images or remove the folder.", e.getMessage());
  }

  @Test
  void anUnreadableImageIsNamed() throws IOException {
    image("pets/cat/a.png", 2, 2, Color.RED, "png");
    Files.createDirectories(base.resolve("pets/dog"));
    Files.writeString(base.resolve("pets/dog/broken.jpg"), "not a JPEG");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new ImageFolderReader(base).read("pets", ImageSource.folder("pets", 4, 4)));
    assertEquals("pets: the image " + base.resolve("pets/dog/broken.jpg") + " cannot be read as"
        + " PNG or JPEG; replace or delete the file.", e.getMessage());
  }
}
