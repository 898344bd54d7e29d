"""Generates Keras-3 ground truth for Stride's shape tests.

For every case it builds a real Keras model, saves `model.to_json()` and what Keras itself reports per layer
(output shape without batch, parameter counts), or the error Keras raises. Run with any Keras 3 backend:

    KERAS_BACKEND=jax python3 tools/keras-fixtures/generate.py engine/src/test/resources/keras3/cases.json
"""
import json
import random
import sys

import keras
from keras import layers

rng = random.Random(20261123)


def describe(model, sequential):
    rows = []
    for layer in model.layers:
        shape = list(layer.output.shape[1:])
        trainable = sum(int(keras.ops.size(w)) for w in layer.trainable_weights)
        rows.append({
            "name": layer.name,
            "type": layer.__class__.__name__,
            "output_shape": shape,
            "params": layer.count_params(),
            "trainable_params": trainable,
        })
    return rows


def build(case):
    inputs = [keras.Input(shape=tuple(s), batch_size=case.get("batch")) for s in case["inputs"]]
    if case["kind"] == "sequential":
        model = keras.Sequential([inputs[0]] + [getattr(layers, c)(**k) for c, k in case["layers"]])
        return model
    x = inputs if len(inputs) > 1 else inputs[0]
    for cls, kwargs in case["layers"]:
        x = getattr(layers, cls)(**kwargs)(x)
    return keras.Model(inputs, x)


def run(case):
    try:
        model = build(case)
        text = model.to_json()
    except Exception as e:  # Keras rejects the configuration: Stride must too
        return {"id": case["id"], "case": case, "error": f"{type(e).__name__}: {e}"[:300]}
    return {"id": case["id"], "case": case, "model": json.loads(text),
            "expected": describe(model, case["kind"] == "sequential")}


def fmt():
    return rng.choice(["channels_last", "channels_first"])


def image(h, w, c, data_format):
    return [h, w, c] if data_format == "channels_last" else [c, h, w]


def pair_or_int(a, b):
    return a if a == b and rng.random() < 0.5 else [a, b]


CASES = []


def add(kind, layer_list, inputs, batch=None):
    CASES.append({"id": f"case{len(CASES):04d}", "kind": kind, "layers": layer_list, "inputs": inputs,
                  "batch": batch})


# --- the cases of Keras's own layer tests ----------------------------------------------------------------------
add("sequential", [("Conv2D", dict(filters=5, kernel_size=2, strides=1, padding="valid", data_format="channels_last",
                                   dilation_rate=1, groups=1))], [[5, 5, 4]], 3)
add("sequential", [("Conv2D", dict(filters=6, kernel_size=2, strides=1, padding="same", data_format="channels_last",
                                   dilation_rate=[2, 2], groups=2))], [[4, 4, 4]], 3)
add("sequential", [("Conv2D", dict(filters=6, kernel_size=[2, 2], strides=[2, 1], padding="valid",
                                   data_format="channels_last", dilation_rate=[1, 1], groups=2))], [[5, 5, 4]], 3)
for pool, strides, padding, df in [(2, 1, "valid", "channels_last"), (2, 1, "same", "channels_first"),
                                   ([2, 3], [2, 2], "valid", "channels_last")]:
    for cls in ["MaxPooling2D", "AveragePooling2D"]:
        add("sequential", [(cls, dict(pool_size=pool, strides=strides, padding=padding, data_format=df))],
            [[5, 5, 4]], 3)
for df in ["channels_last", "channels_first"]:
    for keep in [False, True]:
        for cls in ["GlobalAveragePooling2D", "GlobalMaxPooling2D"]:
            add("sequential", [(cls, dict(data_format=df, keepdims=keep))], [[5, 6, 4]], 3)
for cropping in [[[1, 2], [3, 4]], [[2, 2], [2, 2]], [2, 2], 2, [[0, 2], [0, 4]], [[1, 0], [3, 0]], [[1, 0], [3, 4]],
                 [[1, 2], [3, 0]], [[3, 6], [0, 0]], [[0, 0], [5, 4]], [[4, 5], [0, 0]], [[0, 0], [7, 3]]]:
    for df in ["channels_first", "channels_last"]:
        add("sequential", [("Cropping2D", dict(cropping=cropping, data_format=df))],
            [[5, 7, 9] if df == "channels_first" else [7, 9, 5]], 3)
for padding in [[[1, 2], [3, 4]], [[2, 2], [2, 2]], [2, 2], 2, [1, 2]]:
    for df in ["channels_first", "channels_last"]:
        add("sequential", [("ZeroPadding2D", dict(padding=padding, data_format=df))], [[2, 3, 4]], 1)
for df in ["channels_first", "channels_last"]:
    for size in [[2, 2], [2, 3], 3]:
        for interpolation in ["nearest", "bilinear"]:
            add("sequential", [("UpSampling2D", dict(size=size, data_format=df, interpolation=interpolation))],
                [[2, 11, 12] if df == "channels_first" else [11, 12, 2]], 2)
for target, shape in [([8, 1], [2, 4]), ([8], [2, 4]), ([2, 4], [8]), ([-1, 1], [2, 4]), ([1, -1], [2, 4]),
                      ([-1], [2, 4]), ([2, -1], [2, 4]), ([-1, 8], [6, 4]), ([3, 5], [4, 4]), ([-1, 3], [4, 4])]:
    add("sequential", [("Reshape", dict(target_shape=target))], [shape], 3)
for cls in ["Add", "Concatenate"]:
    add("functional", [(cls, {})], [[4, 5], [4, 5]], 2)
add("functional", [("Concatenate", dict(axis=1))], [[4, 2], [4, 2]])
add("functional", [("Concatenate", dict(axis=-1))], [[1, 1, 1, 5], [1, 1, 1, 4]])
add("functional", [("Concatenate", dict(axis=-1))], [[2, 1, 1, 5], [1, 1, 1, 4]])
add("functional", [("Concatenate", dict(axis=1))], [[2, 1, 2, 1], [1, 1, 3, 1]])
add("functional", [("Add", {})], [[4, 5], [4, 6]])
add("functional", [("Add", {})], [[4, 5], [1, 5]])
add("sequential", [("BatchNormalization", dict(center=True, scale=True))], [[3]], 2)
add("sequential", [("BatchNormalization", dict(center=False, scale=False))], [[3]], 2)
add("sequential", [("BatchNormalization", dict(beta_regularizer="l2", gamma_regularizer="l2"))], [[4, 4, 3]], 2)
for axis in [-1, 1]:
    for shape in [[2, 3], [3, 3, 2]]:
        add("sequential", [("BatchNormalization", dict(axis=axis, momentum=0.0))], [shape], 5)
add("sequential", [("BatchNormalization", dict(renorm=True))], [[3]], 2)
add("sequential", [("BatchNormalization", dict(renorm=True, renorm_clipping={"rmax": 3.0, "rmin": 0.3,
                                                                              "dmax": 5.0}))], [[4, 4, 3]], 2)
add("sequential", [("Dense", dict(units=2))], [[3]], 2)
add("sequential", [("Dense", dict(units=5))], [[3, 4]], 2)
add("sequential", [("Dense", dict(units=4, use_bias=False, activation="relu"))], [[2, 3, 6]], 2)
add("sequential", [("Dense", dict(units=2, kernel_regularizer="l2", bias_regularizer="l1",
                                  activity_regularizer="l1_l2", kernel_constraint="non_neg",
                                  bias_constraint="max_norm"))], [[3]])
add("sequential", [("Flatten", {})], [[2, 3, 4]])
add("sequential", [("Flatten", dict(data_format="channels_first"))], [[2, 3, 4]])
add("sequential", [("Flatten", {})], [[5]])
add("sequential", [("Dropout", dict(rate=0.5))], [[2, 3]])
add("sequential", [("Dropout", dict(rate=0.25, noise_shape=[None, 1], seed=1337))], [[2, 3]])
add("sequential", [("SpatialDropout2D", dict(rate=0.5))], [[3, 4, 5]])
add("sequential", [("SpatialDropout2D", dict(rate=0.5, data_format="channels_first"))], [[3, 4, 5]])
for act in ["relu", "softmax", "sigmoid", "tanh", "linear", "elu", "selu", "gelu", "softplus", "swish", "leaky_relu",
            "relu6", "hard_sigmoid", "softsign", "exponential", "mish", "log_softmax", "silu"]:
    add("sequential", [("Activation", dict(activation=act))], [[4, 3]])
add("sequential", [("DepthwiseConv2D", dict(kernel_size=2, depth_multiplier=1, strides=1, padding="valid",
                                            data_format="channels_last", dilation_rate=1))], [[5, 5, 4]], 3)
add("sequential", [("DepthwiseConv2D", dict(kernel_size=2, depth_multiplier=6, strides=1, padding="same",
                                            data_format="channels_last", dilation_rate=[2, 2]))], [[4, 4, 4]], 3)
add("sequential", [("DepthwiseConv2D", dict(kernel_size=2, depth_multiplier=6, strides=[2, 2], padding="valid",
                                            data_format="channels_last"))], [[4, 4, 4]], 3)
add("sequential", [("SeparableConv2D", dict(filters=5, kernel_size=2, depth_multiplier=1, strides=1, padding="valid",
                                            data_format="channels_last", dilation_rate=1))], [[5, 5, 4]], 3)
add("sequential", [("SeparableConv2D", dict(filters=6, kernel_size=2, depth_multiplier=2, strides=1, padding="same",
                                            data_format="channels_last", dilation_rate=[2, 2]))], [[4, 4, 4]], 3)
add("sequential", [("SeparableConv2D", dict(filters=6, kernel_size=[2, 2], depth_multiplier=3, strides=[2, 2],
                                            padding="valid", data_format="channels_last"))], [[4, 4, 4]], 3)
for filters, ks, strides, padding, op, df, dil, shape in [
        (5, 2, 1, "valid", None, "channels_last", 1, [4, 4, 4]),
        (6, 2, 1, "same", None, "channels_last", [2, 2], [4, 4, 4]),
        (6, [2, 3], [2, 1], "valid", None, "channels_last", [1, 1], [4, 4, 4]),
        (6, 3, 2, "same", 1, "channels_last", 1, [4, 4, 4]),
        (6, 3, 2, "valid", 1, "channels_first", 1, [4, 5, 6]),
        (2, 5, 3, "same", [2, 1], "channels_last", 1, [7, 3, 2])]:
    add("sequential", [("Conv2DTranspose", dict(filters=filters, kernel_size=ks, strides=strides, padding=padding,
                                                output_padding=op, data_format=df, dilation_rate=dil))], [shape], 2)
# conv_transpose_test.py's 2-D cases
for filters, ks, strides, padding, op, df, dil, shape in [
        (5, 2, 2, "valid", None, "channels_last", 1, [8, 8, 4]),
        (6, 2, 3, "same", 2, "channels_last", [1, 1], [8, 8, 4]),
        (6, [2, 3], [2, 1], "valid", None, "channels_first", [1, 1], [4, 8, 8]),
        (2, [7, 7], [16, 16], "valid", None, "channels_last", [1, 1], [14, 14, 2])]:
    add("sequential", [("Conv2DTranspose", dict(filters=filters, kernel_size=ks, strides=strides, padding=padding,
                                                output_padding=op, data_format=df, dilation_rate=dil))], [shape], 2)
# dynamic (None) dimensions
add("sequential", [("Cropping2D", dict(cropping=[[1, 2], [3, 4]]))], [[7, None, 5]], 1)
add("sequential", [("Cropping2D", dict(cropping=[[1, 2], [3, 4]], data_format="channels_first"))], [[5, 7, None]], 1)
add("sequential", [("ZeroPadding2D", dict(padding=[[1, 2], [3, 4]]))], [[2, None, 4]], 1)
for padding in ["valid", "same"]:
    add("sequential", [("Conv2D", dict(filters=4, kernel_size=3, padding=padding))], [[None, None, 3]])
    add("sequential", [("Conv2D", dict(filters=4, kernel_size=3, strides=2, padding=padding,
                                       data_format="channels_first"))], [[3, None, 9]])
    add("sequential", [("MaxPooling2D", dict(pool_size=2, padding=padding))], [[None, 8, 3]])
    add("sequential", [("Conv2DTranspose", dict(filters=2, kernel_size=3, strides=2, padding=padding))],
        [[None, 4, 2]])
    add("sequential", [("SeparableConv2D", dict(filters=2, kernel_size=3, padding=padding))], [[None, 5, 2]])
    add("sequential", [("DepthwiseConv2D", dict(kernel_size=3, padding=padding, depth_multiplier=2))],
        [[6, None, 2]])
add("sequential", [("GlobalAveragePooling2D", {})], [[None, None, 3]])
add("sequential", [("UpSampling2D", dict(size=2))], [[None, 4, 2]])
add("sequential", [("Dense", dict(units=3))], [[None, 4]])
add("sequential", [("Flatten", {})], [[None, 4]])
add("sequential", [("Reshape", dict(target_shape=[-1, 3]))], [[6, None, 3]])
add("sequential", [("BatchNormalization", {})], [[None, 3]])
add("sequential", [("Dropout", dict(rate=0.1))], [[None, 3]])
add("functional", [("Concatenate", dict(axis=-1))], [[None, 4], [None, 4]])
add("functional", [("Concatenate", dict(axis=1))], [[None, 4], [3, 4]])
add("functional", [("Add", {})], [[None, 4], [3, 4]])
# flatten_test.py: scalar channels and dynamic dimensions
for df in ["channels_last", "channels_first"]:
    add("sequential", [("Flatten", dict(data_format=df))], [[]], 10)
    add("sequential", [("Flatten", dict(data_format=df))], [[3, 5, 5]], 10)
add("sequential", [("Flatten", {})], [[2, None]], 5)
add("sequential", [("Flatten", {})], [[2, 3]])
add("sequential", [("Activation", dict(activation="relu"))], [[]], 4)
add("sequential", [("Dense", dict(units=2))], [[]], 4)
# keras.io "Simple MNIST convnet"
add("sequential", [("Conv2D", dict(filters=32, kernel_size=[3, 3], activation="relu")), ("MaxPooling2D",
                    dict(pool_size=[2, 2])), ("Conv2D", dict(filters=64, kernel_size=[3, 3], activation="relu")),
                   ("MaxPooling2D", dict(pool_size=[2, 2])), ("Flatten", {}), ("Dropout", dict(rate=0.5)),
                   ("Dense", dict(units=10, activation="softmax"))], [[28, 28, 1]])
# initializers, regularizers and constraints of every kind
for init in ["glorot_uniform", "glorot_normal", "he_normal", "he_uniform", "lecun_normal", "lecun_uniform", "zeros",
             "ones", "orthogonal", "identity",
             {"class_name": "Constant", "config": {"value": 0.3}},
             {"class_name": "RandomNormal", "config": {"mean": 0.1, "stddev": 0.2, "seed": 7}},
             {"class_name": "RandomUniform", "config": {"minval": -0.1, "maxval": 0.2}},
             {"class_name": "TruncatedNormal", "config": {"stddev": 0.3}},
             {"class_name": "VarianceScaling", "config": {"scale": 2.0, "mode": "fan_out",
                                                          "distribution": "uniform"}}]:
    add("sequential", [("Conv2D", dict(filters=4, kernel_size=3, kernel_initializer=init,
                                       kernel_regularizer={"class_name": "L1L2", "config": {"l1": 0.001, "l2": 0.0005}},
                                       kernel_constraint={"class_name": "MinMaxNorm", "config": {
                                           "min_value": 0.1, "max_value": 2.0, "rate": 0.5, "axis": [0, 1, 2]}},
                                       bias_constraint="unit_norm"))], [[6, 6, 2]])

# --- random configurations ------------------------------------------------------------------------------------
for _ in range(160):
    df = fmt()
    groups = rng.choice([1, 1, 1, 2, 3])
    c = groups * rng.randint(1, 3)
    filters = groups * rng.randint(1, 3)
    kh, kw = rng.randint(1, 5), rng.randint(1, 5)
    sh, sw = rng.randint(1, 3), rng.randint(1, 3)
    dh, dw = (1, 1) if rng.random() < 0.6 else (rng.randint(1, 3), rng.randint(1, 3))
    if rng.random() < 0.85 and max(sh, sw) > 1:
        dh, dw = 1, 1
    h, w = rng.randint(1, 14), rng.randint(1, 14)
    add("sequential", [("Conv2D", dict(filters=filters, kernel_size=pair_or_int(kh, kw), strides=pair_or_int(sh, sw),
                                       padding=rng.choice(["valid", "same"]), data_format=df,
                                       dilation_rate=pair_or_int(dh, dw), groups=groups,
                                       use_bias=rng.random() < 0.8))], [image(h, w, c, df)], rng.choice([None, 2]))
for _ in range(80):
    df = fmt()
    kh, kw = rng.randint(1, 5), rng.randint(1, 5)
    sh, sw = rng.randint(1, 4), rng.randint(1, 4)
    op = None if rng.random() < 0.5 else [rng.randint(0, sh), rng.randint(0, sw)]
    dil = 1 if max(sh, sw) > 1 or rng.random() < 0.5 else [rng.randint(1, 3), rng.randint(1, 3)]
    add("sequential", [("Conv2DTranspose", dict(filters=rng.randint(1, 5), kernel_size=[kh, kw], strides=[sh, sw],
                                                padding=rng.choice(["valid", "same"]), output_padding=op,
                                                data_format=df, dilation_rate=dil))],
        [image(rng.randint(1, 9), rng.randint(1, 9), rng.randint(1, 4), df)])
for _ in range(60):
    df = fmt()
    cls = rng.choice(["SeparableConv2D", "DepthwiseConv2D"])
    kwargs = dict(kernel_size=[rng.randint(1, 4), rng.randint(1, 4)], strides=rng.randint(1, 3),
                  padding=rng.choice(["valid", "same"]), depth_multiplier=rng.randint(1, 3), data_format=df,
                  use_bias=rng.random() < 0.7)
    if cls == "SeparableConv2D":
        kwargs["filters"] = rng.randint(1, 6)
    add("sequential", [(cls, kwargs)], [image(rng.randint(1, 10), rng.randint(1, 10), rng.randint(1, 4), df)])
for _ in range(100):
    df = fmt()
    cls = rng.choice(["MaxPooling2D", "AveragePooling2D"])
    ph, pw = rng.randint(1, 4), rng.randint(1, 4)
    strides = None if rng.random() < 0.4 else pair_or_int(rng.randint(1, 3), rng.randint(1, 3))
    add("sequential", [(cls, dict(pool_size=pair_or_int(ph, pw), strides=strides,
                                  padding=rng.choice(["valid", "same"]), data_format=df))],
        [image(rng.randint(1, 12), rng.randint(1, 12), rng.randint(1, 4), df)])
for _ in range(30):
    df = fmt()
    add("sequential", [("Cropping2D", dict(cropping=[[rng.randint(0, 4), rng.randint(0, 4)],
                                                     [rng.randint(0, 4), rng.randint(0, 4)]], data_format=df))],
        [image(rng.randint(1, 9), rng.randint(1, 9), 2, df)])
# a residual block and an inception-style merge, functional
CASES.append({"id": f"case{len(CASES):04d}", "kind": "residual", "layers": [], "inputs": [[8, 8, 3]], "batch": None})


def build_residual(case):
    inp = keras.Input((8, 8, 3))
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(inp)
    y = layers.Conv2D(16, 3, padding="same")(x)
    y = layers.BatchNormalization()(y)
    z = layers.Add()([x, y])
    a = layers.Conv2D(8, 1)(z)
    b = layers.MaxPooling2D(3, strides=1, padding="same")(z)
    c = layers.Concatenate()([a, b])
    out = layers.Dense(3, activation="softmax")(layers.GlobalAveragePooling2D()(c))
    return keras.Model(inp, out)

# merging_test.py: the element-wise merges on its (4, 5) inputs, Subtract's two-input rule, and base_merge.py's
# broadcasting (trailing axes aligned, 1 stretches, None matches anything, the shorter shape gains leading axes)
for cls in ["Subtract", "Multiply", "Average", "Maximum", "Minimum"]:
    add("functional", [(cls, {})], [[4, 5], [4, 5]], 2)
    add("functional", [(cls, {})], [[4, 5], [4, 6]])
    add("functional", [(cls, {})], [[4, 5], [1, 5]])
    add("functional", [(cls, {})], [[None, 4], [3, 4]])
    add("functional", [(cls, {})], [[2, 4, 5], [4, 5]])
    add("functional", [(cls, {})], [[3, 1, 5], [4, 1]])
    add("functional", [(cls, {})], [[4, 5], [4, 5], [4, 5]], 2)
    add("functional", [(cls, {})], [[8, 8, 3], [1, 1, 3], [8, 1, 1]])
add("functional", [("Subtract", {})], [[4, 5]])
# global_pooling_test.py: 1-D and 3-D global pooling in both data formats, with and without keepdims
for df in ["channels_last", "channels_first"]:
    for keep in [False, True]:
        for cls in ["GlobalAveragePooling1D", "GlobalMaxPooling1D"]:
            add("sequential", [(cls, dict(data_format=df, keepdims=keep))], [[3, 4]], 2)
        for cls in ["GlobalAveragePooling3D", "GlobalMaxPooling3D"]:
            add("sequential", [(cls, dict(data_format=df, keepdims=keep))], [[3, 4, 5, 6]], 2)
for cls, shape in [("GlobalMaxPooling1D", [None, 7]), ("GlobalAveragePooling3D", [None, None, None, 3]),
                   ("GlobalMaxPooling1D", [5, 6, 4]), ("GlobalAveragePooling3D", [5, 6, 4]),
                   ("GlobalAveragePooling1D", [5])]:
    add("sequential", [(cls, {})], [shape])
# max_pooling_test.py / average_pooling_test.py: 1-D and 3-D pooling, then random 1-D and 3-D configurations
for pool, strides, padding, df, shape in [(2, 1, "valid", "channels_last", [5, 4]),
                                          (2, 1, "same", "channels_first", [5, 4]),
                                          ([2], [2], "valid", "channels_last", [5, 4])]:
    for cls in ["MaxPooling1D", "AveragePooling1D"]:
        add("sequential", [(cls, dict(pool_size=pool, strides=strides, padding=padding, data_format=df))], [shape], 3)
for pool, strides, padding, df in [(2, 1, "valid", "channels_last"), (2, 1, "same", "channels_first"),
                                   ([2, 3, 2], [2, 2, 1], "valid", "channels_last")]:
    for cls in ["MaxPooling3D", "AveragePooling3D"]:
        add("sequential", [(cls, dict(pool_size=pool, strides=strides, padding=padding, data_format=df))],
            [[5, 5, 5, 4]], 3)
for _ in range(30):
    df = fmt()
    steps, features = rng.randint(1, 12), rng.randint(1, 4)
    add("sequential", [(rng.choice(["MaxPooling1D", "AveragePooling1D"]),
                        dict(pool_size=rng.randint(1, 4), strides=None if rng.random() < 0.4 else rng.randint(1, 3),
                             padding=rng.choice(["valid", "same"]), data_format=df))],
        [[steps, features] if df == "channels_last" else [features, steps]])
for _ in range(30):
    df = fmt()
    d, h, w, ch = rng.randint(1, 7), rng.randint(1, 7), rng.randint(1, 7), rng.randint(1, 3)
    strides = None if rng.random() < 0.4 else [rng.randint(1, 3), rng.randint(1, 3), rng.randint(1, 3)]
    add("sequential", [(rng.choice(["MaxPooling3D", "AveragePooling3D"]),
                        dict(pool_size=[rng.randint(1, 3), rng.randint(1, 3), rng.randint(1, 3)], strides=strides,
                             padding=rng.choice(["valid", "same"]), data_format=df))],
        [[d, h, w, ch] if df == "channels_last" else [ch, d, h, w]])
add("sequential", [("MaxPooling1D", dict(pool_size=3))], [[None, 4]])
add("sequential", [("AveragePooling3D", dict(pool_size=2, padding="same"))], [[None, 5, None, 2]])
add("sequential", [("MaxPooling1D", {})], [[5, 6, 4]])


results = []
for case in CASES:
    if case["kind"] == "residual":
        model = build_residual(case)
        results.append({"id": case["id"], "case": case, "model": json.loads(model.to_json()),
                        "expected": describe(model, False)})
    else:
        results.append(run(case))

with open(sys.argv[1], "w") as f:
    json.dump({"keras_version": keras.__version__, "cases": results}, f, separators=(",", ":"))
print(len(results), "cases,", sum(1 for r in results if "error" in r), "rejected by Keras")
