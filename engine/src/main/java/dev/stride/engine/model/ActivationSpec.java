package dev.stride.engine.model;

import java.util.Objects;

/** Keras {@code Activation}: applies an activation function on its own. */
public record ActivationSpec(Activation activation) implements LayerSpec {
    public ActivationSpec {
        Objects.requireNonNull(activation, "activation");
    }

    public static ActivationSpec of(Activation activation) {
        return new ActivationSpec(activation);
    }

    @Override
    public String kerasClassName() {
        return "Activation";
    }
}
