package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code GlobalMaxPooling3D}: one maximum per channel of a volume; {@code keepdims} keeps 1×1×1 spatial axes. */
public record GlobalMaxPooling3DSpec(DataFormat dataFormat, boolean keepdims) implements LayerSpec {
    public GlobalMaxPooling3DSpec {
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static GlobalMaxPooling3DSpec of() {
        return new GlobalMaxPooling3DSpec(DataFormat.CHANNELS_LAST, false);
    }

    @Override
    public String kerasClassName() {
        return "GlobalMaxPooling3D";
    }
}
