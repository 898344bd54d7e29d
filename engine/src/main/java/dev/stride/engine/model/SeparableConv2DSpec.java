package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code SeparableConv2D}: a depthwise convolution ({@code depthMultiplier} per channel) then a 1×1 one. */
public record SeparableConv2DSpec(
        int filters,
        Size2D kernelSize,
        Size2D strides,
        Padding padding,
        DataFormat dataFormat,
        Size2D dilationRate,
        int depthMultiplier,
        Activation activation,
        boolean useBias,
        Initializer depthwiseInitializer,
        Initializer pointwiseInitializer,
        Initializer biasInitializer,
        Regularizer depthwiseRegularizer,
        Regularizer pointwiseRegularizer,
        Regularizer biasRegularizer,
        Regularizer activityRegularizer,
        Constraint depthwiseConstraint,
        Constraint pointwiseConstraint,
        Constraint biasConstraint) implements LayerSpec {

    public SeparableConv2DSpec {
        Objects.requireNonNull(kernelSize, "kernelSize");
        Objects.requireNonNull(strides, "strides");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(dataFormat, "dataFormat");
        Objects.requireNonNull(dilationRate, "dilationRate");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(depthwiseInitializer, "depthwiseInitializer");
        Objects.requireNonNull(pointwiseInitializer, "pointwiseInitializer");
        Objects.requireNonNull(biasInitializer, "biasInitializer");
    }

    public static SeparableConv2DSpec of(int filters, Size2D kernelSize) {
        return new SeparableConv2DSpec(filters, kernelSize, Size2D.square(1), Padding.VALID,
                DataFormat.CHANNELS_LAST, Size2D.square(1), 1, Activation.LINEAR, true, Initializer.glorotUniform(),
                Initializer.glorotUniform(), Initializer.zeros(), null, null, null, null, null, null, null);
    }

    @Override
    public String kerasClassName() {
        return "SeparableConv2D";
    }
}
