package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code SpatialDropout2D}: drops whole feature maps with probability {@code rate}. */
public record SpatialDropout2DSpec(double rate, DataFormat dataFormat, Integer seed) implements LayerSpec {
    public SpatialDropout2DSpec {
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static SpatialDropout2DSpec of(double rate) {
        return new SpatialDropout2DSpec(rate, DataFormat.CHANNELS_LAST, null);
    }

    @Override
    public String kerasClassName() {
        return "SpatialDropout2D";
    }
}
