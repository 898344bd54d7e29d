package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code MaxPooling2D}; {@code strides} null means Keras's None, i.e. the pool size. */
public record MaxPooling2DSpec(Size2D poolSize, Size2D strides, Padding padding, DataFormat dataFormat)
        implements LayerSpec {
    public MaxPooling2DSpec {
        Objects.requireNonNull(poolSize, "poolSize");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    /** Keras's defaults: 2×2 pool, strides = pool size, 'valid', channels_last. */
    public static MaxPooling2DSpec of() {
        return of(Size2D.square(2));
    }

    public static MaxPooling2DSpec of(Size2D poolSize) {
        return new MaxPooling2DSpec(poolSize, null, Padding.VALID, DataFormat.CHANNELS_LAST);
    }

    /** The strides in effect: Keras uses the pool size when strides is None. */
    public Size2D effectiveStrides() {
        return strides == null ? poolSize : strides;
    }

    public MaxPooling2DSpec withStrides(Size2D value) {
        return new MaxPooling2DSpec(poolSize, value, padding, dataFormat);
    }

    public MaxPooling2DSpec withPadding(Padding value) {
        return new MaxPooling2DSpec(poolSize, strides, value, dataFormat);
    }

    public MaxPooling2DSpec withDataFormat(DataFormat value) {
        return new MaxPooling2DSpec(poolSize, strides, padding, value);
    }

    @Override
    public String kerasClassName() {
        return "MaxPooling2D";
    }
}
