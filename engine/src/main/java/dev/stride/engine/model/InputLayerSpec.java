package dev.stride.engine.model;

import java.util.Objects;

/**
 * The network's input: an image (H×W×C, or C×H×W for a channels_first model) or a flat vector, without the batch
 * dimension; {@code batchSize} is Keras's fixed batch size if the model declared one, else null.
 */
public record InputLayerSpec(TensorShape shape, Integer batchSize) implements LayerSpec {
    public InputLayerSpec {
        Objects.requireNonNull(shape, "shape");
    }

    public static InputLayerSpec of(TensorShape shape) {
        return new InputLayerSpec(shape, null);
    }

    public static InputLayerSpec image(int height, int width, int channels) {
        return of(TensorShape.image(height, width, channels));
    }

    public static InputLayerSpec vector(int length) {
        return of(TensorShape.vector(length));
    }

    @Override
    public String kerasClassName() {
        return "InputLayer";
    }
}
