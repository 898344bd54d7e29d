package dev.stride.engine.model;

import java.util.Objects;

/**
 * Keras {@code GlobalMaxPooling1D}: the maximum over the steps of a (steps, features) sequence; {@code keepdims}
 * keeps a length-1 step axis.
 */
public record GlobalMaxPooling1DSpec(DataFormat dataFormat, boolean keepdims) implements LayerSpec {
    public GlobalMaxPooling1DSpec {
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static GlobalMaxPooling1DSpec of() {
        return new GlobalMaxPooling1DSpec(DataFormat.CHANNELS_LAST, false);
    }

    @Override
    public String kerasClassName() {
        return "GlobalMaxPooling1D";
    }
}
