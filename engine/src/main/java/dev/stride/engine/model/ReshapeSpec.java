package dev.stride.engine.model;

import java.util.List;
import java.util.Objects;

/** Keras {@code Reshape} to {@code targetShape} (without batch); one entry may be −1, inferred from the input. */
public record ReshapeSpec(List<Integer> targetShape) implements LayerSpec {
    public ReshapeSpec {
        targetShape = List.copyOf(Objects.requireNonNull(targetShape, "targetShape"));
    }

    public static ReshapeSpec of(int... targetShape) {
        return new ReshapeSpec(TensorShape.of(targetShape).dims());
    }

    @Override
    public String kerasClassName() {
        return "Reshape";
    }
}
