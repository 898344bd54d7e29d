package dev.stride.app.training;

import dev.stride.engine.training.ImagePixels;
import dev.stride.engine.training.InputGeometry;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/** Turns the network's float pixels into JavaFX images (and a picture into the network's pixels). */
final class PixelImages {
    private PixelImages() {
    }

    /** An evaluation image as the network saw it: grey or RGB, values 0..1 shown as 0..255. */
    static WritableImage of(ImagePixels pixels) {
        int w = pixels.width();
        int h = pixels.height();
        int plane = w * h;
        float[] v = pixels.values();
        int[] argb = new int[plane];
        for (int i = 0; i < plane; i++) {
            int r;
            int g;
            int b;
            if (pixels.channels() >= 3) {
                r = byteOf(v[i]);
                g = byteOf(v[plane + i]);
                b = byteOf(v[2 * plane + i]);
            } else {
                r = g = b = byteOf(v[i]);
            }
            argb[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return write(w, h, argb);
    }

    /** One plane of activations or weights, stretched from [min, max] to black..white. */
    static WritableImage heat(float[] values, int offset, int width, int height, float min, float max) {
        int[] argb = new int[width * height];
        float range = max - min;
        for (int i = 0; i < argb.length; i++) {
            int grey = range <= 0 ? 0 : Math.round((values[offset + i] - min) / range * 255);
            grey = Math.max(0, Math.min(255, grey));
            argb[i] = 0xFF000000 | grey << 16 | grey << 8 | grey;
        }
        return write(width, height, argb);
    }

    /** A decoded picture, already resized to the network's width and height, scaled as the training data were. */
    static ImagePixels toNetworkInput(Image image, InputGeometry geometry) {
        PixelReader reader = image.getPixelReader();
        int w = geometry.width();
        int h = geometry.height();
        int plane = w * h;
        float[] values = new float[plane * geometry.channels()];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = reader.getArgb(Math.min(x, (int) image.getWidth() - 1),
                        Math.min(y, (int) image.getHeight() - 1));
                int r = argb >> 16 & 0xFF;
                int g = argb >> 8 & 0xFF;
                int b = argb & 0xFF;
                int i = y * w + x;
                if (geometry.channels() >= 3) {
                    values[i] = (float) (r / geometry.pixelScale());
                    values[plane + i] = (float) (g / geometry.pixelScale());
                    values[2 * plane + i] = (float) (b / geometry.pixelScale());
                } else {
                    // ITU-R BT.601 luma, as OpenCV's BGR2GRAY computes it.
                    values[i] = (float) ((0.299 * r + 0.587 * g + 0.114 * b) / geometry.pixelScale());
                }
            }
        }
        return new ImagePixels(w, h, geometry.channels(), values);
    }

    private static int byteOf(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255)));
    }

    private static WritableImage write(int w, int h, int[] argb) {
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return image;
    }
}
