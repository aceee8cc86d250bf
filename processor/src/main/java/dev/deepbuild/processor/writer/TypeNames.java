package dev.deepbuild.processor.writer;

import com.squareup.javapoet.ClassName;

/**
 * The runtime and DL4J types that generated code uses, by name: the processor does not depend on
 * them, only the code it generates does.
 */
final class TypeNames {

  private TypeNames() {}

  static final ClassName MODEL_DEFINITION =
      ClassName.get("dev.deepbuild.runtime.model", "ModelDefinition");
  static final ClassName MODEL_SPEC = ClassName.get("dev.deepbuild.runtime.model", "ModelSpec");
  static final ClassName THRESHOLD_SPEC =
      ClassName.get("dev.deepbuild.build.gate", "ThresholdSpec");
  static final ClassName EARLY_STOPPING_SPEC =
      ClassName.get("dev.deepbuild.runtime.model", "EarlyStoppingSpec");
  static final ClassName SCHEDULE_SPEC =
      ClassName.get("dev.deepbuild.runtime.model", "ScheduleSpec");
  static final ClassName K_FOLD_SPEC = ClassName.get("dev.deepbuild.runtime.model", "KFoldSpec");
  static final ClassName VECTORIZATION =
      ClassName.get("dev.deepbuild.runtime.model", "Vectorization");
  static final ClassName INPUT_SPEC = ClassName.get("dev.deepbuild.runtime.model", "InputSpec");
  static final ClassName OUTPUT_SPEC = ClassName.get("dev.deepbuild.runtime.model", "OutputSpec");
  static final ClassName NETWORK_CONFIGURATION =
      ClassName.get("dev.deepbuild.runtime.network", "NetworkConfiguration");
  static final ClassName WEIGHTED_LOSS =
      ClassName.get("dev.deepbuild.runtime.network", "WeightedLoss");
  static final ClassName COMPUTATION_GRAPH_CONFIGURATION =
      ClassName.get("org.deeplearning4j.nn.conf", "ComputationGraphConfiguration");
  static final ClassName MERGE_VERTEX =
      ClassName.get("org.deeplearning4j.nn.conf.graph", "MergeVertex");
  static final ClassName ELEMENT_WISE_VERTEX =
      ClassName.get("org.deeplearning4j.nn.conf.graph", "ElementWiseVertex");
  static final ClassName ELEMENT_WISE_OP =
      ClassName.get("org.deeplearning4j.nn.conf.graph", "ElementWiseVertex", "Op");
  static final ClassName CSV_SOURCE = ClassName.get("dev.deepbuild.runtime.data", "CsvSource");
  static final ClassName BUILTIN_SOURCE =
      ClassName.get("dev.deepbuild.runtime.data", "BuiltinSource");
  static final ClassName TEXT_SOURCE = ClassName.get("dev.deepbuild.runtime.data", "TextSource");
  static final ClassName IMAGE_SOURCE = ClassName.get("dev.deepbuild.runtime.data", "ImageSource");
  static final ClassName RESIZING_SPEC =
      ClassName.get("dev.deepbuild.runtime.model", "ResizingSpec");
  static final ClassName RESCALING_SPEC =
      ClassName.get("dev.deepbuild.runtime.model", "RescalingSpec");
  static final ClassName AUGMENTATION_SPEC =
      ClassName.get("dev.deepbuild.runtime.model", "AugmentationSpec");
  static final ClassName PROVIDED_SOURCE =
      ClassName.get("dev.deepbuild.runtime.data", "ProvidedSource");

  static final ClassName MULTI_LAYER_CONFIGURATION =
      ClassName.get("org.deeplearning4j.nn.conf", "MultiLayerConfiguration");
  static final ClassName NEURAL_NET_CONFIGURATION_BUILDER =
      ClassName.get("org.deeplearning4j.nn.conf", "NeuralNetConfiguration", "Builder");
  static final ClassName MULTI_HOT_CONCAT =
      ClassName.get("dev.deepbuild.runtime.network", "MultiHotConcat");
  static final ClassName MULTI_HOT_DENSE_BUILDER =
      ClassName.get("dev.deepbuild.runtime.network", "MultiHotDense", "Builder");
  static final ClassName DENSE_LAYER_BUILDER =
      ClassName.get("org.deeplearning4j.nn.conf.layers", "DenseLayer", "Builder");
  static final ClassName DROPOUT_LAYER_BUILDER =
      ClassName.get("org.deeplearning4j.nn.conf.layers", "DropoutLayer", "Builder");
  static final ClassName OUTPUT_LAYER_BUILDER =
      ClassName.get("org.deeplearning4j.nn.conf.layers", "OutputLayer", "Builder");
  static final ClassName CONVOLUTION_LAYER_BUILDER =
      ClassName.get("org.deeplearning4j.nn.conf.layers", "ConvolutionLayer", "Builder");
  static final ClassName SUBSAMPLING_LAYER_BUILDER =
      ClassName.get("org.deeplearning4j.nn.conf.layers", "SubsamplingLayer", "Builder");
  static final ClassName GLOBAL_POOLING_LAYER_BUILDER =
      ClassName.get("org.deeplearning4j.nn.conf.layers", "GlobalPoolingLayer", "Builder");
  static final ClassName BATCH_NORMALIZATION_BUILDER =
      ClassName.get("org.deeplearning4j.nn.conf.layers", "BatchNormalization", "Builder");
  static final ClassName POOLING_TYPE =
      ClassName.get("org.deeplearning4j.nn.conf.layers", "PoolingType");
  static final ClassName CONVOLUTION_MODE =
      ClassName.get("org.deeplearning4j.nn.conf", "ConvolutionMode");
  static final ClassName PREPROCESSOR_VERTEX =
      ClassName.get("org.deeplearning4j.nn.conf.graph", "PreprocessorVertex");
  static final ClassName CNN_TO_FEED_FORWARD =
      ClassName.get("org.deeplearning4j.nn.conf.preprocessor", "CnnToFeedForwardPreProcessor");
  static final ClassName MAX_NORM_CONSTRAINT =
      ClassName.get("org.deeplearning4j.nn.conf.constraint", "MaxNormConstraint");
  static final ClassName INPUT_TYPE =
      ClassName.get("org.deeplearning4j.nn.conf.inputs", "InputType");
  static final ClassName WEIGHT_INIT = ClassName.get("org.deeplearning4j.nn.weights", "WeightInit");
  static final ClassName ACTIVATION = ClassName.get("org.nd4j.linalg.activations", "Activation");
  static final ClassName LOSS_FUNCTION =
      ClassName.get("org.nd4j.linalg.lossfunctions", "LossFunctions", "LossFunction");
  static final ClassName ADAM = ClassName.get("org.nd4j.linalg.learning.config", "Adam");
  static final ClassName RMS_PROP = ClassName.get("org.nd4j.linalg.learning.config", "RmsProp");
  static final ClassName SGD = ClassName.get("org.nd4j.linalg.learning.config", "Sgd");
  static final ClassName ADA_GRAD = ClassName.get("org.nd4j.linalg.learning.config", "AdaGrad");
}
