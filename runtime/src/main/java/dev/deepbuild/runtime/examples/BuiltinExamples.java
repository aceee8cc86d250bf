package dev.deepbuild.runtime.examples;

import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.FixedTestSplit;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import dev.deepbuild.runtime.datasets.read.BostonHousingReader;
import dev.deepbuild.runtime.datasets.read.CatsVsDogsReader;
import dev.deepbuild.runtime.datasets.read.FashionMnistReader;
import dev.deepbuild.runtime.datasets.read.MnistReader;
import dev.deepbuild.runtime.datasets.read.ImdbReader;
import dev.deepbuild.runtime.datasets.read.LabelledImages;
import dev.deepbuild.runtime.datasets.read.LabelledTexts;
import dev.deepbuild.runtime.datasets.read.ReutersReader;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.text.PreparedTextCache;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The built-in datasets as examples, each with the test split every model of it shares. Splits
 * use Keras's seed for these datasets, 113, and Keras's sizes where Keras has a split: Boston's
 * 102 test rows and Reuters's 20%; IMDB, which Keras splits by its source's halves, is split in
 * half, stratified. MNIST has its official 10,000 test digits; Fashion-MNIST, which has no split
 * of its own, a stratified 10,000 of its 70,000 images; cats vs dogs 20%, stratified.
 */
final class BuiltinExamples {
  private static final long SPLIT_SEED = 113;
  /** Fashion-MNIST's test split: as many images as the original's, 10,000 of 70,000. */
  private static final double FASHION_MNIST_TEST = 10_000;
  private static final double FASHION_MNIST_IMAGES = 70_000;

  private BuiltinExamples() {}

  /**
   * A subset ({@code @Dataset(classes, trainingSamples)}) keeps its rows of the whole dataset's
   * test split and of its training split ({@link DatasetSubset}).
   */
  static Examples read(ModelSpec spec, BuiltinSource builtin, DatasetStore store,
      PreparedTextCache cache) {
    BuiltinDataset dataset = builtin.dataset();
    Path tarball = store.tarball(DatasetCatalog.of(dataset));
    String source = "built-in dataset " + DatasetCatalog.of(dataset).describe();
    DatasetSubset.check(spec.name(), builtin, spec.functional());
    if (spec.functional() && dataset.imageShape().isEmpty()) {
      return fields(spec, dataset, tarball, source, cache);
    }
    return switch (dataset) {
      case IMDB -> texts(spec, builtin, ImdbReader.read(tarball), source,
          new FixedTestSplit(0.5, SPLIT_SEED), cache);
      case REUTERS -> texts(spec, builtin, ReutersReader.read(tarball), source,
          new FixedTestSplit(0.2, SPLIT_SEED), cache);
      case BOSTON_HOUSING -> CsvExamples.withTestSplit(spec.name(), BostonHousingReader.read(tarball),
          new FixedTestSplit(102.0 / 506, SPLIT_SEED));
      case MNIST -> images(spec, builtin, MnistReader.read(tarball), source,
          FixedTestSplit.ofRows(IntStream.range(MnistReader.TRAINING,
              MnistReader.TRAINING + MnistReader.TEST).toArray()));
      case FASHION_MNIST -> images(spec, builtin, FashionMnistReader.read(tarball), source,
          new FixedTestSplit(FASHION_MNIST_TEST / FASHION_MNIST_IMAGES, SPLIT_SEED));
      case CATS_VS_DOGS -> images(spec, builtin, CatsVsDogsReader.read(tarball), source,
          new FixedTestSplit(0.2, SPLIT_SEED));
    };
  }

  private static Examples images(ModelSpec spec, BuiltinSource builtin, LabelledImages images,
      String source, FixedTestSplit test) {
    if (builtin.whole()) {
      return NamedImageExamples.of(spec, new ImageExamples(spec, images, source,
          Optional.of(test)));
    }
    DatasetSubset subset = DatasetSubset.of(spec.name(), builtin, images.labels(),
        images.classNames(), test, spec.seed());
    return NamedImageExamples.of(spec, new ImageExamples(spec,
        new LabelledImages(images.images().select(subset.rows()), subset.labels(),
            subset.classNames()), subset.describe(source), Optional.of(subset.testSplit())));
  }

  /** Texts; a subset's labels keep the order its classes are listed in. */
  private static Examples texts(ModelSpec spec, BuiltinSource builtin, LabelledTexts texts,
      String source, FixedTestSplit test, PreparedTextCache cache) {
    if (builtin.whole()) {
      return new TextExamples(spec.name(), texts, source, spec.vectorization(), Optional.of(test),
          cache);
    }
    DatasetSubset subset = DatasetSubset.of(spec.name(), builtin, texts.labels(),
        texts.classNames(), test, spec.seed());
    LabelledTexts kept = new LabelledTexts(
        Arrays.stream(subset.rows()).mapToObj(texts.texts()::get).toList(), subset.labels(),
        subset.classNames());
    return TextExamples.indexed(spec.name(), kept, subset.describe(source), spec.vectorization(),
        Optional.of(subset.testSplit()), cache);
  }

  /**
   * A functional model's fields of a text dataset, split as the sequential models of it are; an
   * image dataset's are its images and labels ({@link NamedImageExamples}).
   */
  private static Examples fields(ModelSpec spec, BuiltinDataset dataset, Path tarball,
      String source, PreparedTextCache cache) {
    return switch (dataset) {
      case REUTERS -> new FieldExamples(spec, ReutersReader.readFields(tarball), source,
          Optional.of(new FixedTestSplit(0.2, SPLIT_SEED)), cache);
      case IMDB, BOSTON_HOUSING, MNIST, FASHION_MNIST, CATS_VS_DOGS ->
          throw new InvalidInputException(spec.name() + ": " + source
          + " has no fields for named inputs and outputs; declare the model's layers without"
          + " @Input and @Output, as a sequential model.");
    };
  }
}
