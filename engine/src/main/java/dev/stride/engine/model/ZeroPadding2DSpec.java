package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code ZeroPadding2D}: adds rows and columns of zeros; Keras's default pads 1 on every side. */
public record ZeroPadding2DSpec(Margins padding, DataFormat dataFormat) implements LayerSpec {
    public ZeroPadding2DSpec {
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static ZeroPadding2DSpec of(Margins padding) {
        return new ZeroPadding2DSpec(padding, DataFormat.CHANNELS_LAST);
    }

    @Override
    public String kerasClassName() {
        return "ZeroPadding2D";
    }
}
