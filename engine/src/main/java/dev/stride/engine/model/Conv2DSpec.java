package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code Conv2D}: a 2-D convolution with every Keras parameter. Regularizers and constraints may be null. */
public record Conv2DSpec(
        int filters,
        Size2D kernelSize,
        Size2D strides,
        Padding padding,
        DataFormat dataFormat,
        Size2D dilationRate,
        int groups,
        Activation activation,
        boolean useBias,
        Initializer kernelInitializer,
        Initializer biasInitializer,
        Regularizer kernelRegularizer,
        Regularizer biasRegularizer,
        Regularizer activityRegularizer,
        Constraint kernelConstraint,
        Constraint biasConstraint) implements LayerSpec {

    public Conv2DSpec {
        Objects.requireNonNull(kernelSize, "kernelSize");
        Objects.requireNonNull(strides, "strides");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(dataFormat, "dataFormat");
        Objects.requireNonNull(dilationRate, "dilationRate");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(kernelInitializer, "kernelInitializer");
        Objects.requireNonNull(biasInitializer, "biasInitializer");
    }

    /** Keras's defaults: strides 1, 'valid', channels_last, dilation 1, groups 1, linear, bias, glorot_uniform/zeros. */
    public static Conv2DSpec of(int filters, Size2D kernelSize) {
        return new Conv2DSpec(filters, kernelSize, Size2D.square(1), Padding.VALID, DataFormat.CHANNELS_LAST,
                Size2D.square(1), 1, Activation.LINEAR, true, Initializer.glorotUniform(), Initializer.zeros(),
                null, null, null, null, null);
    }

    public static Conv2DSpec of(int filters, int kernelSize) {
        return of(filters, Size2D.square(kernelSize));
    }

    public Conv2DSpec withFilters(int value) {
        return new Conv2DSpec(value, kernelSize, strides, padding, dataFormat, dilationRate, groups, activation,
                useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
                kernelConstraint, biasConstraint);
    }

    public Conv2DSpec withKernelSize(Size2D value) {
        return new Conv2DSpec(filters, value, strides, padding, dataFormat, dilationRate, groups, activation,
                useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
                kernelConstraint, biasConstraint);
    }

    public Conv2DSpec withStrides(Size2D value) {
        return new Conv2DSpec(filters, kernelSize, value, padding, dataFormat, dilationRate, groups, activation,
                useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
                kernelConstraint, biasConstraint);
    }

    public Conv2DSpec withPadding(Padding value) {
        return new Conv2DSpec(filters, kernelSize, strides, value, dataFormat, dilationRate, groups, activation,
                useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
                kernelConstraint, biasConstraint);
    }

    public Conv2DSpec withDataFormat(DataFormat value) {
        return new Conv2DSpec(filters, kernelSize, strides, padding, value, dilationRate, groups, activation,
                useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
                kernelConstraint, biasConstraint);
    }

    public Conv2DSpec withDilationRate(Size2D value) {
        return new Conv2DSpec(filters, kernelSize, strides, padding, dataFormat, value, groups, activation,
                useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
                kernelConstraint, biasConstraint);
    }

    public Conv2DSpec withGroups(int value) {
        return new Conv2DSpec(filters, kernelSize, strides, padding, dataFormat, dilationRate, value, activation,
                useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
                kernelConstraint, biasConstraint);
    }

    public Conv2DSpec withActivation(Activation value) {
        return new Conv2DSpec(filters, kernelSize, strides, padding, dataFormat, dilationRate, groups, value,
                useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
                kernelConstraint, biasConstraint);
    }

    public Conv2DSpec withUseBias(boolean value) {
        return new Conv2DSpec(filters, kernelSize, strides, padding, dataFormat, dilationRate, groups, activation,
                value, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
                kernelConstraint, biasConstraint);
    }

    public Conv2DSpec withKernelInitializer(Initializer value) {
        return new Conv2DSpec(filters, kernelSize, strides, padding, dataFormat, dilationRate, groups, activation,
                useBias, value, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
                kernelConstraint, biasConstraint);
    }

    public Conv2DSpec withKernelRegularizer(Regularizer value) {
        return new Conv2DSpec(filters, kernelSize, strides, padding, dataFormat, dilationRate, groups, activation,
                useBias, kernelInitializer, biasInitializer, value, biasRegularizer, activityRegularizer,
                kernelConstraint, biasConstraint);
    }

    public Conv2DSpec withKernelConstraint(Constraint value) {
        return new Conv2DSpec(filters, kernelSize, strides, padding, dataFormat, dilationRate, groups, activation,
                useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
                value, biasConstraint);
    }

    @Override
    public String kerasClassName() {
        return "Conv2D";
    }
}
