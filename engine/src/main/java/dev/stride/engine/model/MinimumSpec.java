package dev.stride.engine.model;

/** Keras {@code Minimum}: element-wise minimum of two or more inputs, broadcast as Add. */
public record MinimumSpec() implements LayerSpec {
    @Override
    public String kerasClassName() {
        return "Minimum";
    }

    @Override
    public boolean isMerge() {
        return true;
    }
}
