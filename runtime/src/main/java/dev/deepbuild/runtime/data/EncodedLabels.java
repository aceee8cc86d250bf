package dev.deepbuild.runtime.data;

import java.util.List;

/**
 * The label column as the network's output layer expects it.
 *
 * @param values one row per sample with one value per output unit: one-hot class vectors, a 0/1
 *     column for a binary classifier, or the regression target
 * @param strata each sample's class index, which stratified splitting keeps in proportion; all 0
 *     for regression
 * @param classNames the class values in class-index order; empty for regression
 */
public record EncodedLabels(double[][] values, int[] strata, List<String> classNames) {
  public EncodedLabels {
    classNames = List.copyOf(classNames);
  }
}
