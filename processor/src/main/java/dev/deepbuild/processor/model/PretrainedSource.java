package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.PretrainedModel;
import java.util.Objects;

/**
 * Where a {@code @Pretrained} base comes from, with what it takes and gives: the one place each
 * kind of base says which input shapes it takes, since a catalog network's output follows its
 * input's size and another model's is fixed by its layers.
 */
public sealed interface PretrainedSource {

  /**
   * The shape the base gives for {@code input}.
   *
   * @throws IllegalArgumentException when the base cannot take an input of this shape
   */
  Shape outputShape(Shape input);

  /** What the base is, in a message or a comment: {@code model 'digits' up to 'hidden'}. */
  String describe();

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of base, for the code that names it. */
  interface Visitor<R> {
    R model(OwnModel model);

    R keras(KerasFile keras);

    R catalog(Catalog catalog);
  }

  /**
   * Another model of the build, up to one of its layers.
   *
   * @param name the model's name, which names its output folder
   * @param upTo the last layer kept, empty for the one before its output layer
   * @param input the shape its first layer takes
   * @param output the shape its last kept layer gives
   */
  record OwnModel(String name, String upTo, Shape input, Shape output)
      implements PretrainedSource {
    public OwnModel {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(upTo, "upTo");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(output, "output");
    }

    /** The base's output; the input must be the base's own where both are known. */
    @Override
    public Shape outputShape(Shape given) {
      boolean bothKnown = given.isKnown() && input.isKnown();
      if (bothKnown && !given.equals(input) || given.getClass() != input.getClass()) {
        throw new IllegalArgumentException("model '" + name + "' takes " + input.keras()
            + ", and this model's data gives " + given.keras());
      }
      return output;
    }

    @Override
    public String describe() {
      return "model '" + name + "'" + (upTo.isEmpty() ? "" : " up to '" + upTo + "'");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.model(this);
    }
  }

  /**
   * The user's Keras file, whose output the annotation declares.
   *
   * @param path the file, relative to the project's base directory
   * @param upTo the last layer kept, empty for the one before its output layer
   * @param output the shape the annotation declares it gives
   */
  record KerasFile(String path, String upTo, Shape output) implements PretrainedSource {
    public KerasFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(upTo, "upTo");
      Objects.requireNonNull(output, "output");
    }

    @Override
    public Shape outputShape(Shape given) {
      return output;
    }

    @Override
    public String describe() {
      return "Keras file '" + path + "'" + (upTo.isEmpty() ? "" : " up to '" + upTo + "'");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.keras(this);
    }
  }

  /** One of the catalog's networks without its top: RGB images in, a feature map out. */
  record Catalog(PretrainedModel network) implements PretrainedSource {
    public Catalog {
      Objects.requireNonNull(network, "network");
    }

    @Override
    public Shape outputShape(Shape given) {
      if (!(given instanceof Shape.Image image) || image.channels() != 3
          || image.height() < network.minimumSize() || image.width() < network.minimumSize()) {
        throw new IllegalArgumentException(network + " takes RGB images of at least "
            + network.minimumSize() + "x" + network.minimumSize() + " pixels, (None, height,"
            + " width, 3), and this model's data gives " + given.keras());
      }
      return new Shape.Image(network.featureSize((int) image.height()),
          network.featureSize((int) image.width()), network.channels());
    }

    @Override
    public String describe() {
      return network.toString();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.catalog(this);
    }
  }
}
