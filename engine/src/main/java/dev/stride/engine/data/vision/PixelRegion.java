package dev.stride.engine.data.vision;

/**
 * A rectangle of pixels: columns {@code x … x + width − 1}, rows {@code y … y + height − 1}.
 *
 * @param x      left column
 * @param y      top row
 * @param width  columns, at least 1
 * @param height rows, at least 1
 */
public record PixelRegion(int x, int y, int width, int height) {
    public PixelRegion {
        if (width < 1 || height < 1 || x < 0 || y < 0) {
            throw new IllegalArgumentException("invalid region " + x + "," + y + " " + width + "×" + height);
        }
    }

    public int area() {
        return width * height;
    }
}
