package dev.stride.engine.data.vision;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How 0–255 pixel values become the floats a network reads. */
public enum PixelScaling {
    /** value / 255, into [0, 1]: what the Keras tutorials use. */
    @JsonProperty("unit") UNIT,
    /** (value / 255 − mean) / std per channel, as for networks trained on ImageNet statistics. */
    @JsonProperty("mean-std") MEAN_STD,
    /** The raw 0–255 values as floats. */
    @JsonProperty("none") NONE
}
