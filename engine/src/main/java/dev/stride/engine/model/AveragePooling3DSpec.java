package dev.stride.engine.model;

import java.util.Objects;

/**
 * Keras {@code AveragePooling3D}: the mean over (depth, height, width) windows of a volume; {@code strides} null
 * means Keras's None, which is the pool size.
 */
public record AveragePooling3DSpec(Size3D poolSize, Size3D strides, Padding padding, DataFormat dataFormat)
        implements LayerSpec {
    public AveragePooling3DSpec {
        Objects.requireNonNull(poolSize, "poolSize");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(dataFormat, "dataFormat");
    }

    public static AveragePooling3DSpec of() {
        return new AveragePooling3DSpec(Size3D.cube(2), null, Padding.VALID, DataFormat.CHANNELS_LAST);
    }

    /** The strides Keras uses: the pool size when {@code strides} is None. */
    public Size3D effectiveStrides() {
        return strides == null ? poolSize : strides;
    }

    @Override
    public String kerasClassName() {
        return "AveragePooling3D";
    }
}
