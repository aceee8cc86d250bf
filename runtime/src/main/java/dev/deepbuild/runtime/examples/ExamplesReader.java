package dev.deepbuild.runtime.examples;

import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.CsvTable;
import dev.deepbuild.runtime.data.CsvTableReader;
import dev.deepbuild.runtime.data.DataSource;
import dev.deepbuild.runtime.data.ImageSource;
import dev.deepbuild.runtime.data.ProvidedSource;
import dev.deepbuild.runtime.data.TextSource;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import dev.deepbuild.runtime.datasets.read.FieldedTexts;
import dev.deepbuild.runtime.datasets.read.ImageFolderReader;
import dev.deepbuild.runtime.datasets.read.TextDataReader;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.text.PreparedTextCache;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads a model's samples from whichever source it names. */
public final class ExamplesReader {
  private final Path baseDir;
  private final ClassLoader resources;
  private final TrainingLog log;

  /**
   * @param baseDir the project's base directory, against which relative paths resolve
   * @param resources the class loader that classpath data is read from
   * @param log where fetching and caching say what they did
   */
  public ExamplesReader(Path baseDir, ClassLoader resources, TrainingLog log) {
    this.baseDir = baseDir;
    this.resources = resources;
    this.log = log;
  }

  public Examples read(ModelSpec spec) {
    return spec.data().accept(new DataSource.Visitor<Examples, RuntimeException>() {
      @Override
      public Examples csv(CsvSource csv) {
        CsvTableReader tables = new CsvTableReader(baseDir, resources);
        CsvTable table = tables.read(spec.name(), csv);
        if (spec.functional()) {
          return new ColumnExamples(spec, table, Optional.ofNullable(spec.validationData())
              .map(validation -> tables.read(spec.name(), validation)));
        }
        return spec.validationData() == null ? CsvExamples.of(spec.name(), table)
            : CsvExamples.withValidation(spec.name(), table,
                tables.read(spec.name(), spec.validationData()));
      }

      @Override
      public Examples builtin(BuiltinSource builtin) {
        DatasetStore store = DatasetStore.configured(baseDir, null, progress(spec));
        return BuiltinExamples.read(spec, builtin, store, cache(spec));
      }

      @Override
      public Examples text(TextSource text) {
        if (spec.functional()) {
          FieldedTexts fields = new TextDataReader(baseDir).readFields(spec.name(), text,
              spec.inputs().stream().map(InputSpec::field).toList(),
              spec.outputs().stream().map(OutputSpec::field).toList());
          return new FieldExamples(spec, fields, text.describe(), Optional.empty(), cache(spec));
        }
        return new TextExamples(spec.name(), new TextDataReader(baseDir).read(spec.name(), text),
            text.describe(), spec.vectorization(), Optional.empty(), cache(spec));
      }

      @Override
      public Examples provided(ProvidedSource provided) {
        return new ProvidedExamples(spec, provided);
      }

      @Override
      public Examples image(ImageSource image) {
        return NamedImageExamples.of(spec, new ImageExamples(spec,
            new ImageFolderReader(baseDir).read(spec.name(), image), image.describe(),
            Optional.empty()));
      }
    });
  }

  private PreparedTextCache cache(ModelSpec spec) {
    return PreparedTextCache.inDefaultDirectory(progress(spec));
  }

  /** Fetching and caching progress, as log lines that name the model. */
  private Consumer<String> progress(ModelSpec spec) {
    return line -> log.info(spec.name() + ": " + line);
  }
}
