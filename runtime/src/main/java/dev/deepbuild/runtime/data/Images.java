package dev.deepbuild.runtime.data;

import java.util.Arrays;

/**
 * Images of one size held compactly: one unsigned byte per value (0-255), each image's values
 * channel by channel (channels, height, width), as DL4J's NCHW minibatches want them, so a
 * minibatch is a scaled copy. 70,000 MNIST digits are 55 MB here, against 220 MB as floats.
 */
public final class Images {
  private final int height;
  private final int width;
  private final int channels;
  private byte[] pixels;
  private int count;

  /** An empty set of {@code height} x {@code width} images of {@code channels}, room for {@code capacity}. */
  public Images(int height, int width, int channels, int capacity) {
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.pixels = new byte[Math.multiplyExact(Math.max(capacity, 1), values())];
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public int channels() {
    return channels;
  }

  /** The number of values of one image. */
  public int values() {
    return height * width * channels;
  }

  /** The number of images. */
  public int size() {
    return count;
  }

  /**
   * Adds an image whose values {@code value(i)} gives in height-width-channel order (the order
   * image files and most datasets keep), each 0-255.
   */
  public void addHwc(HwcValues value) {
    int at = reserve();
    int plane = height * width;
    for (int y = 0, i = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < channels; c++, i++) {
          pixels[at + c * plane + y * width + x] = (byte) value.at(i);
        }
      }
    }
  }

  /** The image's values 0-255 in height-width-channel order. */
  @FunctionalInterface
  public interface HwcValues {
    int at(int index);
  }

  /** Value {@code index} (channel, row, column order) of image {@code image}, 0-255. */
  public int value(int image, int index) {
    return pixels[image * values() + index] & 0xFF;
  }

  /**
   * Writes image {@code image} into {@code into} from {@code at}, channel by channel, each value as
   * {@code value * scale + offset}.
   */
  public void copyScaled(int image, float[] into, int at, float scale, float offset) {
    int from = image * values();
    for (int i = 0, n = values(); i < n; i++) {
      into[at + i] = (pixels[from + i] & 0xFF) * scale + offset;
    }
  }

  /** These images, every {@code rows} in order; for a reader's own splits and tests. */
  public Images select(int[] rows) {
    Images selected = new Images(height, width, channels, rows.length);
    for (int row : rows) {
      System.arraycopy(pixels, row * values(), selected.pixels, selected.reserve(), values());
    }
    return selected;
  }

  private int reserve() {
    int at = count * values();
    if (at + values() > pixels.length) {
      pixels = Arrays.copyOf(pixels, Math.max(pixels.length * 2, at + values()));
    }
    count++;
    return at;
  }
}
