package dev.deepbuild.runtime.examples;

import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.runtime.data.FixedTestSplit;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import dev.deepbuild.runtime.datasets.read.BostonHousingReader;
import dev.deepbuild.runtime.datasets.read.ImdbReader;
import dev.deepbuild.runtime.datasets.read.ReutersReader;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.text.PreparedTextCache;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The built-in datasets as examples, each with the test split every model of it shares. Splits
 * use Keras's seed for these datasets, 113, and Keras's sizes where Keras has a split: Boston's
 * 102 test rows and Reuters's 20%; IMDB, which Keras splits by its source's halves, is split in
 * half, stratified.
 */
final class BuiltinExamples {
  private static final long SPLIT_SEED = 113;

  private BuiltinExamples() {}

  static Examples read(ModelSpec spec, BuiltinDataset dataset, DatasetStore store,
      PreparedTextCache cache) {
    Path tarball = store.tarball(DatasetCatalog.of(dataset));
    String source = "built-in dataset " + DatasetCatalog.of(dataset).describe();
    if (spec.functional()) {
      return fields(spec, dataset, tarball, source, cache);
    }
    return switch (dataset) {
      case IMDB -> new TextExamples(spec.name(), ImdbReader.read(tarball), source,
          spec.vectorization(), Optional.of(new FixedTestSplit(0.5, SPLIT_SEED)), cache);
      case REUTERS -> new TextExamples(spec.name(), ReutersReader.read(tarball), source,
          spec.vectorization(), Optional.of(new FixedTestSplit(0.2, SPLIT_SEED)), cache);
      case BOSTON_HOUSING -> CsvExamples.withTestSplit(spec.name(), BostonHousingReader.read(tarball),
          new FixedTestSplit(102.0 / 506, SPLIT_SEED));
      case MNIST, FASHION_MNIST, CATS_VS_DOGS -> throw new InvalidInputException(spec.name()
          + ": " + source + " is an image dataset, which this runtime cannot read yet.");
    };
  }

  /** A functional model's fields of a text dataset, split as the sequential models of it are. */
  private static Examples fields(ModelSpec spec, BuiltinDataset dataset, Path tarball,
      String source, PreparedTextCache cache) {
    return switch (dataset) {
      case REUTERS -> new FieldExamples(spec, ReutersReader.readFields(tarball), source,
          Optional.of(new FixedTestSplit(0.2, SPLIT_SEED)), cache);
      case IMDB, BOSTON_HOUSING, MNIST, FASHION_MNIST, CATS_VS_DOGS -> throw new InvalidInputException(spec.name() + ": " + source
          + " has no fields for named inputs and outputs; declare the model's layers without"
          + " @Input and @Output, as a sequential model.");
    };
  }
}
