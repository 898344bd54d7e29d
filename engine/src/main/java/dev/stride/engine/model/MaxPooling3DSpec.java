package dev.stride.engine.model;

import java.util.Objects;

/**
 * Keras {@code MaxPooling3D}: the maximum over (depth, height, width) windows of a volume; {@code strides} null
 * means Keras's None, which is the pool size.
 */
public record MaxPooling3DSpec(Size3D poolSize, Size3D strides, Padding padding, DataFormat dataFormat)
        implements LayerSpec {
    public MaxPooling3DSpec {
        Objects.requireNonNull(poolSize, "poolSize");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static MaxPooling3DSpec of() {
        return new MaxPooling3DSpec(Size3D.cube(2), null, Padding.VALID, DataFormat.CHANNELS_LAST);
    }

    /** The strides Keras uses: the pool size when {@code strides} is None. */
    public Size3D effectiveStrides() {
        return strides == null ? poolSize : strides;
    }

    @Override
    public String kerasClassName() {
        return "MaxPooling3D";
    }
}
