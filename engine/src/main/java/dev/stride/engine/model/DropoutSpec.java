package dev.stride.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keras {@code Dropout}: {@code rate} is the fraction DROPPED (DL4J's argument is the fraction kept);
 * {@code noiseShape} and {@code seed} may be null (Keras's None).
 */
public record DropoutSpec(double rate, List<Integer> noiseShape, Integer seed) implements LayerSpec {
    public DropoutSpec {
        // Keras writes None entries inside noise_shape; keep them as null, so no List.copyOf here.
        noiseShape = noiseShape == null
                ? null
                : Collections.unmodifiableList(new ArrayList<>(noiseShape));
    }

    public static DropoutSpec of(double rate) {
        return new DropoutSpec(rate, null, null);
    }

    @Override
    public String kerasClassName() {
        return "Dropout";
    }
}
