package dev.deepbuild.build.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasesFirstTest {
  private static final Map<String, String> BASES = Map.of("a-tuned", "z-base", "m-frozen", "z-base");

  private static List<String> order(List<String> models) {
    return BasesFirst.order(models, model -> model, model -> Optional.ofNullable(BASES.get(model)));
  }

  @Test
  void aModelComesAfterTheModelItBuildsOnAndTheOthersKeepTheirOrder() {
    assertEquals(List.of("b", "z-base", "a-tuned", "m-frozen"),
        order(List.of("a-tuned", "b", "m-frozen", "z-base")));
  }

  @Test
  void aBaseThatIsNotSelectedLeavesTheOrderAsItIs() {
    assertEquals(List.of("m-frozen", "a-tuned", "b"), order(List.of("m-frozen", "a-tuned", "b")));
  }
}
