package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code GlobalMaxPooling2D}: one value per channel; {@code keepdims} keeps 1×1 spatial axes. */
public record GlobalMaxPooling2DSpec(DataFormat dataFormat, boolean keepdims) implements LayerSpec {
    public GlobalMaxPooling2DSpec {
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static GlobalMaxPooling2DSpec of() {
        return new GlobalMaxPooling2DSpec(DataFormat.CHANNELS_LAST, false);
    }

    @Override
    public String kerasClassName() {
        return "GlobalMaxPooling2D";
    }
}
