package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The functional model's data comes from your own code: a public class with a public no-argument
 * constructor that implements the runtime's {@code dev.deepbuild.runtime.data.MultiDataProvider}
 * and returns every sample at once, a features array per {@link Input} (of its
 * {@link Input#width()}) and a labels array per {@link Output}, in declaration order. The samples
 * are shuffled, split (stratified by the first output when it classifies) and seeded exactly as a
 * table's rows are.
 *
 * <pre>{@code
 * @ProvidedData(SensorReadings.class)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ProvidedData {
  /** The provider class. */
  Class<?> value();

  /** How the samples are split into training, validation and test data. */
  Split split() default @Split;
}
