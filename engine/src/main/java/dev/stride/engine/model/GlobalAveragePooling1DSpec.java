package dev.stride.engine.model;

import java.util.Objects;

/**
 * Keras {@code GlobalAveragePooling1D}: the mean over the steps of a (steps, features) sequence; {@code keepdims}
 * keeps a length-1 step axis.
 */
public record GlobalAveragePooling1DSpec(DataFormat dataFormat, boolean keepdims) implements LayerSpec {
    public GlobalAveragePooling1DSpec {
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static GlobalAveragePooling1DSpec of() {
        return new GlobalAveragePooling1DSpec(DataFormat.CHANNELS_LAST, false);
    }

    @Override
    public String kerasClassName() {
        return "GlobalAveragePooling1D";
    }
}
