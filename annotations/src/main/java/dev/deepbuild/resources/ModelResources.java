package dev.deepbuild.resources;

/**
 * Where a build's models live on the class path: the one layout that the processor writes, the
 * plugin packages into the jar and an application's predictor reads.
 */
public final class ModelResources {
  /** The folder of every model's resources. */
  public static final String ROOT = "META-INF/deepbuild/";
  /** The list of a build's generated model classes, one per line. */
  public static final String INDEX = ROOT + "models";

  private ModelResources() {}

  /** The folder of one model's resources, ending in a slash. */
  public static String folder(String model) {
    return ROOT + model + "/";
  }

  /** The layer table that {@code dl:summary} prints. */
  public static String summary(String model) {
    return folder(model) + "summary.txt";
  }

  /**
   * The name of the build's model that the model builds on ({@code @Pretrained(model = ...)}), on
   * one line; empty for a model on no model of the build. {@code dl:summary} reads it to print the
   * tables in the order the training JVM works on the models.
   */
  public static String baseModel(String model) {
    return folder(model) + "base-model.txt";
  }

  /** The files and folders the model's data is read from, one {@link DataRead} a line. */
  public static String reads(String model) {
    return folder(model) + "reads.txt";
  }

  /** The trained model that packaging puts into the jar. */
  public static String model(String model) {
    return folder(model) + "model.zip";
  }
}
