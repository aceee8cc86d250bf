package dev.deepbuild.runtime.predict;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One input to predict for, as a person has it: a text, a table row's feature values in the
 * network's order, a row by column names, or an image. The model prepares it as training prepared
 * its data ({@link InputEncoding}); an input of another kind than the model's is refused by name.
 */
public sealed interface ModelInput {
  static ModelInput text(String text) {
    return new Text(text);
  }

  static ModelInput features(double... values) {
    return new Features(values);
  }

  static ModelInput columns(Map<String, Double> values) {
    return new Columns(values);
  }

  static ModelInput image(BufferedImage image) {
    return new Image(image);
  }

  /** What the input is, for messages: "a text", "an image". */
  String kind();

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of input. */
  interface Visitor<R> {
    R text(String text);

    R features(double[] values);

    R columns(Map<String, Double> values);

    R image(BufferedImage image);
  }

  record Text(String text) implements ModelInput {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String kind() {
      return "a text";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.text(text);
    }
  }

  /** @param values the feature values, in the order of the network's inputs */
  record Features(double[] values) implements ModelInput {
    public Features {
      values = values.clone();
    }

    /** The values; a copy. */
    @Override
    public double[] values() {
      return values.clone();
    }

    @Override
    public String kind() {
      return "a row of feature values";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.features(values.clone());
    }
  }

  /** @param values each feature's value by its column's header name */
  record Columns(Map<String, Double> values) implements ModelInput {
    public Columns {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public String kind() {
      return "a row by column names";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.columns(values);
    }
  }

  record Image(BufferedImage image) implements ModelInput {
    public Image {
      Objects.requireNonNull(image, "image");
    }

    @Override
    public String kind() {
      return "an image";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.image(image);
    }
  }
}
