"""Writes the Keras HDF5 test fixtures by hand, with the layout tf.keras 2.x uses for model.save("x.h5").

Keras itself cannot be installed here; Debian's python3-h5py can write the same structure:
  /                 attrs: keras_version, backend, model_config (the model's JSON)
  /model_weights    attrs: layer_names; one group per layer with attr weight_names
  /model_weights/<layer>/<layer>/<weight>:0   the arrays, in Keras's layout
Weights are deterministic (value i of a tensor with n values is (i - n/2) / n) so the Java test can check them.
Run: /usr/bin/python3 make_fixtures.py  (from this folder)
"""
import json

import h5py
import numpy as np


def conv(name, filters, kernel, padding, activation, strides=(1, 1)):
    return {"class_name": "Conv2D", "config": {
        "name": name, "trainable": True, "dtype": "float32", "filters": filters, "kernel_size": list(kernel),
        "strides": list(strides), "padding": padding, "data_format": "channels_last", "dilation_rate": [1, 1],
        "groups": 1, "activation": activation, "use_bias": True,
        "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
        "bias_initializer": {"class_name": "Zeros", "config": {}},
        "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
        "kernel_constraint": None, "bias_constraint": None}}


def dense(name, units, activation):
    return {"class_name": "Dense", "config": {
        "name": name, "trainable": True, "dtype": "float32", "units": units, "activation": activation,
        "use_bias": True, "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
        "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
        "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}}


def sequential(name, layers):
    return {"class_name": "Sequential", "config": {"name": name, "layers": layers},
            "keras_version": "2.12.0", "backend": "tensorflow"}


def values(shape):
    n = int(np.prod(shape))
    return ((np.arange(n, dtype=np.float32) - n / 2) / n).reshape(shape)


def write(path, config, weights):
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = b"2.12.0"
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps(config).encode("utf-8")
        group = f.create_group("model_weights")
        names = [layer["config"]["name"] for layer in config["config"]["layers"]]
        group.attrs["layer_names"] = [n.encode("utf-8") for n in names]
        for layer in names:
            layer_group = group.create_group(layer)
            owned = weights.get(layer, {})
            layer_group.attrs["weight_names"] = [f"{layer}/{w}:0".encode("utf-8") for w in owned]
            for weight, array in owned.items():
                layer_group.create_dataset(f"{layer}/{weight}:0", data=array)


tiny = sequential("tiny_cnn", [
    {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 8, 8, 1], "dtype": "float32",
                                            "sparse": False, "ragged": False, "name": "input_1"}},
    conv("conv2d", 4, (3, 3), "same", "relu", strides=(2, 2)),
    {"class_name": "MaxPooling2D", "config": {"name": "max_pooling2d", "trainable": True, "dtype": "float32",
                                              "pool_size": [2, 2], "padding": "valid", "strides": [2, 2],
                                              "data_format": "channels_last"}},
    {"class_name": "Flatten", "config": {"name": "flatten", "trainable": True, "dtype": "float32",
                                         "data_format": "channels_last"}},
    dense("dense", 3, "softmax"),
])
write("tiny_cnn.h5", tiny, {
    "conv2d": {"kernel": values((3, 3, 1, 4)), "bias": values((4,))},
    "dense": {"kernel": values((16, 3)), "bias": values((3,))},
})

recurrent = sequential("with_lstm", [
    {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 10, 4], "dtype": "float32",
                                            "sparse": False, "ragged": False, "name": "input_1"}},
    {"class_name": "LSTM", "config": {"name": "lstm", "trainable": True, "dtype": "float32", "units": 8,
                                      "activation": "tanh", "recurrent_activation": "sigmoid", "use_bias": True,
                                      "return_sequences": False}},
    dense("dense", 2, "softmax"),
])
write("with_lstm.h5", recurrent, {})
