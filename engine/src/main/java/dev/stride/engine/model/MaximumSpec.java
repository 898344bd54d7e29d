package dev.stride.engine.model;

/** Keras {@code Maximum}: element-wise maximum of two or more inputs, broadcast as Add. */
public record MaximumSpec() implements LayerSpec {
    @Override
    public String kerasClassName() {
        return "Maximum";
    }

    @Override
    public boolean isMerge() {
        return true;
    }
}
