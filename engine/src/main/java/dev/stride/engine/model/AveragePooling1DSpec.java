package dev.stride.engine.model;

import java.util.Objects;

/**
 * Keras {@code AveragePooling1D}: the mean over the steps of a (steps, features) sequence; {@code strides} null
 * means Keras's None, which is the pool size.
 */
public record AveragePooling1DSpec(int poolSize, Integer strides, Padding padding, DataFormat dataFormat)
        implements LayerSpec {
    public AveragePooling1DSpec {
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static AveragePooling1DSpec of() {
        return new AveragePooling1DSpec(2, null, Padding.VALID, DataFormat.CHANNELS_LAST);
    }

    /** The strides Keras uses: the pool size when {@code strides} is None. */
    public int effectiveStrides() {
        return strides == null ? poolSize : strides;
    }

    @Override
    public String kerasClassName() {
        return "AveragePooling1D";
    }
}
