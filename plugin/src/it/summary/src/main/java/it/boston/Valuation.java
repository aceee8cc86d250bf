package it.boston;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.BuiltinDataset.BOSTON_HOUSING;
import static dev.deepbuild.annotations.Loss.MEAN_SQUARED_ERROR;

import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Standardize;
import dev.deepbuild.annotations.Train;

/** A compiled table whose name comes after the CSV model's: printed after the fork's table. */
@Model(name = "valuation")
@Dataset(BOSTON_HOUSING)
@Standardize
@Train(epochs = 5, batchSize = 16, loss = MEAN_SQUARED_ERROR)
class Valuation {
  @Dense(units = 8, activation = RELU)
  Layer hidden;

  @Dense(units = 1)
  Layer output;
}
