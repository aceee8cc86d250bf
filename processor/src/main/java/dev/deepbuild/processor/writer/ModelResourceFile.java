package dev.deepbuild.processor.writer;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** A model's text resource in the class output: its lines, each ended by a newline, in UTF-8. */
final class ModelResourceFile {
  private ModelResourceFile() {}

  /** Writes {@code lines} to {@code path}, which the model class {@code modelClass} originates. */
  static void write(Filer filer, TypeElement modelClass, String path, List<String> lines)
      throws IOException {
    FileObject resource =
        filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, modelClass);
    try (Writer writer = new OutputStreamWriter(resource.openOutputStream(), UTF_8)) {
      for (String line : lines) {
        writer.write(line + "\n");
      }
    }
  }
}
