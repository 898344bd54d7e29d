package dev.stride.engine.model;

/** Keras {@code Add}: element-wise sum of two or more inputs of the same shape (residual connections). */
public record AddSpec() implements LayerSpec {
    @Override
    public String kerasClassName() {
        return "Add";
    }

    @Override
    public boolean isMerge() {
        return true;
    }
}
