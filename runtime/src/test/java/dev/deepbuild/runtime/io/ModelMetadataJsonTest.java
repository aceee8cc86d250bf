package dev.deepbuild.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.annotations.Task;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelMetadataJsonTest {
  private static final ModelMetadata IRIS = new ModelMetadata("0.1.0", "iris", Task.CLASSIFICATION,
      List.of("setosa", "versicolor", "virginica"), new InputSchema.Csv(List.of(0, 1, 3),
          List.of("sepal_length", "sepal_width", "petal_width"), 2, "species", ';', true), List.of());
  private static final ModelMetadata REVIEWS = new ModelMetadata("0.1.0", "reviews",
      Task.CLASSIFICATION, List.of("neg", "pos"), new InputSchema.Text(OutputMode.INT, 5, 8, 1),
      List.of("the", "b", "a"));

  @Test
  void writesItsKeysInAFixedOrder() {
    assertEquals("""
        {
          "format" : 2,
          "deepbuild" : "0.1.0",
          "model" : "iris",
          "task" : "CLASSIFICATION",
          "classes" : [ "setosa", "versicolor", "virginica" ],
          "input" : {
            "kind" : "csv",
            "featureColumns" : [ 0, 1, 3 ],
            "featureNames" : [ "sepal_length", "sepal_width", "petal_width" ],
            "labelColumn" : 2,
            "labelName" : "species",
            "delimiter" : ";",
            "header" : true
          },
          "vocabulary" : [ ]
        }
        """, new String(ModelMetadataJson.toBytes(IRIS), StandardCharsets.UTF_8));
    assertArrayEquals(ModelMetadataJson.toBytes(REVIEWS), ModelMetadataJson.toBytes(REVIEWS));
  }

  @Test
  void aFunctionalModelKeepsEachInputsSchemaAndVocabularyAndEachOutputsClasses()
      throws IOException {
    InputSchema text = new InputSchema.Text(OutputMode.MULTI_HOT, 3, 0, 1);
    ModelMetadata tickets = new ModelMetadata("0.1.0", "tickets", Task.CLASSIFICATION,
        List.of("acq", "earn"), text, List.of("oil", "rate"),
        List.of(new ModelMetadata.NamedInput("title", "title", text, List.of("oil", "rate")),
            new ModelMetadata.NamedInput("words", "body", text, List.of("the", "bank", "oil"))),
        List.of(new ModelMetadata.NamedOutput("topic", "topic", Task.CLASSIFICATION,
                List.of("acq", "earn")),
            new ModelMetadata.NamedOutput("usa", "usa", Task.CLASSIFICATION,
                List.of("false", "true"))));

    assertEquals(tickets, read(new String(ModelMetadataJson.toBytes(tickets),
        StandardCharsets.UTF_8)));
  }

  @Test
  void aModelOfProvidedArraysAndTableColumnsKeepsEachInputsSchema() throws IOException {
    InputSchema provided = new InputSchema.Provided("com.example.Readings", 4);
    InputSchema columns = new InputSchema.Csv(List.of(3), List.of("stem"), 4, "species", ',', true);
    ModelMetadata sensors = new ModelMetadata("0.1.0", "sensors", Task.REGRESSION, List.of(),
        provided, List.of(),
        List.of(new ModelMetadata.NamedInput("measures", "measures", provided, List.of()),
            new ModelMetadata.NamedInput("scale", "scale", columns, List.of())),
        List.of(new ModelMetadata.NamedOutput("level", "level", Task.REGRESSION, List.of())));

    String json = new String(ModelMetadataJson.toBytes(sensors), StandardCharsets.UTF_8);

    assertTrue(json.replaceAll("\\s+", " ").contains("\"input\" : { \"kind\" : \"provided\","
        + " \"provider\" : \"com.example.Readings\", \"width\" : 4 }"), json);
    assertEquals(sensors, read(json));
  }

  @Test
  void anImageModelKeepsTheImageSizeLayoutAndScaling() throws IOException {
    InputSchema image = new InputSchema.Image(32, 32, 3, 1 / 255.0, 0);
    ModelMetadata pets = new ModelMetadata("0.1.0", "pets", Task.CLASSIFICATION,
        List.of("cat", "dog"), image, List.of(), List.of(), List.of());

    String json = new String(ModelMetadataJson.toBytes(pets), StandardCharsets.UTF_8);

    assertTrue(json.replaceAll("\\s+", " ").contains("\"input\" : { \"kind\" : \"image\","
        + " \"height\" : 32, \"width\" : 32, \"channels\" : 3, \"layout\" : \"NCHW\","
        + " \"scale\" : 0.00392156862745098, \"offset\" : 0.0 }"), json);
    assertEquals(pets, read(json));
  }

  @Test
  void readsTheFormatWithoutNamedInputs() throws IOException {
    String formatOne = new String(ModelMetadataJson.toBytes(IRIS), StandardCharsets.UTF_8)
        .replace("\"format\" : 2", "\"format\" : 1");

    assertEquals(IRIS, read(formatOne));
  }

  @Test
  void readsBackWhatItWrote() throws IOException {
    for (ModelMetadata metadata : List.of(IRIS, REVIEWS)) {
      assertEquals(metadata, read(new String(ModelMetadataJson.toBytes(metadata), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void refusesAnotherFormatAndNamesABadField() {
    IOException format = assertThrows(IOException.class, () -> read("{\"format\": 3, \"deepbuild\": \"0.9.0\"}"));
    assertEquals("its format is 3 (written by DeepBuild 0.9.0), but this DeepBuild reads formats 1 and 2",
        format.getMessage());
    String text = new String(ModelMetadataJson.toBytes(REVIEWS), StandardCharsets.UTF_8);
    IOException kind = assertThrows(IOException.class, () -> read(text.replace("\"text\"", "\"video\"")));
    assertTrue(kind.getMessage().contains("\"kind\" is \"video\""), kind.getMessage());
    IOException task = assertThrows(IOException.class, () -> read(text.replace("CLASSIFICATION", "RANKING")));
    assertTrue(task.getMessage().contains("\"task\" is \"RANKING\""), task.getMessage());
    IOException missing = assertThrows(IOException.class, () -> read(text.replace("\"vocabulary\"", "\"words\"")));
    assertEquals("missing \"vocabulary\"", missing.getMessage());
  }

  private static ModelMetadata read(String json) throws IOException {
    return ModelMetadataJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
