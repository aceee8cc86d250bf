package dev.deepbuild.runtime.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.build.io.Json;
import java.io.IOException;
import java.util.List;

/**
 * What a saved model's input is, so that new data can be fed to it as training fed it: the table's
 * columns for a CSV model, the vectorization for a text model. Inside {@code deepbuild/model.json}
 * as {@code "input"}, its {@code "kind"} telling which.
 */
public sealed interface InputSchema {
  /** {@code csv}, {@code text}, {@code provided} or {@code image}, the value of {@code "kind"}. */
  String kind();

  /** Writes the schema's fields after {@code "kind"}, in a fixed order. */
  void put(ObjectNode node);

  /** Calls the visitor's method for this kind of input. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of input, for what other packages do with a schema (such as preparing
   * new rows for prediction): a new kind does not compile until every visitor handles it.
   */
  interface Visitor<R> {
    R csv(Csv csv);

    R text(Text text);

    R provided(Provided provided);

    R image(Image image);
  }

  /**
   * A CSV table's columns.
   *
   * @param featureColumns the 0-based indices of the feature columns, in the network's input order
   * @param featureNames their header names in the same order; empty without a header row
   * @param labelColumn the label column's 0-based index
   * @param labelName its header name; empty without a header row
   * @param delimiter the field separator
   * @param header whether the first row names the columns
   */
  record Csv(List<Integer> featureColumns, List<String> featureNames, int labelColumn,
      String labelName, char delimiter, boolean header) implements InputSchema {
    public Csv {
      featureColumns = List.copyOf(featureColumns);
      featureNames = List.copyOf(featureNames);
    }

    @Override
    public String kind() {
      return "csv";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.csv(this);
    }

    @Override
    public void put(ObjectNode node) {
      ArrayNode columns = node.putArray("featureColumns");
      featureColumns.forEach(columns::add);
      ArrayNode names = node.putArray("featureNames");
      featureNames.forEach(names::add);
      node.put("labelColumn", labelColumn);
      node.put("labelName", labelName);
      node.put("delimiter", String.valueOf(delimiter));
      node.put("header", header);
    }

    static Csv read(JsonNode node) throws IOException {
      String delimiter = Json.text(node, "delimiter");
      if (delimiter.length() != 1) {
        throw new IOException("\"delimiter\" is not one character: \"" + delimiter + "\"");
      }
      return new Csv(Json.ints(node, "featureColumns"), Json.texts(node, "featureNames"),
          Json.integer(node, "labelColumn"), Json.text(node, "labelName"), delimiter.charAt(0),
          Json.bool(node, "header"));
    }
  }

  /**
   * A text vectorization, as {@code @TextVectorization} declared it.
   *
   * @param mode multi-hot vectors or integer sequences
   * @param maxTokens multi-hot columns, or INT indices including padding and out-of-vocabulary
   * @param sequenceLength the padded INT sequence length; 0 for multi-hot
   * @param tokenizerVersion the version of the tokenizer that split the texts into words
   */
  record Text(OutputMode mode, int maxTokens, int sequenceLength, int tokenizerVersion)
      implements InputSchema {
    @Override
    public String kind() {
      return "text";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.text(this);
    }

    @Override
    public void put(ObjectNode node) {
      node.put("mode", mode.name());
      node.put("maxTokens", maxTokens);
      node.put("sequenceLength", sequenceLength);
      node.put("tokenizerVersion", tokenizerVersion);
    }

    static Text read(JsonNode node) throws IOException {
      return new Text(Json.constant(node, "mode", OutputMode.class), Json.integer(node, "maxTokens"),
          Json.integer(node, "sequenceLength"), Json.integer(node, "tokenizerVersion"));
    }
  }

  /**
   * Features that the user's own code provides, as arrays.
   *
   * @param provider the provider's class name
   * @param width the input's number of features
   */
  record Provided(String provider, int width) implements InputSchema {
    @Override
    public String kind() {
      return "provided";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.provided(this);
    }

    @Override
    public void put(ObjectNode node) {
      node.put("provider", provider);
      node.put("width", width);
    }

    static Provided read(JsonNode node) throws IOException {
      return new Provided(Json.text(node, "provider"), Json.integer(node, "width"));
    }
  }

  /**
   * Images, as the network was fed them: resized to {@code height} x {@code width} (the size of
   * {@code @Resizing}, if the model resizes, otherwise the size its data is read at), {@code
   * channels} (1 grayscale, 3 RGB), laid out {@code [batch, channels, height, width]}, each value
   * 0-255 scaled to {@code value * scale + offset}, so that a predictor can prepare new images as
   * training did. The classes are the metadata's own.
   *
   * @param readHeight the height the data is read at, before {@code @Resizing}; {@code height}
   *     when the model does not resize (and then not written)
   * @param readWidth the same for the width
   */
  record Image(int height, int width, int channels, double scale, double offset, int readHeight,
      int readWidth) implements InputSchema {
    /** Images read at the network's size, which the model does not resize. */
    public Image(int height, int width, int channels, double scale, double offset) {
      this(height, width, channels, scale, offset, height, width);
    }

    /** Whether training resized the images it read ({@code @Resizing}). */
    public boolean resized() {
      return readHeight != height || readWidth != width;
    }

    @Override
    public String kind() {
      return "image";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.image(this);
    }

    @Override
    public void put(ObjectNode node) {
      node.put("height", height);
      node.put("width", width);
      node.put("channels", channels);
      node.put("layout", "NCHW");
      node.put("scale", scale);
      node.put("offset", offset);
      if (resized()) {
        node.put("readHeight", readHeight);
        node.put("readWidth", readWidth);
      }
    }

    static Image read(JsonNode node) throws IOException {
      int height = Json.integer(node, "height");
      int width = Json.integer(node, "width");
      return new Image(height, width, Json.integer(node, "channels"), Json.number(node, "scale"),
          Json.number(node, "offset"),
          node.has("readHeight") ? Json.integer(node, "readHeight") : height,
          node.has("readWidth") ? Json.integer(node, "readWidth") : width);
    }
  }

  /** The schema {@link #put} wrote, by its {@code "kind"}. */
  static InputSchema read(JsonNode node) throws IOException {
    String kind = Json.text(node, "kind");
    return switch (kind) {
      case "csv" -> Csv.read(node);
      case "text" -> Text.read(node);
      case "provided" -> Provided.read(node);
      case "image" -> Image.read(node);
      default -> throw new IOException("the input's \"kind\" is \"" + kind
          + "\", none of \"csv\", \"text\", \"provided\" and \"image\"");
    };
  }
}
