package dev.stride.engine.model;

/** Rows and columns added (ZeroPadding2D) or removed (Cropping2D) on each side: Keras's ((top, bottom), (left, right)). */
public record Margins(int top, int bottom, int left, int right) {
    public static Margins of(int top, int bottom, int left, int right) {
        return new Margins(top, bottom, left, right);
    }

    /** The same amount on all four sides, as Keras reads a single integer. */
    public static Margins uniform(int amount) {
        return new Margins(amount, amount, amount, amount);
    }

    /** Symmetric margins, as Keras reads a 2-tuple (rows, columns). */
    public static Margins symmetric(int rows, int columns) {
        return new Margins(rows, rows, columns, columns);
    }

    public int vertical() {
        return top + bottom;
    }

    public int horizontal() {
        return left + right;
    }
}
