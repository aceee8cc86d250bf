package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A pretrained network as the model's first layer, Keras's {@code conv_base}: the layers after it
 * are a new head trained on its output. It names exactly one base:
 *
 * <ul>
 *   <li>{@link #model}: another {@code @Model} class of the build, with the weights its training
 *       saved ({@code target/deepbuild/<name>/model.zip}); it trains first, and retraining it
 *       makes this model out of date. Its network is taken without its output layer, or up to
 *       the layer {@link #upTo} names;
 *   <li>{@link #keras}: the user's Keras model saved as HDF5 ({@code model.save("base.h5")}), by
 *       its path relative to the project's base directory, with the shape it gives declared in
 *       {@link #outputShape}, since the compiler cannot read the file;
 *   <li>{@link #catalog}: one of the catalog's networks without its top, for images of the
 *       model's image size.
 * </ul>
 *
 * <p>{@code trainable = 0} (the default) freezes every layer of the base, Keras's {@code
 * conv_base.trainable = False}: feature extraction. {@code trainable = N} trains its top {@code
 * N} layers too, at {@link #fineTuneLearningRate}: fine-tuning.
 *
 * <p>In a functional model the base is a layer of the graph on its first {@code @Input} of
 * images, Keras's {@code features = base(inputs)}, and the layers that take it are the head:
 *
 * <pre>{@code
 * @Input(field = "image") Layer digits;
 * @Pretrained(model = DigitsBase.class, from = "digits") Layer features;
 * @GlobalAveragePooling2D Layer pooled;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Pretrained {
  /** Another {@code @Model} class of the build, whose trained network is the base. */
  Class<?> model() default void.class;

  /**
   * A Keras HDF5 file relative to the project's base directory, such as {@code "base.h5"}: a
   * whole model in Keras 2's format ({@code model.save("base.h5")}), Sequential or functional.
   * The compiler checks the declaration; the runtime imports the file through DL4J's Keras
   * import, holds it to {@link #outputShape}, and retrains the model when the file changes.
   */
  String keras() default "";

  /**
   * One of the catalog's pretrained networks, such as {@code catalog = MOBILENET_V2}; an array so
   * that it can be left out, and one network at most.
   */
  PretrainedModel[] catalog() default {};

  /**
   * The base's last layer kept, by name (a field name of a {@link #model} base, a layer name of a
   * Keras file); empty (the default) keeps every layer but a {@link #model} base's output layer,
   * and every layer of a Keras file, which is the base as it was saved.
   */
  String upTo() default "";

  /**
   * The shape a {@link #keras} base gives, without the batch: {@code {256}} for a feature
   * vector, {@code {4, 4, 512}} for a feature map (height, width, channels), which the head
   * takes.
   */
  int[] outputShape() default {};

  /**
   * How many of the base's layers, from its top, train with the head: 0 freezes them all. They
   * are the layers of the base's network as it runs: a {@code @Flatten} is none (it reshapes the
   * data the next layer takes), a model's own {@code @Pretrained} base is all of its kept layers
   * (a model on {@code CatsDogsFeatures}, cut before its output layer, counts its dropout, its
   * pooling, then MobileNetV2's {@code out_relu}, {@code Conv_1_bn}, {@code Conv_1}, ...), and
   * a catalog network's are listed by {@link PretrainedModel#layers()}.
   */
  int trainable() default 0;

  /**
   * The learning rate of the base's trained layers, as Keras's fine-tuning with a low rate
   * ({@code 1e-5}); NaN (the default) trains them at the model's own rate.
   */
  double fineTuneLearningRate() default Double.NaN;

  /**
   * In a functional model, the input the base takes, by field name, as Keras's
   * {@code base(inputs)}: the model's first {@code @Input}, which nothing else takes; empty (the
   * default) takes the field declared just before.
   */
  String[] from() default {};
}
