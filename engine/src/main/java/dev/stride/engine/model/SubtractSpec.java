package dev.stride.engine.model;

/** Keras {@code Subtract}: element-wise difference of exactly two inputs (first minus second), broadcast as Add. */
public record SubtractSpec() implements LayerSpec {
    @Override
    public String kerasClassName() {
        return "Subtract";
    }

    @Override
    public boolean isMerge() {
        return true;
    }
}
