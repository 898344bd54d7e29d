package dev.stride.engine.model;

/** Keras {@code Multiply}: element-wise product of two or more inputs, broadcast as Add (gating, attention masks). */
public record MultiplySpec() implements LayerSpec {
    @Override
    public String kerasClassName() {
        return "Multiply";
    }

    @Override
    public boolean isMerge() {
        return true;
    }
}
