package dev.deepbuild.runtime.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The one resizing of images, Java2D's bilinear interpolation, for {@code @ImageData}'s files as
 * they are read and for {@code @Resizing}'s images of any source, so both interpolate alike.
 * Images are drawn as RGB; grayscale is the luma {@code 0.299 R + 0.587 G + 0.114 B}, as PIL's
 * {@code L} mode, which leaves a gray pixel as it is. A transparent image is drawn on black.
 */
public final class BilinearResize {
  private BilinearResize() {}

  /** Resizes {@code image} to the size of {@code into}'s images and adds it there. */
  public static void add(BufferedImage image, Images into) {
    int height = into.height();
    int width = into.width();
    BufferedImage sized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = sized.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      graphics.drawImage(image, 0, 0, width, height, null);
    } finally {
      graphics.dispose();
    }
    int[] rgb = sized.getRGB(0, 0, width, height, null, 0, width);
    if (into.channels() == 1) {
      into.addHwc(i -> luma(rgb[i]));
    } else {
      into.addHwc(i -> (rgb[i / 3] >> (16 - 8 * (i % 3))) & 0xFF);
    }
  }

  /**
   * Every image resized to {@code height} x {@code width}, with its channels; {@code images}
   * itself when they have that size already.
   */
  public static Images resize(Images images, int height, int width) {
    if (images.height() == height && images.width() == width) {
      return images;
    }
    Images resized = new Images(height, width, images.channels(), images.size());
    BufferedImage image = new BufferedImage(images.width(), images.height(),
        BufferedImage.TYPE_INT_RGB);
    int[] rgb = new int[images.width() * images.height()];
    for (int i = 0; i < images.size(); i++) {
      pixels(images, i, rgb);
      image.setRGB(0, 0, images.width(), images.height(), rgb, 0, images.width());
      add(image, resized);
    }
    return resized;
  }

  /** Image {@code image} as packed RGB, row by row; a grayscale value in all three. */
  private static void pixels(Images images, int image, int[] rgb) {
    int plane = images.height() * images.width();
    boolean gray = images.channels() == 1;
    for (int p = 0; p < plane; p++) {
      int r = images.value(image, p);
      int g = gray ? r : images.value(image, plane + p);
      int b = gray ? r : images.value(image, 2 * plane + p);
      rgb[p] = (r << 16) | (g << 8) | b;
    }
  }

  private static int luma(int rgb) {
    int r = (rgb >> 16) & 0xFF;
    int g = (rgb >> 8) & 0xFF;
    int b = rgb & 0xFF;
    return (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
}
