package dev.stride.engine.model;

/** A (depth, height, width) triple such as a 3-D pool size or strides; Keras writes it as a 3-tuple. */
public record Size3D(int depth, int height, int width) {
    public static Size3D of(int depth, int height, int width) {
        return new Size3D(depth, height, width);
    }

    /** The cube Keras makes from a single integer argument. */
    public static Size3D cube(int size) {
        return new Size3D(size, size, size);
    }

    /** The values in Keras's axis order (depth, height, width). */
    public int[] toArray() {
        return new int[] {depth, height, width};
    }

    /** All three values, e.g. {@code 2×2×2}. */
    @Override
    public String toString() {
        return depth + "×" + height + "×" + width;
    }
}
