package dev.stride.engine.training;

/**
 * An image as the network sees it, channels first ({@code values[c * h * w + y * w + x]}), values after scaling;
 * neutral so a UI can draw it without DL4J.
 */
public record ImagePixels(int width, int height, int channels, float[] values) {
    public ImagePixels {
        if (values.length != width * height * channels) {
            throw new IllegalArgumentException("expected " + width * height * channels + " values for " + width
                    + "×" + height + "×" + channels + ", got " + values.length);
        }
    }

    /** One channel's plane, copied. */
    public float[] channel(int c) {
        float[] plane = new float[width * height];
        System.arraycopy(values, c * width * height, plane, 0, plane.length);
        return plane;
    }
}
