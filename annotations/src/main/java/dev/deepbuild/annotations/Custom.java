package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A layer of the user's own class, used as a built-in one: Keras's subclassed layer. The class is
 * public, has a public no-argument constructor (the generated code and DL4J's model reader call
 * it), and extends one of DL4J's {@code org.deeplearning4j.nn.conf.layers.samediff} types:
 * {@code SameDiffLambdaLayer} (a function of its input, without parameters), {@code SameDiffLayer}
 * (a layer with weights) or, in a functional model, {@code SameDiffLambdaVertex} (a function of
 * two or more inputs, named by {@code from}).
 *
 * <p>The processor infers shapes without running the class, so the annotation declares its
 * output; once DL4J has built the network, the runtime checks that the class's own {@code
 * getOutputType} gives that shape, and that it holds {@code params} parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Custom {
  /** The layer's class. */
  Class<?> value();

  /**
   * The size of its output: 0 (the default) for the shape of its input (of its inputs, which then
   * have one shape, for a vertex), N for a feature vector of N values.
   */
  int units() default 0;

  /**
   * The number of parameters it holds, which the summary shows: 0 for a lambda layer or vertex,
   * the count its {@code defineParameters} allocates for a {@code SameDiffLayer}.
   */
  long params() default 0;

  /**
   * In a functional model, what it takes, by field name: the one layer or input a layer takes
   * (empty, the default, takes the field declared just before), or the two or more a vertex
   * joins.
   */
  String[] from() default {};
}
