package dev.deepbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.summary.LayerTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dl:summary's compiled tables among the training JVM's, in the models' order. */
class TablesInOrderTest {
  private final List<String> printed = new ArrayList<>();

  private static List<String> table(String model) {
    return List.of(LayerTable.title(model, "it." + model), model + " rows");
  }

  @Test
  void eachCompiledTableComesBeforeTheForkedTableAfterIt() {
    TablesInOrder tables = new TablesInOrder(List.of("a", "b", "c", "d", "e"),
        Map.of("a", table("a"), "c", table("c"), "e", table("e")), printed::add);

    tables.info("ND4J backend loaded");
    table("b").forEach(tables::info);
    table("d").forEach(tables::info);
    tables.finish();

    List<String> expected = new ArrayList<>(List.of("ND4J backend loaded"));
    List.of("a", "b", "c", "d", "e").forEach(model -> expected.addAll(table(model)));
    assertEquals(expected, printed);
  }

  @Test
  void aForkedModelThatPrintsNoTableLeavesTheNextCompiledOnesToTheNextTableOrTheEnd() {
    TablesInOrder tables = new TablesInOrder(List.of("a", "b", "c", "d"),
        Map.of("a", table("a"), "c", table("c")), printed::add);

    tables.info("b: summary failed: the data cannot be read");
    table("d").forEach(tables::info);
    tables.finish();

    List<String> expected = new ArrayList<>(List.of("b: summary failed: the data cannot be read"));
    List.of("a", "c", "d").forEach(model -> expected.addAll(table(model)));
    assertEquals(expected, printed);
  }

  @Test
  void aTitleReadsBackTheModelItNames() {
    assertEquals("iris", LayerTable.titled(LayerTable.title("iris", "it.iris.Iris")).orElseThrow());
    assertEquals(List.of(), LayerTable.titled("Model: iris").stream().toList());
  }
}
