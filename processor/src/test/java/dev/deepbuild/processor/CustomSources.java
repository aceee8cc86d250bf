package dev.deepbuild.processor;

import static dev.deepbuild.processor.TestSources.source;

import javax.tools.JavaFileObject;

/** Users' own layer classes, compiled with the model that uses them. */
final class CustomSources {

  private CustomSources() {}

  private static final String IMPORTS =
      """
      package com.example;

      import java.util.Map;
      import org.deeplearning4j.nn.conf.inputs.InputType;
      import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
      import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
      import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaVertex;
      import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
      import org.deeplearning4j.nn.weights.WeightInit;
      import org.nd4j.autodiff.samediff.SDVariable;
      import org.nd4j.autodiff.samediff.SameDiff;
      import org.nd4j.linalg.api.ndarray.INDArray;

      """;

  /** A parameter-free layer that doubles its input, keeping its shape. */
  static final String SCALE = IMPORTS
      + """
      public class Scale extends SameDiffLambdaLayer {
        @Override
        public SDVariable defineLayer(SameDiff sd, SDVariable input) {
          return input.mul(2.0);
        }

        @Override
        public InputType getOutputType(int layerIndex, InputType input) {
          return input;
        }
      }
      """;

  /** A layer with weights: tanh(x W + b) of 8 units. */
  static final String PROJECTION = IMPORTS
      + """
      public class Projection extends SameDiffLayer {
        private long nIn;
        private long nOut = 8;

        public Projection() {}

        public long getNIn() { return nIn; }
        public void setNIn(long nIn) { this.nIn = nIn; }
        public long getNOut() { return nOut; }
        public void setNOut(long nOut) { this.nOut = nOut; }

        @Override
        public InputType getOutputType(int layerIndex, InputType input) {
          return InputType.feedForward(nOut);
        }

        @Override
        public void setNIn(InputType input, boolean override) {
          if (nIn <= 0 || override) {
            nIn = input.arrayElementsPerExample();
          }
        }

        @Override
        public void defineParameters(SDLayerParams params) {
          params.addWeightParam("W", nIn, nOut);
          params.addBiasParam("b", 1, nOut);
        }

        @Override
        public void initializeParameters(Map<String, INDArray> params) {
          initWeights((int) nIn, (int) nOut, WeightInit.XAVIER, params.get("W"));
          params.get("b").assign(0);
        }

        @Override
        public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params,
            SDVariable mask) {
          return sd.nn.tanh(input.mmul(params.get("W")).add(params.get("b")));
        }
      }
      """;

  /** A vertex that averages two inputs of one shape. */
  static final String MIX = IMPORTS
      + """
      public class Mix extends SameDiffLambdaVertex {
        @Override
        public SDVariable defineVertex(SameDiff sd, VertexInputs inputs) {
          return inputs.getInput(0).add(inputs.getInput(1)).mul(0.5);
        }

        @Override
        public InputType getOutputType(int layerIndex, InputType... inputs) {
          return inputs[0];
        }
      }
      """;

  static JavaFileObject scale() {
    return source("com.example.Scale", SCALE);
  }

  static JavaFileObject scale(String... replacements) {
    return source("com.example.Scale", TestSources.replace(SCALE, replacements));
  }

  static JavaFileObject projection() {
    return source("com.example.Projection", PROJECTION);
  }

  static JavaFileObject mix() {
    return source("com.example.Mix", MIX);
  }
}
