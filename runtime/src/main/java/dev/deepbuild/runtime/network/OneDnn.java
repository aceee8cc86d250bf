package dev.deepbuild.runtime.network;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Gives a network's 2-D convolution, pooling and batch-normalization layers DL4J's own oneDNN
 * helpers when the ND4J natives were built with oneDNN (the {@code -onednn} classifiers): the
 * book's MNIST convnet trains 3 to 7 times faster on one CPU thread ({@code bench/convnet.sh}).
 *
 * <p>DL4J 1.0.0-M2.1 never uses these helpers by itself: it creates them only under
 * {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false}, and then drops every one, because
 * {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up {@code org.nd4j.nativeblas.Nd4jCpu$Environment
 * .isUseMKLDNN}, while M2.1 has {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment
 * .isUseONEDNN}. So this class sets the layers' {@code helper} field itself, after a network is
 * created or loaded. Only NCHW layers get one: with NHWC the helpers gave wrong results. Without
 * oneDNN natives nothing changes.
 */
public final class OneDnn {
  private OneDnn() {}

  /**
   * The marker libnd4j's build information carries when oneDNN is linked in; {@code isUseONEDNN}
   * cannot tell, as it is true in the plain build too.
   */
  private static final String BUILT_WITH = "HAVE_ONEDNN";

  private static final boolean ACTIVE = detect();

  /** A layer implementation DL4J gives a oneDNN helper, and the helper for a layer of it. */
  private record Slot(Field field, Predicate<Layer> fits, Function<DataType, LayerHelper> helper) {}

  /** By exact class: subclasses (1-D, depthwise, separable, deconvolution) compute otherwise. */
  private static final Map<Class<?>, Slot> SLOTS = ACTIVE ? slots() : Map.of();

  /**
   * Whether the natives have oneDNN, ND4J allows native helpers, and DL4J's layers have the
   * helper fields this class sets: whether {@link #install} gives any layer a helper.
   */
  public static boolean active() {
    return ACTIVE && !SLOTS.isEmpty() && Nd4j.getEnvironment().helpersAllowed();
  }

  /**
   * Gives each layer that oneDNN computes, and that has no helper yet, its oneDNN helper; a
   * frozen or otherwise wrapped layer gets one for the layer it wraps.
   *
   * @param dataType the network's floating-point type, which the helpers compute in
   * @return how many layers have a oneDNN helper afterwards
   */
  static int install(Layer[] layers, DataType dataType) {
    if (!active()) {
      return 0;
    }
    int helped = 0;
    for (Layer layer : layers) {
      Layer inner = unwrapped(layer);
      Slot slot = SLOTS.get(inner.getClass());
      if (slot != null && slot.fits().test(inner)) {
        if (inner.getHelper() == null) {
          set(slot.field(), inner, slot.helper().apply(dataType));
        }
        helped++;
      }
    }
    return helped;
  }

  private static Layer unwrapped(Layer layer) {
    return layer instanceof BaseWrapperLayer wrapper ? unwrapped(wrapper.getUnderlying()) : layer;
  }

  private static boolean detect() {
    // The natives load with ND4J's backend; asked before that, NativeOpsHolder fails for good.
    if (!"CPU".equalsIgnoreCase(Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend"))) {
      return false;
    }
    try {
      return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains(BUILT_WITH);
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static Map<Class<?>, Slot> slots() {
    try {
      return Map.of(
          ConvolutionLayer.class, new Slot(field(ConvolutionLayer.class),
              layer -> ((ConvolutionLayer) layer).layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW,
              MKLDNNConvHelper::new),
          SubsamplingLayer.class, new Slot(field(SubsamplingLayer.class),
              layer -> ((SubsamplingLayer) layer).layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW,
              MKLDNNSubsamplingHelper::new),
          // oneDNN's batch norm learns gamma and beta; a layer that locks them keeps DL4J's own.
          BatchNormalization.class, new Slot(field(BatchNormalization.class),
              layer -> ((BatchNormalization) layer).layerConf().getCnn2DFormat() == CNN2DFormat.NCHW
                  && !((BatchNormalization) layer).layerConf().isLockGammaBeta(),
              MKLDNNBatchNormHelper::new));
    } catch (NoSuchFieldException e) {
      // Another DL4J version keeps its helpers elsewhere: train with its built-in layers.
      return Map.of();
    }
  }

  private static Field field(Class<?> layer) throws NoSuchFieldException {
    Field field = layer.getDeclaredField("helper");
    field.setAccessible(true);
    return field;
  }

  private static void set(Field field, Layer layer, LayerHelper helper) {
    try {
      field.set(layer, helper);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot set " + field + " of " + layer.getClass(), e);
    }
  }
}
