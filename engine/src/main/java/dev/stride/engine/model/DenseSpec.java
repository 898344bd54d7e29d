package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code Dense}: a fully connected layer on the last axis of its input. */
public record DenseSpec(
        int units,
        Activation activation,
        boolean useBias,
        Initializer kernelInitializer,
        Initializer biasInitializer,
        Regularizer kernelRegularizer,
        Regularizer biasRegularizer,
        Regularizer activityRegularizer,
        Constraint kernelConstraint,
        Constraint biasConstraint) implements LayerSpec {

    public DenseSpec {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(kernelInitializer, "kernelInitializer");
        Objects.requireNonNull(biasInitializer, "biasInitializer");
    }

    public static DenseSpec of(int units) {
        return of(units, Activation.LINEAR);
    }

    public static DenseSpec of(int units, Activation activation) {
        return new DenseSpec(units, activation, true, Initializer.glorotUniform(), Initializer.zeros(),
                null, null, null, null, null);
    }

    public DenseSpec withUnits(int value) {
        return new DenseSpec(value, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint);
    }

    public DenseSpec withActivation(Activation value) {
        return new DenseSpec(units, value, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint);
    }

    public DenseSpec withUseBias(boolean value) {
        return new DenseSpec(units, activation, value, kernelInitializer, biasInitializer, kernelRegularizer,
                biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint);
    }

    public DenseSpec withKernelRegularizer(Regularizer value) {
        return new DenseSpec(units, activation, useBias, kernelInitializer, biasInitializer, value,
                biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint);
    }

    @Override
    public String kerasClassName() {
        return "Dense";
    }
}
