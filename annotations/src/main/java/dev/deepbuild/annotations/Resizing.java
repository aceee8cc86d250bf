package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Resizes every image to {@code height} x {@code width} pixels, bilinearly, before the network
 * sees it, as Keras's {@code layers.Resizing(height, width)}: {@code @Resizing(96, 96)} gives a
 * pretrained base such as MobileNetV2 images large enough for useful features. The images are
 * resized once when they are read, in every split alike, and stay compact; the network's input is
 * the resized shape. It is saved with the model, so a predictor can resize new images as training
 * did. Image data only.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Resizing {
  /** The images' height after resizing, in pixels. */
  int height();

  /** The images' width after resizing, in pixels. */
  int width();
}
