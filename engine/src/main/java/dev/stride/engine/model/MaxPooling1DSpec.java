package dev.stride.engine.model;

import java.util.Objects;

/**
 * Keras {@code MaxPooling1D}: the maximum over the steps of a (steps, features) sequence; {@code strides} null means
 * Keras's None, which is the pool size.
 */
public record MaxPooling1DSpec(int poolSize, Integer strides, Padding padding, DataFormat dataFormat)
        implements LayerSpec {
    public MaxPooling1DSpec {
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static MaxPooling1DSpec of() {
        return new MaxPooling1DSpec(2, null, Padding.VALID, DataFormat.CHANNELS_LAST);
    }

    /** The strides Keras uses: the pool size when {@code strides} is None. */
    public int effectiveStrides() {
        return strides == null ? poolSize : strides;
    }

    @Override
    public String kerasClassName() {
        return "MaxPooling1D";
    }
}
