package dev.stride.engine.model;

import java.util.Objects;

/**
 * Keras {@code GlobalAveragePooling3D}: one mean per channel of a volume; {@code keepdims} keeps 1×1×1 spatial axes.
 */
public record GlobalAveragePooling3DSpec(DataFormat dataFormat, boolean keepdims) implements LayerSpec {
    public GlobalAveragePooling3DSpec {
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static GlobalAveragePooling3DSpec of() {
        return new GlobalAveragePooling3DSpec(DataFormat.CHANNELS_LAST, false);
    }

    @Override
    public String kerasClassName() {
        return "GlobalAveragePooling3D";
    }
}
