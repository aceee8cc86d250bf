package dev.deepbuild.runtime.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.model.ModelIndex;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module's build works on the models of its own class output, not on a dependency's. */
class OwnModelIndexTest {
  @TempDir Path dir;

  private Path classOutput(String name, Class<?> model) throws IOException {
    Path classes = dir.resolve(name);
    Files.createDirectories(classes.resolve(ModelIndex.RESOURCE).getParent());
    Files.writeString(classes.resolve(ModelIndex.RESOURCE), model.getName() + "\n");
    return classes;
  }

  @Test
  void theProjectsOwnIndexNamesItsModelsAndADependencysIsLeftOut() throws IOException {
    Path own = classOutput("own", BlobsModel.class);
    Path dependency = classOutput("dependency", TailBlobsModel.class);
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {own.toUri().toURL(), dependency.toUri().toURL()}, getClass().getClassLoader())) {
      // Every index on the path, the test class path's own included.
      assertTrue(ModelIndex.load(loader).keySet().containsAll(List.of("blobs", "tail-blobs")));
      assertEquals(ModelIndex.load(loader).keySet(), ModelIndex.load(loader, null).keySet());
      assertEquals(List.of("blobs"), List.copyOf(ModelIndex.load(loader, own).keySet()));
      assertEquals(List.of(), List.copyOf(ModelIndex.load(loader, dir.resolve("none")).keySet()));
    }
  }
}
