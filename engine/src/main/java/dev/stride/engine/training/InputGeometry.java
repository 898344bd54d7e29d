package dev.stride.engine.training;

/**
 * The image a trained model expects and how its pixels were scaled: what "the model's own preprocessing" means for a
 * new picture (resize to width × height, convert to {@code channels}, divide 0–255 values by {@code pixelScale}).
 */
public record InputGeometry(int height, int width, int channels, double pixelScale) {
    public InputGeometry {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException("input must be at least 1×1×1, got " + height + "×" + width + "×"
                    + channels);
        }
        if (!(pixelScale > 0)) {
            throw new IllegalArgumentException("pixelScale must be positive, got " + pixelScale);
        }
    }

    public int valuesPerImage() {
        return height * width * channels;
    }
}
