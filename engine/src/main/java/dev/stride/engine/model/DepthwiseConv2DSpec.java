package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code DepthwiseConv2D}: one spatial filter (times {@code depthMultiplier}) per input channel. */
public record DepthwiseConv2DSpec(
        Size2D kernelSize,
        Size2D strides,
        Padding padding,
        int depthMultiplier,
        DataFormat dataFormat,
        Size2D dilationRate,
        Activation activation,
        boolean useBias,
        Initializer depthwiseInitializer,
        Initializer biasInitializer,
        Regularizer depthwiseRegularizer,
        Regularizer biasRegularizer,
        Regularizer activityRegularizer,
        Constraint depthwiseConstraint,
        Constraint biasConstraint) implements LayerSpec {

    public DepthwiseConv2DSpec {
        Objects.requireNonNull(kernelSize, "kernelSize");
        Objects.requireNonNull(strides, "strides");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(dataFormat, "dataFormat");
        Objects.requireNonNull(dilationRate, "dilationRate");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(depthwiseInitializer, "depthwiseInitializer");
        Objects.requireNonNull(biasInitializer, "biasInitializer");
    }

    public static DepthwiseConv2DSpec of(Size2D kernelSize) {
        return new DepthwiseConv2DSpec(kernelSize, Size2D.square(1), Padding.VALID, 1, DataFormat.CHANNELS_LAST,
                Size2D.square(1), Activation.LINEAR, true, Initializer.glorotUniform(), Initializer.zeros(),
                null, null, null, null, null);
    }

    @Override
    public String kerasClassName() {
        return "DepthwiseConv2D";
    }
}
