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
   * parameters, as Keras counts them (34,112 of them batch normalization's moving statistics),
   * in 144 layers that {@code trainable} counts from the top: {@code out_relu}, {@code Conv_1_bn},
   * {@code Conv_1}, {@code block_16_project_BN}, and so on.
   */
  MOBILENET_V2(32, 1280, 32, 2_257_984, 144);

  private final int reduction;
  private final int channels;
  private final int minimumSize;
  private final long parameters;
  private final int layers;

  PretrainedModel(int reduction, int channels, int minimumSize, long parameters, int layers) {
    this.reduction = reduction;
    this.channels = channels;
    this.minimumSize = minimumSize;
    this.parameters = parameters;
    this.layers = layers;
  }

  /**
   * The number of the base's layers that {@code @Pretrained(trainable = N)} counts its top N
   * among: every layer of the network as it is imported, but not the merges of its residual
   * connections (Keras's {@code Add}), which join layers and have no weights.
   */
  public int layers() {
    return layers;
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
