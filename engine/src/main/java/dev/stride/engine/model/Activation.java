package dev.stride.engine.model;

import java.util.Locale;

/** The built-in Keras activation functions, by their Keras serialisation names. */
public enum Activation {
    LINEAR, RELU, RELU6, LEAKY_RELU, ELU, SELU, GELU, SIGMOID, HARD_SIGMOID, TANH, SOFTMAX, LOG_SOFTMAX,
    SOFTPLUS, SOFTSIGN, SWISH, SILU, HARD_SILU, HARD_SWISH, MISH, EXPONENTIAL;

    /** The name Keras writes in a model's JSON, e.g. {@code "leaky_relu"}. */
    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a Keras activation name; Keras's {@code None} (null) means linear. */
    public static Activation fromKeras(String value) {
        if (value == null) {
            return LINEAR;
        }
        for (Activation activation : values()) {
            if (activation.kerasName().equalsIgnoreCase(value)) {
                return activation;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + value + "'");
    }
}
