package dev.stride.engine.model;

import java.util.Objects;

/**
 * Keras {@code Conv2DTranspose} (a "deconvolution"); {@code outputPadding} null means Keras's None, which lets the
 * output size follow from the other parameters.
 */
public record Conv2DTransposeSpec(
        int filters,
        Size2D kernelSize,
        Size2D strides,
        Padding padding,
        Size2D outputPadding,
        DataFormat dataFormat,
        Size2D dilationRate,
        Activation activation,
        boolean useBias,
        Initializer kernelInitializer,
        Initializer biasInitializer,
        Regularizer kernelRegularizer,
        Regularizer biasRegularizer,
        Regularizer activityRegularizer,
        Constraint kernelConstraint,
        Constraint biasConstraint) implements LayerSpec {

    public Conv2DTransposeSpec {
        Objects.requireNonNull(kernelSize, "kernelSize");
        Objects.requireNonNull(strides, "strides");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(dataFormat, "dataFormat");
        Objects.requireNonNull(dilationRate, "dilationRate");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(kernelInitializer, "kernelInitializer");
        Objects.requireNonNull(biasInitializer, "biasInitializer");
    }

    public static Conv2DTransposeSpec of(int filters, Size2D kernelSize, Size2D strides) {
        return new Conv2DTransposeSpec(filters, kernelSize, strides, Padding.VALID, null, DataFormat.CHANNELS_LAST,
                Size2D.square(1), Activation.LINEAR, true, Initializer.glorotUniform(), Initializer.zeros(),
                null, null, null, null, null);
    }

    public Conv2DTransposeSpec withPadding(Padding value) {
        return new Conv2DTransposeSpec(filters, kernelSize, strides, value, outputPadding, dataFormat, dilationRate,
                activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer,
                activityRegularizer, kernelConstraint, biasConstraint);
    }

    public Conv2DTransposeSpec withOutputPadding(Size2D value) {
        return new Conv2DTransposeSpec(filters, kernelSize, strides, padding, value, dataFormat, dilationRate,
                activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer,
                activityRegularizer, kernelConstraint, biasConstraint);
    }

    public Conv2DTransposeSpec withDataFormat(DataFormat value) {
        return new Conv2DTransposeSpec(filters, kernelSize, strides, padding, outputPadding, value, dilationRate,
                activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer,
                activityRegularizer, kernelConstraint, biasConstraint);
    }

    public Conv2DTransposeSpec withDilationRate(Size2D value) {
        return new Conv2DTransposeSpec(filters, kernelSize, strides, padding, outputPadding, dataFormat, value,
                activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer,
                activityRegularizer, kernelConstraint, biasConstraint);
    }

    @Override
    public String kerasClassName() {
        return "Conv2DTranspose";
    }
}
