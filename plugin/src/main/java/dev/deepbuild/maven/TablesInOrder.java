package dev.deepbuild.maven;

import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.summary.LayerTable;
import java.util.List;
import java.util.Map;

/**
 * {@code dl:summary}'s tables in the order of the models, whichever prints them: the compiled
 * tables this prints itself, and those the training JVM prints, whose output passes through here.
 * A compiled table is printed when the JVM starts the table of a model after it, or at the end.
 */
final class TablesInOrder implements TrainingLog {
  private final List<String> models;
  private final Map<String, List<String>> compiled;
  private final TrainingLog log;
  private int next;

  /**
   * @param models every model, in the order to print them
   * @param compiled the compiled table of each model that has one; the JVM prints the others'
   */
  TablesInOrder(List<String> models, Map<String, List<String>> compiled, TrainingLog log) {
    this.models = List.copyOf(models);
    this.compiled = Map.copyOf(compiled);
    this.log = log;
  }

  /** A line of the training JVM's output, after the compiled tables of the models before it. */
  @Override
  public synchronized void info(String line) {
    LayerTable.titled(line)
        .filter(model -> !compiled.containsKey(model))
        .filter(model -> models.subList(next, models.size()).contains(model))
        .ifPresent(model -> {
          printUpTo(model);
          next++;
        });
    log.info(line);
  }

  /** Prints the compiled tables not printed yet. */
  synchronized void finish() {
    printUpTo(null);
  }

  /** Prints the compiled tables of the models up to {@code model}, or to the end for null. */
  private void printUpTo(String model) {
    for (; next < models.size() && !models.get(next).equals(model); next++) {
      compiled.getOrDefault(models.get(next), List.of()).forEach(log::info);
    }
  }
}
