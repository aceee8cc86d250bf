package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The model's data is a built-in real dataset, as Keras's {@code imdb.load_data()}:
 * {@code @Dataset(IMDB)}. The dataset fixes the test split; the training split can give up a
 * validation fraction, or be cross-validated with {@link KFold}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Dataset {
  BuiltinDataset value();

  /**
   * The fraction of the training split held out to validate during training, in [0, 1); shuffled
   * with the model's seed and stratified for classification. 0 (the default) trains on all of it.
   */
  double validation() default 0;
}
