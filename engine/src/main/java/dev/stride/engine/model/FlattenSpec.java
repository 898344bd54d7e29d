package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code Flatten}: one vector per example (data_format only changes the order of values). */
public record FlattenSpec(DataFormat dataFormat) implements LayerSpec {
    public FlattenSpec {
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static FlattenSpec of() {
        return new FlattenSpec(DataFormat.CHANNELS_LAST);
    }

    @Override
    public String kerasClassName() {
        return "Flatten";
    }
}
