package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code UpSampling2D}: repeats rows and columns {@code size} times; interpolation "nearest" or "bilinear"…. */
public record UpSampling2DSpec(Size2D size, DataFormat dataFormat, String interpolation) implements LayerSpec {
    public UpSampling2DSpec {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(dataFormat, "dataFormat");
        Objects.requireNonNull(interpolation, "interpolation");
    }

    public static UpSampling2DSpec of(Size2D size) {
        return new UpSampling2DSpec(size, DataFormat.CHANNELS_LAST, "nearest");
    }

    @Override
    public String kerasClassName() {
        return "UpSampling2D";
    }
}
