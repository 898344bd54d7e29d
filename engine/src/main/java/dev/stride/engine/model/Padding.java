package dev.stride.engine.model;

import java.util.Locale;

/** Keras's {@code padding} argument of convolutions and pooling. */
public enum Padding {
    /** No padding: the window must fit inside the input. */
    VALID,
    /** Zero padding so that the output size is ⌈input / stride⌉. */
    SAME;

    /** The Keras spelling, {@code "valid"} or {@code "same"}. */
    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the Keras spelling, ignoring case as Keras does. */
    public static Padding fromKeras(String value) {
        for (Padding padding : values()) {
            if (padding.kerasName().equalsIgnoreCase(value)) {
                return padding;
            }
        }
        throw new IllegalArgumentException("padding must be 'valid' or 'same', got '" + value + "'");
    }
}
