package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code Cropping2D}: removes rows and columns at the borders; Keras's default crops nothing. */
public record Cropping2DSpec(Margins cropping, DataFormat dataFormat) implements LayerSpec {
    public Cropping2DSpec {
        Objects.requireNonNull(cropping, "cropping");
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static Cropping2DSpec of(Margins cropping) {
        return new Cropping2DSpec(cropping, DataFormat.CHANNELS_LAST);
    }

    @Override
    public String kerasClassName() {
        return "Cropping2D";
    }
}
