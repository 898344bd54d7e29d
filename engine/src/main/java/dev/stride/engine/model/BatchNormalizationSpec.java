package dev.stride.engine.model;

import java.util.Objects;

/**
 * Keras {@code BatchNormalization} over {@code axis} (−1, the channels of a channels_last image, by default):
 * gamma and beta are trained, the moving mean and variance are not. Keras defaults: momentum 0.99, epsilon 0.001.
 */
public record BatchNormalizationSpec(
        int axis,
        double momentum,
        double epsilon,
        boolean center,
        boolean scale,
        Initializer betaInitializer,
        Initializer gammaInitializer,
        Initializer movingMeanInitializer,
        Initializer movingVarianceInitializer,
        Regularizer betaRegularizer,
        Regularizer gammaRegularizer,
        Constraint betaConstraint,
        Constraint gammaConstraint) implements LayerSpec {

    public BatchNormalizationSpec {
        Objects.requireNonNull(betaInitializer, "betaInitializer");
        Objects.requireNonNull(gammaInitializer, "gammaInitializer");
        Objects.requireNonNull(movingMeanInitializer, "movingMeanInitializer");
        Objects.requireNonNull(movingVarianceInitializer, "movingVarianceInitializer");
    }

    public static BatchNormalizationSpec of() {
        return of(-1);
    }

    public static BatchNormalizationSpec of(int axis) {
        return new BatchNormalizationSpec(axis, 0.99, 0.001, true, true, Initializer.zeros(), Initializer.ones(),
                Initializer.zeros(), Initializer.ones(), null, null, null, null);
    }

    @Override
    public String kerasClassName() {
        return "BatchNormalization";
    }
}
