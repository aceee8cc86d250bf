package dev.deepbuild.runtime.data;

import java.util.Objects;

/**
 * The user's own images, as {@code @ImageData} describes them: a folder with one sub-folder per
 * class, each image resized to the declared size.
 *
 * @param directory the folder of class folders, relative to the project's base directory unless
 *     absolute
 * @param height the height every image is resized to
 * @param width the width every image is resized to
 * @param channels 3 for RGB, 1 for grayscale
 */
public record ImageSource(String directory, int height, int width, int channels)
    implements DataSource {

  public ImageSource {
    Objects.requireNonNull(directory, "directory");
    if (height < 1 || width < 1 || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException("images are at least 1x1 with 1 or 3 channels, not "
          + height + "x" + width + "x" + channels);
    }
  }

  /** RGB images of {@code directory}, resized to {@code height} x {@code width}. */
  public static ImageSource folder(String directory, int height, int width) {
    return new ImageSource(directory, height, width, 3);
  }

  public ImageSource channels(int channels) {
    return new ImageSource(directory, height, width, channels);
  }

  @Override
  public String describe() {
    return "image folder " + directory;
  }

  @Override
  public String shortName() {
    return directory;
  }

  @Override
  public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
    return visitor.image(this);
  }
}
