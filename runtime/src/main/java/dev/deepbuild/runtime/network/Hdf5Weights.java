package dev.deepbuild.runtime.network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights of a Keras 2 HDF5 file as they are stored, by {@code <layer>/<weight>}: Keras keeps
 * them under {@code model_weights/<layer>/}, in a group per layer and below it, once more, in
 * groups named by the layer or its variables' scope, as {@code <weight>:0}.
 */
final class Hdf5Weights {
  private static final String ROOT = "model_weights";

  private Hdf5Weights() {}

  static Map<String, INDArray> read(Hdf5Archive archive)
      throws UnsupportedKerasConfigurationException {
    Map<String, INDArray> tensors = new LinkedHashMap<>();
    for (String layer : archive.getGroups(ROOT)) {
      collect(archive, layer, new String[] {ROOT, layer}, tensors);
    }
    return tensors;
  }

  private static void collect(Hdf5Archive archive, String layer, String[] groups,
      Map<String, INDArray> tensors) throws UnsupportedKerasConfigurationException {
    for (String dataSet : archive.getDataSets(groups)) {
      String weight = dataSet.replaceFirst(":\\d+$", "");
      tensors.put(layer + "/" + weight, archive.readDataSet(dataSet, groups));
    }
    for (String group : archive.getGroups(groups)) {
      collect(archive, layer, Stream.concat(Stream.of(groups), Stream.of(group))
          .toArray(String[]::new), tensors);
    }
  }
}
