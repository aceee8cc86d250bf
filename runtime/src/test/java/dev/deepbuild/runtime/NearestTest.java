package dev.deepbuild.runtime;

import dev.deepbuild.naming.Nearest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearestTest {
  @Test
  void aMisspellingIsNearAndAnUnrelatedNameIsNot() {
    List<String> columns = List.of("sepal_length", "sepal_width", "species");
    assertEquals(Optional.of("species"), Nearest.near("Specie", columns));
    assertEquals(Optional.of("sepal_width"), Nearest.near("sepal_widht", columns));
    assertEquals(Optional.empty(), Nearest.near("price", columns));
    assertEquals(Optional.empty(), Nearest.near("label", columns));
    assertEquals(Optional.of("species"), Nearest.to("label", columns));
    assertEquals(Optional.of("TEST"), Nearest.near("TESTING", List.of("TRAIN", "TEST")));
  }

  @Test
  void didYouMeanIsSaidOnlyForANearName() {
    assertEquals(" Did you mean ACCURACY?", Nearest.didYouMean("ACURACY", List.of("LOSS", "ACCURACY")));
    assertEquals("", Nearest.didYouMean("PERPLEXITY", List.of("LOSS", "ACCURACY")));
  }
}
