package dev.deepbuild.runtime.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.DataSource;
import dev.deepbuild.runtime.data.TextSource;
import dev.deepbuild.runtime.model.ModelSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Only a model trained on a CSV table can be evaluated on another CSV file. */
class CsvEvaluationDataTest {
  private final CsvEvaluationData data =
      new CsvEvaluationData(Path.of("."), getClass().getClassLoader());

  @Test
  void aBuiltinDatasetIsRefusedWithTheFix() {
    assertEquals("imdb: -Ddl.evaluate.data takes a CSV file for models with @CsvData, but imdb"
            + " reads built-in dataset imdb. Leave dl.evaluate.data unset to evaluate it on its test"
            + " split, or select only @CsvData models with -Ddl.models.",
        refusal("imdb", BuiltinSource.of(BuiltinDataset.IMDB)));
  }

  @Test
  void textsAreRefusedWithTheFix() {
    assertEquals("reviews: -Ddl.evaluate.data takes a CSV file for models with @CsvData, but"
            + " reviews reads text folder data/reviews. Leave dl.evaluate.data unset to evaluate it"
            + " on its test split, or select only @CsvData models with -Ddl.models.",
        refusal("reviews", TextSource.folder("data/reviews")));
  }

  private String refusal(String model, DataSource source) {
    ModelSpec spec = ModelSpec.builder(model).data(source).build();
    return assertThrows(InvalidInputException.class,
        () -> data.read(spec, Path.of("other.csv"), null, DataType.FLOAT)).getMessage();
  }
}
