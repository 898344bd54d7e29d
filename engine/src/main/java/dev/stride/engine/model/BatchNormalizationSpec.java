package dev.stride.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keras {@code BatchNormalization} over {@code axis} (Keras's axis, counting the batch axis as 0; −1, the channels
 * of a channels_last image, by default): gamma and beta are trained, the moving mean and variance are not.
 * Keras defaults: momentum 0.99, epsilon 0.001. {@code renorm} adds three more non-trained statistics per channel;
 * {@code renormClipping} may be null (Keras's None).
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
        Constraint gammaConstraint,
        boolean synchronizedAcrossReplicas,
        boolean renorm,
        Map<String, Double> renormClipping,
        double renormMomentum) implements LayerSpec {

    public BatchNormalizationSpec {
        Objects.requireNonNull(betaInitializer, "betaInitializer");
        Objects.requireNonNull(gammaInitializer, "gammaInitializer");
        Objects.requireNonNull(movingMeanInitializer, "movingMeanInitializer");
        Objects.requireNonNull(movingVarianceInitializer, "movingVarianceInitializer");
        renormClipping = renormClipping == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(renormClipping));
    }

    public static BatchNormalizationSpec of() {
        return of(-1);
    }

    public static BatchNormalizationSpec of(int axis) {
        return new BatchNormalizationSpec(axis, 0.99, 0.001, true, true, Initializer.zeros(), Initializer.ones(),
                Initializer.zeros(), Initializer.ones(), null, null, null, null, false, false, null, 0.99);
    }

    public BatchNormalizationSpec withCenterAndScale(boolean newCenter, boolean newScale) {
        return new BatchNormalizationSpec(axis, momentum, epsilon, newCenter, newScale, betaInitializer,
                gammaInitializer, movingMeanInitializer, movingVarianceInitializer, betaRegularizer,
                gammaRegularizer, betaConstraint, gammaConstraint, synchronizedAcrossReplicas, renorm, renormClipping,
                renormMomentum);
    }

    public BatchNormalizationSpec withRenorm(boolean value) {
        return new BatchNormalizationSpec(axis, momentum, epsilon, center, scale, betaInitializer,
                gammaInitializer, movingMeanInitializer, movingVarianceInitializer, betaRegularizer,
                gammaRegularizer, betaConstraint, gammaConstraint, synchronizedAcrossReplicas, value, renormClipping,
                renormMomentum);
    }

    @Override
    public String kerasClassName() {
        return "BatchNormalization";
    }
}
