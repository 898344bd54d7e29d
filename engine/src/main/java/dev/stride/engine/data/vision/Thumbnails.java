package dev.stride.engine.data.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Small copies of images for the gallery grid: aspect ratio and channels kept, never enlarged. */
public final class Thumbnails {
    private Thumbnails() {
    }

    /** {@code image} scaled down to fit within {@code maxWidth × maxHeight}; the same image when it already fits. */
    public static ImageData fitWithin(ImageData image, int maxWidth, int maxHeight) {
        if (maxWidth < 1 || maxHeight < 1) {
            throw new IllegalArgumentException("thumbnail bounds must be positive, got " + maxWidth + "×" + maxHeight);
        }
        if (image.width() <= maxWidth && image.height() <= maxHeight) {
            return image;
        }
        double scale = Math.min((double) maxWidth / image.width(), (double) maxHeight / image.height());
        int width = Math.max(1, (int) Math.round(image.width() * scale));
        int height = Math.max(1, (int) Math.round(image.height() * scale));
        return Mats.scoped(() -> {
            Mat out = new Mat();
            resize(Mats.fromImageData(image), out, new Size(width, height), 0, 0, INTER_AREA);
            return Mats.toImageData(out);
        });
    }
}
