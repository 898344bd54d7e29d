package dev.stride.engine.data.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;

/** Copies between {@link ImageData} and OpenCV matrices; callers own the Mats (use a PointerScope). */
final class Mats {
    private Mats() {
    }

    /**
     * Runs {@code work} inside a PointerScope: every Mat it creates is freed when it returns, so native memory never
     * waits for the garbage collector.
     */
    @SuppressWarnings({"unchecked", "try"})
    static <T> T scoped(java.util.function.Supplier<T> work) {
        try (org.bytedeco.javacpp.PointerScope scope = new org.bytedeco.javacpp.PointerScope()) {
            return work.get();
        }
    }

    static Mat fromImageData(ImageData image) {
        Mat mat = new Mat(image.height(), image.width(), CV_8UC(image.channels()));
        mat.data().put(image.pixels());
        return mat;
    }

    static ImageData toImageData(Mat mat) {
        Mat continuous = mat.isContinuous() ? mat : mat.clone();
        byte[] pixels = new byte[continuous.cols() * continuous.rows() * continuous.channels()];
        continuous.data().get(pixels);
        return new ImageData(continuous.cols(), continuous.rows(), continuous.channels(), pixels);
    }

    /** 8-bit, 1 or 3 channels: drops alpha, keeps gray as gray. */
    static Mat toEightBitGrayOrBgr(Mat mat) {
        Mat eight = mat;
        if (mat.depth() != CV_8U) {
            eight = new Mat();
            double scale = mat.depth() == org.bytedeco.opencv.global.opencv_core.CV_16U ? 1.0 / 257.0 : 1.0;
            mat.convertTo(eight, CV_8U, scale, 0);
        }
        return switch (eight.channels()) {
            case 1, 3 -> eight;
            case 4 -> converted(eight, COLOR_BGRA2BGR);
            case 2 -> {
                // Gray + alpha is rare in practice (some PNGs); keep the gray plane.
                Mat gray = new Mat();
                org.bytedeco.opencv.global.opencv_core.extractChannel(eight, gray, 0);
                yield gray;
            }
            default -> throw new IllegalArgumentException("unsupported channel count " + eight.channels());
        };
    }

    /** The same image with {@code channels} channels (1 or 3). */
    static Mat withChannels(Mat mat, int channels) {
        if (mat.channels() == channels) {
            return mat;
        }
        return converted(mat, channels == 1 ? COLOR_BGR2GRAY : COLOR_GRAY2BGR);
    }

    private static Mat converted(Mat mat, int code) {
        Mat out = new Mat();
        cvtColor(mat, out, code);
        return out;
    }
}
