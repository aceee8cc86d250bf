package dev.deepbuild.processor.writer;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.deepbuild.resources.ModelResources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The resource that lists a build's models, by which the runtime finds them: one generated class
 * name per line, sorted, in UTF-8.
 */
public final class ModelIndex {

  public static final String PATH = ModelResources.INDEX;

  private final SortedSet<String> models = new TreeSet<>();

  public void add(String generatedClass) {
    models.add(generatedClass);
  }

  /**
   * Writes the models generated in this compilation, merged with those an earlier compilation
   * listed, so that an incremental compilation of some model classes keeps the others. Writes
   * nothing when this compilation generated no model.
   */
  public void write(Filer filer) throws IOException {
    if (models.isEmpty()) {
      return;
    }
    SortedSet<String> all = new TreeSet<>(models);
    all.addAll(existing(filer));
    FileObject index = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH);
    try (Writer writer = new OutputStreamWriter(index.openOutputStream(), UTF_8)) {
      for (String model : all) {
        writer.write(model + "\n");
      }
    }
  }

  private static Set<String> existing(Filer filer) {
    Set<String> existing = new TreeSet<>();
    try {
      FileObject index = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(index.openInputStream(), UTF_8))) {
        reader.lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(existing::add);
      }
    } catch (IOException noEarlierIndex) {
      // The first compilation, or a clean one: there is nothing to merge.
    }
    return existing;
  }
}
