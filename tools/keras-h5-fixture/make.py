#!/usr/bin/python3
"""Writes the small Keras HDF5 files that the runtime's Keras-base tests import, and the numpy
forward passes they compare DL4J's import with. Keras is not needed: the files are laid out as
Keras 2's model.save("base.h5") lays them out (the model_config and training_config JSON
attributes, keras_version and backend, and a model_weights group with a group per layer holding
its weights as <layer>/<layer>/kernel:0 and bias:0), with known, seeded weights.

Rerun from the repository's root with Debian's Python (apt-get install python3-h5py python3-numpy):

    /usr/bin/python3 tools/keras-h5-fixture/make.py

It rewrites, byte for byte the same each time:
  runtime/src/test/resources/pretrained/keras/sequential.h5   Dense 4-8(relu)-6(tanh)-3(softmax)
  runtime/src/test/resources/pretrained/keras/functional.h5   the same layers as tf.keras 2.11 saves a
                                                              functional model
  runtime/src/test/resources/pretrained/keras/unsupported.h5  a layer DL4J's import lacks
  runtime/src/test/resources/pretrained/keras/conv.h5         a channels_last Conv2D on 5x5x1
  runtime/src/test/resources/pretrained/keras/weights.h5      weights only, as save_weights writes
  runtime/src/test/resources/pretrained/keras/reference.json  weights, inputs, numpy's outputs
  plugin/src/it/transfer-keras-base/base.h5                   the sequential file, for the IT
"""
import json
import os
import shutil

import h5py
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "runtime", "src", "test", "resources", "pretrained", "keras")
IT = os.path.join(ROOT, "plugin", "src", "it", "transfer-keras-base")
KERAS_VERSION = b"2.2.4"  # a Keras 2 release; DL4J reads the major version from this attribute
TF_KERAS_VERSION = b"2.11.0"  # the Keras of TensorFlow 2.11, whose functional class is Functional

# (name, units, activation): the base's layers; the last is the model's output layer.
LAYERS = [("hidden1", 8, "relu"), ("features", 6, "tanh"), ("predictions", 3, "softmax")]
INPUTS = 4


def weights():
    """Seeded weights rounded to 1/64, exact in float32, so numpy and DL4J start equal."""
    rng = np.random.RandomState(20261201)
    result, fan_in = [], INPUTS
    for _, units, _ in LAYERS:
        kernel = np.round(rng.uniform(-1, 1, (fan_in, units)) * 64) / 64
        bias = np.round(rng.uniform(-0.5, 0.5, units) * 64) / 64
        result.append((kernel.astype(np.float32), bias.astype(np.float32)))
        fan_in = units
    return result


def dense_config(name, units, activation, **extra):
    config = {"name": name, "trainable": True, "dtype": "float32", "units": units,
              "activation": activation, "use_bias": True,
              "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
              "bias_initializer": {"class_name": "Zeros", "config": {}},
              "kernel_regularizer": None, "bias_regularizer": None,
              "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}
    config.update(extra)
    return {"class_name": "Dense", "config": config}


def sequential_config(layers):
    first = dict(layers[0])
    first["config"] = dict(first["config"], batch_input_shape=[None, INPUTS])
    return {"class_name": "Sequential", "config": {"name": "base", "layers": [first] + layers[1:]}}


def functional_config():
    layers = [{"class_name": "InputLayer", "name": "pixels", "inbound_nodes": [],
               "config": {"batch_input_shape": [None, INPUTS], "dtype": "float32",
                          "sparse": False, "name": "pixels"}}]
    previous = "pixels"
    for name, units, activation in LAYERS:
        layer = dense_config(name, units, activation)
        layer["name"] = name
        layer["inbound_nodes"] = [[[previous, 0, 0, {}]]]
        layers.append(layer)
        previous = name
    return {"class_name": "Functional", "config": {
        "name": "base", "layers": layers, "input_layers": [["pixels", 0, 0]],
        "output_layers": [[previous, 0, 0]]}}


TRAINING_CONFIG = {"loss": "categorical_crossentropy", "metrics": ["accuracy"],
                   "sample_weight_mode": None, "loss_weights": None,
                   "optimizer_config": {"class_name": "Adam", "config": {
                       "lr": 0.001, "beta_1": 0.9, "beta_2": 0.999, "decay": 0.0,
                       "epsilon": 1e-07, "amsgrad": False}}}


def write(path, model_config, layer_weights, tf_keras=False):
    """One file as Keras 2 saves it: the attributes as bytes, fixed-length, as Keras 2.2 wrote
    them, or (tf_keras) as str, variable-length, as TensorFlow 2's tf.keras writes them."""
    text = (lambda value: value.decode("utf8")) if tf_keras else (lambda value: value)
    with h5py.File(path + ".tmp", "w") as f:
        f.attrs["keras_version"] = text(TF_KERAS_VERSION if tf_keras else KERAS_VERSION)
        f.attrs["backend"] = text(b"tensorflow")
        f.attrs["model_config"] = text(json.dumps(model_config).encode("utf8"))
        f.attrs["training_config"] = text(json.dumps(TRAINING_CONFIG).encode("utf8"))
        group = f.create_group("model_weights")
        group.attrs["keras_version"] = text(TF_KERAS_VERSION if tf_keras else KERAS_VERSION)
        group.attrs["backend"] = text(b"tensorflow")
        group.attrs["layer_names"] = np.array([name.encode("utf8") for name, _ in layer_weights])
        for name, arrays in layer_weights:
            layer = group.create_group(name)
            layer.attrs["weight_names"] = np.array(
                [("%s/%s:0" % (name, kind)).encode("utf8") for kind, _ in arrays])
            for kind, array in arrays:
                layer.create_dataset("%s/%s:0" % (name, kind), data=array, track_times=False)
    os.replace(path + ".tmp", path)
    # Datasets without timestamps and groups without creation order: reruns give the same bytes.


def forward(x, layer_weights):
    """Each layer's output, as Keras computes it."""
    outputs, h = {}, x.astype(np.float64)
    for (name, _, activation), (kernel, bias) in zip(LAYERS, layer_weights):
        z = h @ kernel.astype(np.float64) + bias.astype(np.float64)
        if activation == "relu":
            h = np.maximum(z, 0)
        elif activation == "tanh":
            h = np.tanh(z)
        else:
            e = np.exp(z - z.max(axis=1, keepdims=True))
            h = e / e.sum(axis=1, keepdims=True)
        outputs[name] = h
    return outputs


def main():
    os.makedirs(OUT, exist_ok=True)
    learned = weights()
    layer_weights = [(name, [("kernel", k), ("bias", b)])
                     for (name, _, _), (k, b) in zip(LAYERS, learned)]
    dense = [dense_config(name, units, activation) for name, units, activation in LAYERS]
    write(os.path.join(OUT, "sequential.h5"), sequential_config(dense), layer_weights)
    write(os.path.join(OUT, "functional.h5"), functional_config(), layer_weights, tf_keras=True)
    # A layer that DL4J 1.0.0-M2.1's Keras import has no class for, between two it has.
    unsupported = [dense[0], {"class_name": "UnitNormalization",
                              "config": {"name": "unit", "trainable": True, "axis": -1}}, dense[1]]
    write(os.path.join(OUT, "unsupported.h5"), sequential_config(unsupported),
          [layer_weights[0], ("unit", []), layer_weights[1]])

    # Keras's default image layout, channels last, which DeepBuild's NCHW images do not match.
    conv = {"class_name": "Conv2D", "config": {
        "name": "conv", "trainable": True, "dtype": "float32", "batch_input_shape": [None, 5, 5, 1],
        "filters": 2, "kernel_size": [3, 3], "strides": [1, 1], "padding": "valid",
        "data_format": "channels_last", "dilation_rate": [1, 1], "activation": "linear",
        "use_bias": True, "kernel_initializer": {"class_name": "GlorotUniform", "config": {}},
        "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
        "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
        "bias_constraint": None}}
    write(os.path.join(OUT, "conv.h5"), {"class_name": "Sequential", "config": {
        "name": "conv", "layers": [conv]}},
        [("conv", [("kernel", np.full((3, 3, 1, 2), 0.5, np.float32)),
                   ("bias", np.zeros(2, np.float32))])])

    # model.save_weights("weights.h5"): the layers' groups at the root, and no model_config.
    with h5py.File(os.path.join(OUT, "weights.h5.tmp"), "w") as f:
        f.attrs["keras_version"] = KERAS_VERSION
        f.attrs["backend"] = b"tensorflow"
        f.attrs["layer_names"] = np.array([name.encode("utf8") for name, _ in layer_weights])
        for name, arrays in layer_weights:
            layer = f.create_group(name)
            layer.attrs["weight_names"] = np.array(
                [("%s/%s:0" % (name, kind)).encode("utf8") for kind, _ in arrays])
            for kind, array in arrays:
                layer.create_dataset("%s/%s:0" % (name, kind), data=array, track_times=False)
    os.replace(os.path.join(OUT, "weights.h5.tmp"), os.path.join(OUT, "weights.h5"))

    x = np.round(np.random.RandomState(7).uniform(-2, 2, (5, INPUTS)) * 64) / 64
    outputs = forward(x, learned)
    reference = {
        "inputs": x.tolist(),
        "weights": {name: {"kernel": k.tolist(), "bias": b.tolist()}
                    for (name, _, _), (k, b) in zip(LAYERS, learned)},
        "outputs": {name: value.tolist() for name, value in outputs.items()},
    }
    with open(os.path.join(OUT, "reference.json.tmp"), "w") as f:
        json.dump(reference, f, indent=1)
        f.write("\n")
    os.replace(os.path.join(OUT, "reference.json.tmp"), os.path.join(OUT, "reference.json"))

    if os.path.isdir(IT):
        shutil.copyfile(os.path.join(OUT, "sequential.h5"), os.path.join(IT, "base.h5"))


if __name__ == "__main__":
    main()
