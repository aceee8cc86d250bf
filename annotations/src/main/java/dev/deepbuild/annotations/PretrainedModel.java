package dev.deepbuild.annotations;

/**
 * The pretrained networks DeepBuild can build on without a download from anywhere but a package
 * registry, as Keras's {@code keras.applications}: each is pinned to a package, a version and an
 * integrity hash by the runtime, and imported into DL4J with its weights.
 */
public enum PretrainedModel {
  /**
   * MobileNetV2 (width 1.0) with ImageNet-derived weights, as shipped in the MIT-licensed npm
   * package {@code nsfwjs@4.4.0}: its convolutional base was fine-tuned there for another task
   * (classifying pictures as drawings, neutral, and so on), so it serves as a general backbone,
   * not as an ImageNet classifier. The base without its top takes RGB images of at least 32x32
   * pixels and gives a (height/32) x (width/32) x 1280 feature map, rounded up; 2,257,984
   * parameters, as Keras counts them (34,112 of them batch normalization's moving statistics).
   */
  MOBILENET_V2(32, 1280, 32, 2_257_984);

  private final int reduction;
  private final int channels;
  private final int minimumSize;
  private final long parameters;

  PretrainedModel(int reduction, int channels, int minimumSize, long parameters) {
    this.reduction = reduction;
    this.channels = channels;
    this.minimumSize = minimumSize;
    this.parameters = parameters;
  }

  /** The number of parameters of the base without its top, whatever the size of its input. */
  public long parameters() {
    return parameters;
  }

  /** How many times smaller the base's feature map is than its input, per side (rounded up). */
  public int reduction() {
    return reduction;
  }

  /** The number of channels of the base's feature map. */
  public int channels() {
    return channels;
  }

  /** The smallest height and width of an input image. */
  public int minimumSize() {
    return minimumSize;
  }

  /** The height or width of the base's feature map for an input of {@code size} pixels. */
  public int featureSize(int size) {
    return (size + reduction - 1) / reduction;
  }
}
