package it.boston;

import static dev.deepbuild.annotations.BuiltinDataset.BOSTON_HOUSING;
import static dev.deepbuild.annotations.Loss.MEAN_SQUARED_ERROR;

import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Pretrained;
import dev.deepbuild.annotations.Standardize;
import dev.deepbuild.annotations.Train;

/** A new head on the boston model: its name comes first, its table after its base's. */
@Model(name = "appraisal")
@Dataset(BOSTON_HOUSING)
@Standardize
@Train(epochs = 5, batchSize = 16, loss = MEAN_SQUARED_ERROR)
class Appraisal {
  @Pretrained(model = Boston.class)
  Layer base;

  @Dense(units = 1)
  Layer output;
}
