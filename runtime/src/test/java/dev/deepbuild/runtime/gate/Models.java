package dev.deepbuild.runtime.gate;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.KFoldSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Models for rule tests: only their specs matter, so their networks are never built. */
final class Models {
  private Models() {}

  /** A classifier with a validation split and a test accuracy threshold of 0.9. */
  static ModelSpec iris() {
    return ModelSpec.builder("iris").data(CsvSource.resource("iris.dat").labelIndex(4))
        .split(0.2, 0.2).classification(3)
        .threshold(ThresholdSpec.min(Metric.ACCURACY, 0.9))
        .build();
  }

  /** A classifier that validates on a table of its own rather than on held-out rows. */
  static ModelSpec irisWithValidationTable() {
    return ModelSpec.builder("tabled").data(CsvSource.resource("iris.dat").labelIndex(4))
        .split(0.2, 0).validationData(CsvSource.resource("iris-validation.dat").labelIndex(4))
        .classification(3)
        .build();
  }

  /** A classifier with neither validation rows nor a validation table. */
  static ModelSpec irisWithoutValidation() {
    return ModelSpec.builder("plain").data(CsvSource.resource("iris.dat").labelIndex(4))
        .split(0.2, 0).classification(3)
        .build();
  }

  /** A regressor with k-fold validation and no validation split. */
  static ModelSpec boston() {
    return ModelSpec.builder("boston").data(CsvSource.resource("boston.csv").labelIndex(13))
        .split(0.2, 0).regression().kFold(KFoldSpec.folds(4))
        .threshold(ThresholdSpec.max(Metric.MAE, 2.9))
        .threshold(ThresholdSpec.max(Metric.MAE, 2.9).on(DataSplit.KFOLD_MEAN))
        .build();
  }

  static Map<String, ModelDefinition> of(ModelSpec... specs) {
    Map<String, ModelDefinition> models = new LinkedHashMap<>();
    for (ModelSpec spec : specs) {
      models.put(spec.name(), Definitions.of(spec, inputs -> {
        throw new UnsupportedOperationException("rules need no network");
      }));
    }
    return models;
  }
}
