package dev.deepbuild.runtime.network;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Catches the outputs of a fit's training forward pass, for {@link FittedBatch}.
 *
 * <p>DL4J 1.0.0-M2.1 hands a listener the activations of that pass ({@code onForwardPass}) up to,
 * but not through, the output layers: their loss is computed from their pre-activations during
 * backpropagation. So each output layer is applied here to the input the pass gave it, which costs
 * one output layer's forward step rather than a pass through the network. It runs in inference
 * mode, so it draws no second dropout mask: DeepBuild's dropout is a layer of its own, whose
 * training-mode output is already in that input. The pass's activations live in a workspace that
 * the next step reuses, so the outputs are computed outside every workspace, as arrays of their own.
 */
final class TrainingOutputs extends BaseTrainingListener {
  private boolean wanted;
  private boolean listening;
  private INDArray[] outputs;

  /**
   * Listens to {@code model} from now on, once: only a network that fits through it, so a network
   * wrapped for a summary or a save gathers no listeners.
   */
  void listenTo(Model model) {
    if (!listening) {
      model.addListeners(this);
      listening = true;
    }
  }

  /** Catches the outputs of the next fit only: a plain fit pays nothing. */
  void catchNext() {
    wanted = true;
    outputs = null;
  }

  /**
   * The outputs caught since {@link #catchNext}.
   *
   * @throws IllegalStateException when the fit gave the listener no forward pass
   */
  INDArray[] caught() {
    wanted = false;
    if (outputs == null) {
      throw new IllegalStateException("the fit reported no training forward pass");
    }
    return outputs;
  }

  /** A sequential network's pass: the input of its output layer is the last activation. */
  @Override
  public void onForwardPass(Model model, List<INDArray> activations) {
    if (!wanted) {
      return;
    }
    MultiLayerNetwork net = (MultiLayerNetwork) model;
    int last = net.getnLayers() - 1;
    outputs = new INDArray[] {apply(net.getLayer(last),
        net.getLayerWiseConfigurations().getInputPreProcess(last),
        activations.get(activations.size() - 1))};
  }

  /** A graph's pass: DL4J has set each output vertex's input, which it has not run. */
  @Override
  public void onForwardPass(Model model, Map<String, INDArray> activations) {
    if (!wanted) {
      return;
    }
    ComputationGraph graph = (ComputationGraph) model;
    List<String> names = graph.getConfiguration().getNetworkOutputs();
    INDArray[] caught = new INDArray[names.size()];
    for (int i = 0; i < caught.length; i++) {
      // A network's outputs are output layers, each in a layer vertex with one input.
      LayerVertex vertex = (LayerVertex) graph.getVertex(names.get(i));
      caught[i] = apply(vertex.getLayer(), vertex.getLayerPreProcessor(), vertex.getInputs()[0]);
    }
    outputs = caught;
  }

  /**
   * The layer's activations for {@code input}. The network sets the layer's input again before
   * it backpropagates, so the input set here does not outlive the call.
   */
  private static INDArray apply(Layer layer, InputPreProcessor preprocessor, INDArray input) {
    LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
    try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
      INDArray in = preprocessor == null ? input
          : preprocessor.preProcess(input, Math.toIntExact(input.size(0)), none);
      return layer.activate(in, false, none).detach();
    }
  }
}
