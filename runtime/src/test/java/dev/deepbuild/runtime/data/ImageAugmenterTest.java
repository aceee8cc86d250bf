package dev.deepbuild.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.Flip;
import dev.deepbuild.runtime.model.AugmentationSpec;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each change on a tiny known image, and the draws that follow from a seed. */
class ImageAugmenterTest {
  /** A 3x3 image of one channel, values 1 to 9 row by row. */
  private static float[] square() {
    return new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9};
  }

  @Test
  void aHorizontalFlipMirrorsEachRowOfEachChannel() {
    float[] image = {1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60}; // 2 channels of 2x3
    ImageAugmenter.flipHorizontal(image, 0, 2, 2, 3);
    assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4, 30, 20, 10, 60, 50, 40}, image);
  }

  @Test
  void aVerticalFlipSwapsTopAndBottom() {
    float[] image = square();
    ImageAugmenter.flipVertical(image, 0, 1, 3, 3);
    assertArrayEquals(new float[] {7, 8, 9, 4, 5, 6, 1, 2, 3}, image);
  }

  @Test
  void aQuarterTurnMovesEachCornerToTheNextCounterClockwise() {
    float[] rotated = new float[9];
    ImageAugmenter.resample(square(), rotated, 0, 1, 3, 3, 0.25 * 2 * Math.PI, 1, 0, 0);
    // Counter-clockwise: the top-right corner (3) goes to the top left, the top left (1) to the
    // bottom left, as numpy's rot90.
    float[] expected = {3, 6, 9, 2, 5, 8, 1, 4, 7};
    for (int i = 0; i < 9; i++) {
      assertEquals(expected[i], rotated[i], 1e-4, "pixel " + i + " of " + Arrays.toString(rotated));
    }
  }

  @Test
  void noTurnNoZoomNoShiftLeavesTheImageAsItIs() {
    float[] same = new float[9];
    ImageAugmenter.resample(square(), same, 0, 1, 3, 3, 0, 1, 0, 0);
    assertArrayEquals(square(), same, 1e-6f);
  }

  @Test
  void aShiftFillsByReflectionRepeatingTheEdge() {
    float[] shifted = new float[9];
    // One pixel to the right: the first column reflects the old first column (d c b a | a b c d).
    ImageAugmenter.resample(square(), shifted, 0, 1, 3, 3, 0, 1, 0, 1);
    assertArrayEquals(new float[] {1, 1, 2, 4, 4, 5, 7, 7, 8}, shifted, 1e-5f);
    assertEquals(0, ImageAugmenter.reflect(-1, 3), 1e-9);
    assertEquals(1, ImageAugmenter.reflect(-2, 3), 1e-9);
    assertEquals(2, ImageAugmenter.reflect(3, 3), 1e-9);
    assertEquals(1, ImageAugmenter.reflect(4, 3), 1e-9);
  }

  @Test
  void zoomingInByTwoSamplesTheCentreHalf() {
    float[] line = {0, 10, 20, 30, 40}; // 1x5
    float[] zoomed = new float[5];
    ImageAugmenter.resample(line, zoomed, 0, 1, 1, 5, 0, 0.5, 0, 0);
    assertArrayEquals(new float[] {10, 15, 20, 25, 30}, zoomed, 1e-4f);
  }

  @Test
  void contrastScalesEachChannelsDeviationFromItsMeanAndClips() {
    float[] image = {0, 10, 20, 30, 100, 100, 100, 100}; // 2 channels of 2x2
    ImageAugmenter.contrast(image, 0, 2, 2, 2, 2, 0, 40);
    assertArrayEquals(new float[] {0, 5, 25, 40, 40, 40, 40, 40}, image);
  }

  @Test
  void theSameSeedGivesTheSameChangesAndAnotherSeedOthers() {
    AugmentationSpec all = AugmentationSpec.none().flip(Flip.HORIZONTAL_AND_VERTICAL)
        .rotation(0.1).zoom(0.2).translation(0.1).contrast(0.3);
    float[] first = batch();
    float[] second = batch();
    float[] other = batch();
    new ImageAugmenter(all, 8, 8, 3, 0, 255).augment(first, 4, new SplittableRandom(7));
    new ImageAugmenter(all, 8, 8, 3, 0, 255).augment(second, 4, new SplittableRandom(7));
    new ImageAugmenter(all, 8, 8, 3, 0, 255).augment(other, 4, new SplittableRandom(8));
    assertArrayEquals(first, second);
    assertFalse(Arrays.equals(first, other));
    assertFalse(Arrays.equals(first, batch()));
    for (float value : first) {
      assertTrue(value >= 0 && value <= 255, "within the value range: " + value);
    }
  }

  @Test
  void factorsOutOfRangeAreRefusedWithTheRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AugmentationSpec.none().rotation(1));
    assertEquals("@Augmentation(rotation = 1): rotation is the largest turn either way as a fraction"
        + " of a full turn, in [0, 1). Set a value in [0, 1), such as rotation = 0.1, or 0 for none.",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AugmentationSpec.none().contrast(1.5));
    assertEquals(1, AugmentationSpec.none().contrast(1).contrast());
  }

  /** Four 8x8 RGB images of distinct values. */
  private static float[] batch() {
    float[] values = new float[4 * 3 * 64];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i * 37) % 256;
    }
    return values;
  }
}
