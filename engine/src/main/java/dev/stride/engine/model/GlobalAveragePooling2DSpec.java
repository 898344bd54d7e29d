package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code GlobalAveragePooling2D}: one value per channel; {@code keepdims} keeps 1×1 spatial axes. */
public record GlobalAveragePooling2DSpec(DataFormat dataFormat, boolean keepdims) implements LayerSpec {
    public GlobalAveragePooling2DSpec {
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static GlobalAveragePooling2DSpec of() {
        return new GlobalAveragePooling2DSpec(DataFormat.CHANNELS_LAST, false);
    }

    @Override
    public String kerasClassName() {
        return "GlobalAveragePooling2D";
    }
}
