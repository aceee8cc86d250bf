package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.model.AugmentationSpec;
import java.util.SplittableRandom;

/**
 * Changes training images at random as {@code @Augmentation} declares, in place, on minibatches of
 * float values laid out image by image, channel by channel (NCHW). Per image, in this order and
 * with these draws (Keras's layers' meanings): a horizontal and a vertical flip, each with
 * probability 1/2; a rotation by {@code u * rotation} of a full turn, counter-clockwise for
 * positive {@code u}; a zoom by {@code 1 + u * zoom} (above 1 zooms out); a shift by {@code u *
 * translation} of the height and of the width; a contrast factor {@code 1 + u * contrast} applied
 * to each channel's deviation from its mean, clipped to the value range; each {@code u} uniform in
 * [-1, 1). Rotation, zoom and shift are one bilinear resampling about the image's centre, with
 * Keras's default fill, reflection ({@code d c b a | a b c d | d c b a}). One scratch image is
 * allocated once; nothing else is allocated per batch.
 */
final class ImageAugmenter {
  private final AugmentationSpec spec;
  private final int height;
  private final int width;
  private final int channels;
  private final float low;
  private final float high;
  private final float[] scratch;

  /**
   * @param low the smallest value an image can have after scaling, for contrast's clipping
   * @param high the largest
   */
  ImageAugmenter(AugmentationSpec spec, int height, int width, int channels, float low,
      float high) {
    this.spec = spec;
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.low = low;
    this.high = high;
    this.scratch = new float[height * width * channels];
  }

  /** Changes the first {@code images} images of {@code batch}, drawing from {@code random}. */
  void augment(float[] batch, int images, SplittableRandom random) {
    int values = scratch.length;
    for (int i = 0; i < images; i++) {
      augmentOne(batch, i * values, random);
    }
  }

  private void augmentOne(float[] batch, int at, SplittableRandom random) {
    if (spec.flip().horizontal() && random.nextBoolean()) {
      flipHorizontal(batch, at, channels, height, width);
    }
    if (spec.flip().vertical() && random.nextBoolean()) {
      flipVertical(batch, at, channels, height, width);
    }
    if (spec.geometric()) {
      double turn = spec.rotation() > 0 ? spec.rotation() * symmetric(random) : 0;
      double zoom = spec.zoom() > 0 ? 1 + spec.zoom() * symmetric(random) : 1;
      double shiftY = spec.translation() > 0 ? spec.translation() * symmetric(random) * height : 0;
      double shiftX = spec.translation() > 0 ? spec.translation() * symmetric(random) * width : 0;
      System.arraycopy(batch, at, scratch, 0, scratch.length);
      resample(scratch, batch, at, channels, height, width, turn * 2 * Math.PI, zoom, shiftY,
          shiftX);
    }
    if (spec.contrast() > 0) {
      contrast(batch, at, channels, height, width, 1 + spec.contrast() * symmetric(random), low,
          high);
    }
  }

  private static double symmetric(SplittableRandom random) {
    return random.nextDouble(-1, 1);
  }

  /** Mirrors one image left to right. */
  static void flipHorizontal(float[] data, int at, int channels, int height, int width) {
    for (int row = 0; row < channels * height; row++) {
      int start = at + row * width;
      for (int left = start, right = start + width - 1; left < right; left++, right--) {
        float swap = data[left];
        data[left] = data[right];
        data[right] = swap;
      }
    }
  }

  /** Mirrors one image top to bottom. */
  static void flipVertical(float[] data, int at, int channels, int height, int width) {
    for (int c = 0; c < channels; c++) {
      int plane = at + c * height * width;
      for (int top = 0, bottom = height - 1; top < bottom; top++, bottom--) {
        for (int x = 0; x < width; x++) {
          int a = plane + top * width + x;
          int b = plane + bottom * width + x;
          float swap = data[a];
          data[a] = data[b];
          data[b] = swap;
        }
      }
    }
  }

  /**
   * Writes into {@code into} from {@code at} the image {@code from} rotated counter-clockwise by
   * {@code angle} radians, scaled by {@code 1 / zoom} and shifted down by {@code shiftY} and right
   * by {@code shiftX} pixels: each output pixel samples the input, bilinearly, where the inverse of
   * that mapping puts it, reflected into the image when it falls outside.
   */
  static void resample(float[] from, float[] into, int at, int channels, int height, int width,
      double angle, double zoom, double shiftY, double shiftX) {
    double cy = (height - 1) / 2.0;
    double cx = (width - 1) / 2.0;
    double cos = Math.cos(angle) * zoom;
    double sin = Math.sin(angle) * zoom;
    int plane = height * width;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double dy = y - shiftY - cy;
        double dx = x - shiftX - cx;
        // The inverse of a counter-clockwise turn on screen (y pointing down).
        double sx = reflect(cx + cos * dx - sin * dy, width);
        double sy = reflect(cy + sin * dx + cos * dy, height);
        int x0 = (int) sx;
        int y0 = (int) sy;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        float fx = (float) (sx - x0);
        float fy = (float) (sy - y0);
        for (int c = 0; c < channels; c++) {
          int p = c * plane;
          float top = from[p + y0 * width + x0] * (1 - fx) + from[p + y0 * width + x1] * fx;
          float bottom = from[p + y1 * width + x0] * (1 - fx) + from[p + y1 * width + x1] * fx;
          into[at + p + y * width + x] = top * (1 - fy) + bottom * fy;
        }
      }
    }
  }

  /**
   * A coordinate reflected into [0, size - 1], the image's edges at -0.5 and size - 0.5 as
   * TensorFlow's reflect mode has them, so the edge pixel repeats.
   */
  static double reflect(double coordinate, int size) {
    double period = 2.0 * size;
    double t = (coordinate + 0.5) % period;
    if (t < 0) {
      t += period;
    }
    if (t >= size) {
      t = period - t;
    }
    return Math.min(Math.max(t - 0.5, 0), size - 1);
  }

  /** Scales each channel's deviations from its mean by {@code factor}, clipped to [low, high]. */
  static void contrast(float[] data, int at, int channels, int height, int width, double factor,
      float low, float high) {
    int plane = height * width;
    for (int c = 0; c < channels; c++) {
      int start = at + c * plane;
      double sum = 0;
      for (int i = start; i < start + plane; i++) {
        sum += data[i];
      }
      float mean = (float) (sum / plane);
      float f = (float) factor;
      for (int i = start; i < start + plane; i++) {
        data[i] = Math.min(high, Math.max(low, (data[i] - mean) * f + mean));
      }
    }
  }
}
