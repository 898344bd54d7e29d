package dev.stride.engine.model;

import java.util.Locale;

/** Keras's {@code data_format}: where the channel axis sits in an image tensor. */
public enum DataFormat {
    /** (height, width, channels), Keras's default. */
    CHANNELS_LAST,
    /** (channels, height, width). */
    CHANNELS_FIRST;

    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DataFormat fromKeras(String value) {
        for (DataFormat format : values()) {
            if (format.kerasName().equalsIgnoreCase(value)) {
                return format;
            }
        }
        throw new IllegalArgumentException(
                "data_format must be 'channels_last' or 'channels_first', got '" + value + "'");
    }
}
