package dev.deepbuild.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.BuiltinDataset;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DataSourceTest {
  /** Names the method a source visits, so each source is seen to reach its own. */
  private static final DataSource.Visitor<String, RuntimeException> KIND = new DataSource.Visitor<>() {
    @Override
    public String csv(CsvSource source) {
      return "csv " + source.location();
    }

    @Override
    public String builtin(BuiltinSource source) {
      return "builtin " + source.dataset();
    }

    @Override
    public String text(TextSource source) {
      return "text " + source.location();
    }

    @Override
    public String provided(ProvidedSource source) {
      return "provided " + source.provider().getSimpleName();
    }

    @Override
    public String image(ImageSource source) {
      return "image " + source.directory();
    }
  };

  @Test
  void everyKindOfSourceHasAVisitorMethodOfItsOwn() {
    Set<Class<?>> visited = Arrays.stream(DataSource.Visitor.class.getDeclaredMethods())
        .map(Method::getParameterTypes)
        .map(parameters -> parameters[0])
        .collect(Collectors.toSet());
    assertEquals(Set.of(DataSource.class.getPermittedSubclasses()), visited);
    assertEquals(visited.size(), DataSource.Visitor.class.getDeclaredMethods().length);
  }

  @Test
  void eachSourceVisitsItsOwnMethod() {
    assertEquals(List.of("csv iris.dat", "builtin IMDB", "text data/reviews", "image photos"),
        List.of(CsvSource.resource("iris.dat").accept(KIND),
            BuiltinSource.of(BuiltinDataset.IMDB).accept(KIND),
            TextSource.folder("data/reviews").accept(KIND),
            ImageSource.folder("photos", 32, 32).accept(KIND)));
  }

  @Test
  void shortNamesAreLocationsOrTheDatasetsDescription() {
    assertEquals(List.of("data/iris.csv", "built-in dataset boston-housing", "texts.json"),
        List.of(CsvSource.file("data/iris.csv").shortName(),
            BuiltinSource.of(BuiltinDataset.BOSTON_HOUSING).shortName(),
            TextSource.file("texts.json").shortName()));
  }
}
