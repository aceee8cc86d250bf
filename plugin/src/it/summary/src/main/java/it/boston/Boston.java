package it.boston;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.BuiltinDataset.BOSTON_HOUSING;
import static dev.deepbuild.annotations.Loss.MEAN_SQUARED_ERROR;
import static dev.deepbuild.annotations.Metric.MAE;
import static dev.deepbuild.annotations.OptimizerType.RMSPROP;

import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Standardize;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/** A built-in table of 13 features: its shapes are known at compile time, so no JVM reads it. */
@Model(name = "boston")
@Dataset(BOSTON_HOUSING)
@Standardize
@Train(epochs = 5, batchSize = 16, optimizer = @Optimizer(RMSPROP), loss = MEAN_SQUARED_ERROR)
@Threshold(metric = MAE, max = 10)
class Boston {
  @Dense(units = 16, activation = RELU)
  Layer hidden;

  @Dense(units = 1)
  Layer output;
}
