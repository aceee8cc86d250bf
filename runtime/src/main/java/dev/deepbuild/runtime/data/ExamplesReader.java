package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.model.ModelSpec;
import java.nio.file.Path;

/** Reads a model's samples from whichever source it names. */
public final class ExamplesReader {
  private final Path baseDir;
  private final ClassLoader resources;

  /**
   * @param baseDir the project's base directory, against which relative paths resolve
   * @param resources the class loader that classpath data is read from
   */
  public ExamplesReader(Path baseDir, ClassLoader resources) {
    this.baseDir = baseDir;
    this.resources = resources;
  }

  public Examples read(ModelSpec spec) {
    if (spec.data() instanceof CsvSource csv) {
      return CsvExamples.of(spec.name(), new CsvTableReader(baseDir, resources).read(spec.name(), csv));
    }
    throw new UnsupportedOperationException(spec.data().describe());
  }
}
