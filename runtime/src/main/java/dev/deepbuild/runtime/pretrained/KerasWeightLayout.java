package dev.deepbuild.runtime.pretrained;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a Keras layer kind's weights become the DL4J parameters of the layer its import builds:
 * each kind maps Keras's weight names to DL4J's parameter keys and converts the layout. A kind
 * not listed here has no weights in Keras (ReLU, Add, ZeroPadding2D, ...).
 */
enum KerasWeightLayout {
  /** Keras's kernel is {@code [kh, kw, in, out]}, DL4J's {@code [out, in, kh, kw]}. */
  CONV2D("Conv2D") {
    @Override
    INDArray convert(String kerasName, INDArray value) {
      return kerasName.equals("kernel") ? value.permute(3, 2, 0, 1).dup('c') : value;
    }

    @Override
    Map<String, String> keys() {
      return Map.of("kernel", "W", "bias", "b");
    }
  },
  /** Both keep a depthwise kernel as {@code [kh, kw, in, multiplier]}. */
  DEPTHWISE_CONV2D("DepthwiseConv2D") {
    @Override
    Map<String, String> keys() {
      return Map.of("depthwise_kernel", "W", "bias", "b");
    }
  },
  /** Keras's moving statistics are DL4J's global mean and variance. */
  BATCH_NORMALIZATION("BatchNormalization") {
    @Override
    Map<String, String> keys() {
      return Map.of("gamma", "gamma", "beta", "beta", "moving_mean", "mean", "moving_variance", "var");
    }
  },
  /** Both keep a dense kernel as {@code [in, out]}. */
  DENSE("Dense") {
    @Override
    Map<String, String> keys() {
      return Map.of("kernel", "W", "bias", "b");
    }
  };

  private final String kerasClass;

  KerasWeightLayout(String kerasClass) {
    this.kerasClass = kerasClass;
  }

  /** The layout of a Keras {@code class_name}, if that kind has weights. */
  static Optional<KerasWeightLayout> of(String kerasClass) {
    return Arrays.stream(values()).filter(layout -> layout.kerasClass.equals(kerasClass)).findFirst();
  }

  /** Keras's weight name (the part after the layer's {@code /}) to DL4J's parameter key. */
  abstract Map<String, String> keys();

  /** A Keras weight in DL4J's layout; the same array when the layouts agree. */
  INDArray convert(String kerasName, INDArray value) {
    return value;
  }

  /**
   * The layer's DL4J parameters from its Keras weights, keyed by DL4J's names.
   *
   * @param weights Keras's weight names of one layer and their values
   * @throws PretrainedFormatException naming the layer and the weight Keras does not have
   */
  Map<String, INDArray> parameters(String layer, Map<String, INDArray> weights) {
    Map<String, INDArray> parameters = new LinkedHashMap<>();
    weights.forEach((kerasName, value) -> {
      String key = keys().get(kerasName);
      if (key == null) {
        throw new PretrainedFormatException("the weight " + layer + "/" + kerasName + " is not one of a "
            + kerasClass + " layer's " + keys().keySet());
      }
      parameters.put(key, convert(kerasName, value));
    });
    return parameters;
  }
}
