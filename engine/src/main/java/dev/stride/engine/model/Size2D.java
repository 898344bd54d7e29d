package dev.stride.engine.model;

/** A (height, width) pair such as a kernel size, strides, dilation rate or pool size; Keras writes it as a 2-tuple. */
public record Size2D(int height, int width) {
    public static Size2D of(int height, int width) {
        return new Size2D(height, width);
    }

    /** The square pair Keras makes from a single integer argument. */
    public static Size2D square(int size) {
        return new Size2D(size, size);
    }

    public boolean isSquare() {
        return height == width;
    }

    /** Both values, e.g. {@code 3×3}. */
    @Override
    public String toString() {
        return height + "×" + width;
    }
}
