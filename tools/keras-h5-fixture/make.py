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
  runtime/src/test/resources/pretrained/keras/conv.h5         a channels_last conv base on 8x8x3:
                                                              Conv2D, MaxPooling2D, Conv2D 'same',
                                                              BatchNormalization,
                                                              GlobalAveragePooling2D
  runtime/src/test/resources/pretrained/keras/conv_functional.h5  the same as tf.keras 2.11 saves a
                                                              functional base (keras.applications')
  runtime/src/test/resources/pretrained/keras/flatten.h5      a channels_last Conv2D, MaxPooling2D,
                                                              Flatten and Dense on 8x8x3
  runtime/src/test/resources/pretrained/keras/flatten_norm.h5 the same Flatten into a
                                                              BatchNormalization
  runtime/src/test/resources/pretrained/keras/weights.h5      weights only, as save_weights writes
  runtime/src/test/resources/pretrained/keras/reference.json  weights, inputs, numpy's outputs
  plugin/src/it/transfer-keras-base/base.h5                   the sequential file, for the IT
  plugin/src/it/transfer-keras-image-base/base.h5             conv.h5, for the image IT
  plugin/src/it/transfer-keras-image-base/images/<class>/*.png  8x8 RGB images of two classes
"""
import json
import os
import shutil

import h5py
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "runtime", "src", "test", "resources", "pretrained", "keras")
IT = os.path.join(ROOT, "plugin", "src", "it", "transfer-keras-base")
IMAGE_IT = os.path.join(ROOT, "plugin", "src", "it", "transfer-keras-image-base")
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


IMAGE = (8, 8, 3)  # height, width, channels: Keras's default layout, channels last


def rounded(rng, shape, scale=1.0):
    """Seeded values rounded to 1/64, exact in float32."""
    return (np.round(rng.uniform(-scale, scale, shape) * 64) / 64).astype(np.float32)


def keras_layer(kind, name, **config):
    """A layer's entry in model_config as Keras 2.2.4 writes it (the options the import reads)."""
    base = {"name": name, "trainable": True, "dtype": "float32"}
    if kind in ("Conv2D", "Dense"):
        base.update({"activation": "linear", "use_bias": True,
                     "kernel_initializer": {"class_name": "GlorotUniform", "config": {}},
                     "bias_initializer": {"class_name": "Zeros", "config": {}},
                     "kernel_regularizer": None, "bias_regularizer": None,
                     "activity_regularizer": None, "kernel_constraint": None,
                     "bias_constraint": None})
    if kind == "Conv2D":
        base.update({"strides": [1, 1], "padding": "valid", "data_format": "channels_last",
                     "dilation_rate": [1, 1]})
    base.update(config)
    return {"class_name": kind, "config": base}


def conv2d(x, kernel, bias, padding):
    """Keras's Conv2D, channels last, stride 1: a cross-correlation with an (h, w, in, out) kernel."""
    if padding == "same":
        pad = kernel.shape[0] // 2
        x = np.pad(x, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    rows, cols = x.shape[1] - kernel.shape[0] + 1, x.shape[2] - kernel.shape[1] + 1
    out = np.zeros((x.shape[0], rows, cols, kernel.shape[3]))
    for a in range(kernel.shape[0]):
        for b in range(kernel.shape[1]):
            out += np.einsum("nijc,co->nijo", x[:, a:a + rows, b:b + cols, :],
                             kernel[a, b].astype(np.float64))
    return out + bias.astype(np.float64)


def max_pool(x, size):
    n, h, w, c = x.shape
    x = x[:, :h // size * size, :w // size * size, :]
    return x.reshape(n, h // size, size, w // size, size, c).max(axis=(2, 4))


def image_bases():
    """The channels-last conv bases: file name -> (model_config, weights, forward pass)."""
    rng = np.random.RandomState(20261202)
    k1, b1 = rounded(rng, (3, 3, 3, 4)), rounded(rng, 4, 0.25)
    k2, b2 = rounded(rng, (3, 3, 4, 6)), rounded(rng, 6, 0.25)
    gamma, beta = rounded(rng, 6) + np.float32(1.5), rounded(rng, 6, 0.5)
    mean, variance = rounded(rng, 6, 0.5), rounded(rng, 6, 0.5) + np.float32(1)
    dense_kernel, dense_bias = rounded(rng, (36, 5), 0.5), rounded(rng, 5, 0.25)
    first = keras_layer("Conv2D", "conv1", filters=4, kernel_size=[3, 3], activation="relu",
                        batch_input_shape=[None] + list(IMAGE))
    pool = {"class_name": "MaxPooling2D", "config": {
        "name": "pool1", "trainable": True, "dtype": "float32", "pool_size": [2, 2],
        "padding": "valid", "strides": [2, 2], "data_format": "channels_last"}}
    conv_layers = [first, pool,
                   keras_layer("Conv2D", "conv2", filters=6, kernel_size=[3, 3], padding="same"),
                   {"class_name": "BatchNormalization", "config": {
                       "name": "norm", "trainable": True, "dtype": "float32", "axis": -1,
                       "momentum": 0.99, "epsilon": 0.001, "center": True, "scale": True,
                       "beta_initializer": {"class_name": "Zeros", "config": {}},
                       "gamma_initializer": {"class_name": "Ones", "config": {}},
                       "moving_mean_initializer": {"class_name": "Zeros", "config": {}},
                       "moving_variance_initializer": {"class_name": "Ones", "config": {}},
                       "beta_regularizer": None, "gamma_regularizer": None,
                       "beta_constraint": None, "gamma_constraint": None}},
                   {"class_name": "GlobalAveragePooling2D", "config": {
                       "name": "features", "trainable": True, "dtype": "float32",
                       "data_format": "channels_last"}}]
    conv_weights = [("conv1", [("kernel", k1), ("bias", b1)]), ("pool1", []),
                    ("conv2", [("kernel", k2), ("bias", b2)]),
                    ("norm", [("gamma", gamma), ("beta", beta), ("moving_mean", mean),
                              ("moving_variance", variance)]), ("features", [])]

    def conv_forward(x):
        out = {"conv1": np.maximum(conv2d(x, k1, b1, "valid"), 0)}
        out["pool1"] = max_pool(out["conv1"], 2)
        out["conv2"] = conv2d(out["pool1"], k2, b2, "same")
        out["norm"] = ((out["conv2"] - mean.astype(np.float64))
                       / np.sqrt(variance.astype(np.float64) + 0.001) * gamma.astype(np.float64)
                       + beta.astype(np.float64))
        out["features"] = out["norm"].mean(axis=(1, 2))
        return out

    flatten_layers = [first, pool,
                      {"class_name": "Flatten", "config": {
                          "name": "flat", "trainable": True, "dtype": "float32",
                          "data_format": "channels_last"}},
                      keras_layer("Dense", "dense", units=5, activation="tanh")]
    flatten_weights = conv_weights[:2] + [("flat", []),
                                          ("dense", [("kernel", dense_kernel),
                                                     ("bias", dense_bias)])]

    def flatten_forward(x):
        out = {"conv1": np.maximum(conv2d(x, k1, b1, "valid"), 0)}
        out["pool1"] = max_pool(out["conv1"], 2)
        out["flat"] = out["pool1"].reshape(x.shape[0], -1)  # Keras flattens height, width, channels
        out["dense"] = np.tanh(out["flat"] @ dense_kernel.astype(np.float64)
                               + dense_bias.astype(np.float64))
        return out

    def sequential(name, layers):
        return {"class_name": "Sequential", "config": {"name": name, "layers": layers}}

    def functional(name, layers):
        """As tf.keras 2.11 saves keras.applications' bases: an InputLayer, the layers named at
        the top, batch normalization's axis as a list."""
        nodes = [{"class_name": "InputLayer", "name": "image", "inbound_nodes": [], "config": {
            "batch_input_shape": [None] + list(IMAGE), "dtype": "float32", "sparse": False,
            "ragged": False, "name": "image"}}]
        for layer in layers:
            config = {key: value for key, value in layer["config"].items()
                      if key != "batch_input_shape"}
            if layer["class_name"] == "BatchNormalization":
                config["axis"] = [3]
            nodes.append({"class_name": layer["class_name"], "name": config["name"],
                          "config": config,
                          "inbound_nodes": [[[nodes[-1]["name"], 0, 0, {}]]]})
        return {"class_name": "Functional", "config": {
            "name": name, "layers": nodes, "input_layers": [["image", 0, 0]],
            "output_layers": [[nodes[-1]["name"], 0, 0]]}}

    # A Flatten of an image into a layer with weights other than a Dense's, which is refused.
    flatten_norm_layers = flatten_layers[:3] + [dict(conv_layers[3], config=dict(
        conv_layers[3]["config"], name="flat_norm"))]
    flatten_norm_weights = conv_weights[:2] + [("flat", []), ("flat_norm", [
        ("gamma", np.ones(36, np.float32)), ("beta", np.zeros(36, np.float32)),
        ("moving_mean", np.zeros(36, np.float32)), ("moving_variance", np.ones(36, np.float32))])]

    return {"conv.h5": (sequential("conv", conv_layers), conv_weights, conv_forward),
            "conv_functional.h5": (functional("conv", conv_layers), conv_weights, conv_forward),
            "flatten.h5": (sequential("flatten", flatten_layers), flatten_weights,
                           flatten_forward),
            "flatten_norm.h5": (sequential("flatten_norm", flatten_norm_layers),
                                flatten_norm_weights, None)}


def image_reference(images):
    """The images (batch, height, width, channels) and each layer's output, as Keras gives them."""
    x = rounded(np.random.RandomState(8), (3,) + IMAGE, 1.0).astype(np.float64)
    return {"inputs": x.tolist(),
            "outputs": {name: {layer: value.tolist() for layer, value in forward(x).items()}
                        for name, (_, _, forward) in images.items() if forward}}


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

    images = image_bases()
    for name, (config, arrays, _) in images.items():
        write(os.path.join(OUT, name), config, arrays, tf_keras=config["class_name"] == "Functional")

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
        "images": image_reference(images),
    }
    with open(os.path.join(OUT, "reference.json.tmp"), "w") as f:
        json.dump(reference, f, indent=1)
        f.write("\n")
    os.replace(os.path.join(OUT, "reference.json.tmp"), os.path.join(OUT, "reference.json"))

    if os.path.isdir(IT):
        shutil.copyfile(os.path.join(OUT, "sequential.h5"), os.path.join(IT, "base.h5"))
    image_it()


def png(path, pixels):
    """An 8-bit RGB PNG of pixels (height, width, 3), written without a library: the same bytes
    on each run (no timestamps)."""
    import struct
    import zlib

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))

    height, width, _ = pixels.shape
    rows = b"".join(b"\x00" + bytes(pixels[i].astype(np.uint8).ravel()) for i in range(height))
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
    with open(path + ".tmp", "wb") as f:
        f.write(data)
    os.replace(path + ".tmp", path)


def image_it():
    """Two classes the frozen conv base's features tell apart: warm (red) and cool (blue) noise."""
    if not os.path.isdir(IMAGE_IT):
        return
    shutil.copyfile(os.path.join(OUT, "conv.h5"), os.path.join(IMAGE_IT, "base.h5"))
    rng = np.random.RandomState(9)
    for label, channel in (("cool", 2), ("warm", 0)):
        folder = os.path.join(IMAGE_IT, "images", label)
        os.makedirs(folder, exist_ok=True)
        for i in range(40):
            pixels = rng.randint(0, 60, IMAGE)
            pixels[:, :, channel] += 195
            png(os.path.join(folder, "%02d.png" % i), pixels)


if __name__ == "__main__":
    main()
