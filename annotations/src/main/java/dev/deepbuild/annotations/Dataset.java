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

  /**
   * The dataset's class indices kept, in the order listed, such as {@code {5, 6, 7, 8, 9}} of
   * {@code MNIST}: both splits keep only those classes' samples (the test split is the dataset's
   * own, filtered), their labels become 0 to n-1 in the order listed, and the model has n classes.
   * At least 2 distinct indices of the dataset's classes; empty (the default) keeps them all. For
   * a classification dataset read by a sequential model ({@link SubsetProblem} has the rules).
   */
  int[] classes() default {};

  /**
   * How many samples of the (kept) training split to train on, before {@link #validation()} is
   * held out: an equal share of each class (the leftover rows to the classes with rows left),
   * chosen with the model's seed, so every build picks the same ones. At least one per kept class;
   * 0 (the default) keeps them all.
   */
  int trainingSamples() default 0;
}
