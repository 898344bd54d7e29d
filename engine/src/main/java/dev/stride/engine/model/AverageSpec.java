package dev.stride.engine.model;

/** Keras {@code Average}: element-wise mean of two or more inputs, broadcast as Add. */
public record AverageSpec() implements LayerSpec {
    @Override
    public String kerasClassName() {
        return "Average";
    }

    @Override
    public boolean isMerge() {
        return true;
    }
}
