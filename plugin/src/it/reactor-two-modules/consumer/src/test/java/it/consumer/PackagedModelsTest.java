package it.consumer;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The models alpha's and beta's jars packaged are on this module's class path, with metadata. */
class PackagedModelsTest {
  @Test
  void eachDependencysModelLoadsFromTheClassPath() throws IOException {
    for (String model : new String[] {"alpha", "beta"}) {
      String resource = "META-INF/deepbuild/" + model + "/model.zip";
      boolean metadata = false;
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
        assertNotNull(in, resource + " is not on the class path");
        try (ZipInputStream zip = new ZipInputStream(in)) {
          for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            metadata |= entry.getName().equals("deepbuild/model.json");
          }
        }
      }
      assertTrue(metadata, resource + " has no deepbuild/model.json");
      System.out.println("class path holds " + resource);
    }
  }
}
