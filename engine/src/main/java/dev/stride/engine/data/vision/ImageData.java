package dev.stride.engine.data.vision;

import java.util.Objects;

/**
 * A decoded 8-bit image, free of any imaging library, for the gallery, the preview and the training iterator.
 *
 * <p>Layout: rows top to bottom, pixels left to right, channels interleaved; one channel is grayscale, three are
 * blue, green, red (OpenCV's order). {@code pixels.length == width * height * channels}. The array is owned by the
 * record: callers must not change it.
 *
 * @param width    pixels per row, at least 1
 * @param height   rows, at least 1
 * @param channels 1 (grayscale) or 3 (BGR)
 * @param pixels   width × height × channels bytes, unsigned
 */
public record ImageData(int width, int height, int channels, byte[] pixels) {

    public ImageData {
        Objects.requireNonNull(pixels, "pixels");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "×" + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grayscale) or 3 (BGR), got " + channels);
        }
        long expected = (long) width * height * channels;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " bytes for " + width + "×" + height + "×"
                    + channels + ", got " + pixels.length);
        }
    }

    /** The unsigned value of channel {@code c} at column {@code x}, row {@code y}. */
    public int value(int x, int y, int c) {
        return pixels[(y * width + x) * channels + c] & 0xFF;
    }

    /** Mean of all bytes, on the 0–255 scale. */
    public double mean() {
        long sum = 0;
        for (byte b : pixels) {
            sum += b & 0xFF;
        }
        return (double) sum / pixels.length;
    }

    /**
     * Opaque BGRA bytes (premultiplied is the same as straight here), the layout JavaFX's
     * {@code PixelFormat.getByteBgraPreInstance()} writes fastest.
     */
    public byte[] toBgra() {
        byte[] bgra = new byte[width * height * 4];
        int pixelCount = width * height;
        for (int i = 0; i < pixelCount; i++) {
            int out = i * 4;
            if (channels == 1) {
                byte v = pixels[i];
                bgra[out] = v;
                bgra[out + 1] = v;
                bgra[out + 2] = v;
            } else {
                int in = i * 3;
                bgra[out] = pixels[in];
                bgra[out + 1] = pixels[in + 1];
                bgra[out + 2] = pixels[in + 2];
            }
            bgra[out + 3] = (byte) 0xFF;
        }
        return bgra;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageData that && width == that.width && height == that.height
                && channels == that.channels && java.util.Arrays.equals(pixels, that.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, channels, java.util.Arrays.hashCode(pixels));
    }

    @Override
    public String toString() {
        return "ImageData[" + width + "×" + height + "×" + channels + "]";
    }
}
