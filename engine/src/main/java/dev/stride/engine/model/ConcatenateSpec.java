package dev.stride.engine.model;

/** Keras {@code Concatenate} along {@code axis} (−1 by default, the channels of channels_last images). */
public record ConcatenateSpec(int axis) implements LayerSpec {
    public static ConcatenateSpec of() {
        return new ConcatenateSpec(-1);
    }

    @Override
    public String kerasClassName() {
        return "Concatenate";
    }

    @Override
    public boolean isMerge() {
        return true;
    }
}
