package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * K-fold cross-validation of the training split, as the book does for Boston housing: {@code k}
 * models, each validated on one fold after training on the others, report per-epoch validation
 * metrics averaged across folds with their spread; then a final model is fitted on the whole
 * training split, for {@link Train#epochs()} or, with {@code finalEpochs = BEST_MEAN}, for the epoch
 * with the best mean validation value, and evaluated on the test split. Each fold's features (a
 * text vocabulary) and standardization are fitted on its training part only. Folds are stratified
 * for classification and fixed by the model's seed. Thresholds can target the folds with
 * {@link DataSplit#KFOLD_MEAN} and {@link DataSplit#KFOLD_WORST}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface KFold {
  /** The number of folds, at least 2. */
  int k() default 4;

  /**
   * How many times the whole K-fold runs, each time on a new shuffle of the training split
   * (iterated K-fold); the fold statistics then cover {@code k * iterations} models.
   */
  int iterations() default 1;

  /**
   * How many epochs the final model trains for: {@link FinalEpochs#DECLARED}, those of
   * {@code @Train}; or {@link FinalEpochs#BEST_MEAN}, the epoch with the best mean validation value
   * across the folds, which then train for {@code @Train}'s epochs as the most worth trying.
   */
  FinalEpochs finalEpochs() default FinalEpochs.DECLARED;
}
