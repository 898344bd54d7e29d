package dev.stride.app.data;

import dev.stride.engine.data.vision.ImageData;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Turns the engine's {@link ImageData} into JavaFX images through a PixelWriter in BGRA, the fastest path. */
final class FxImages {
    private FxImages() {
    }

    /**
     * Writes {@code data} into {@code reuse} when it has the same size, else into a new image; returns the image
     * written. Reusing spares an allocation per thumbnail while scrolling.
     */
    static WritableImage write(ImageData data, WritableImage reuse) {
        int width = data.width();
        int height = data.height();
        WritableImage target = reuse != null && (int) reuse.getWidth() == width && (int) reuse.getHeight() == height
                ? reuse : new WritableImage(width, height);
        target.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getByteBgraPreInstance(), data.toBgra(),
                0, width * 4);
        return target;
    }
}
