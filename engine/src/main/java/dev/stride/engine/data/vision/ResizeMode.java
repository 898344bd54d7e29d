package dev.stride.engine.data.vision;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an image of another size or aspect ratio is brought to the network's input size. */
public enum ResizeMode {
    /** Scale each axis independently to fill the input: fast, distorts the aspect ratio. */
    @JsonProperty("stretch") STRETCH,
    /** Keep the aspect ratio, fit inside the input and fill the rest with black. */
    @JsonProperty("pad") PAD,
    /** Keep the aspect ratio, fill the input and cut off what overflows, centred. */
    @JsonProperty("center-crop") CENTER_CROP
}
