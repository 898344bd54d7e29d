package dev.stride.engine.data;

/**
 * The size and channel count of an image, as the inspect report and the input shape talk about it.
 *
 * @param width    pixels per row
 * @param height   rows
 * @param channels 1 (grayscale) or 3 (colour)
 */
public record ImageSize(int width, int height, int channels) {
    @Override
    public String toString() {
        return width + "×" + height + "×" + channels;
    }
}
