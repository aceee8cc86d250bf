package dev.deepbuild.samples.boston;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.BuiltinDataset.BOSTON_HOUSING;
import static dev.deepbuild.annotations.DataSplit.KFOLD_MEAN;
import static dev.deepbuild.annotations.FinalEpochs.BEST_MEAN;
import static dev.deepbuild.annotations.Loss.MEAN_SQUARED_ERROR;
import static dev.deepbuild.annotations.Metric.MAE;
import static dev.deepbuild.annotations.OptimizerType.RMSPROP;

import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.KFold;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Standardize;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * The book's regression (chapter 4): median home prices of Boston suburbs, in thousands of dollars,
 * from 13 standardized features; 4-fold validation of 130 epochs chooses the epoch count (the
 * folds' best mean validation MAE), then a final fit for that many epochs on all 404 training rows,
 * as the book does. The book reaches a test MAE of about 2.5.
 */
@Model(name = "boston", seed = 42)
@Dataset(BOSTON_HOUSING)
@Standardize
@KFold(k = 4, finalEpochs = BEST_MEAN)
@Train(epochs = 130, batchSize = 16, optimizer = @Optimizer(RMSPROP), loss = MEAN_SQUARED_ERROR)
@Threshold(metric = MAE, max = 2.9)
@Threshold(metric = MAE, max = 2.9, on = KFOLD_MEAN)
@Threshold(metric = MAE, beatBaselineBy = 4.5)
class BostonHousing {
  @Dense(units = 64, activation = RELU)
  Layer first;

  @Dense(units = 64, activation = RELU)
  Layer second;

  @Dense(units = 1)
  Layer output;
}
