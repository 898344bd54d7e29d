package dev.stride.engine.data.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;

import dev.stride.engine.explain.AxisWalk;
import dev.stride.engine.explain.PaddingMode;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Applies one convolution kernel to a photo with the explainer's stride, padding and dilation (OpenCV filter2D on the
 * zero-padded image with the dilated kernel, then every s-th row and column), so the output has exactly the size the
 * {@link AxisWalk} computes.
 */
public final class KernelPreview {

    /** The kernel presets; their weights are built for any kernel size so the output matches the layer's. */
    public enum KernelPreset {
        /** Centre minus neighbours (a Laplacian): shown as the absolute response. */
        EDGE,
        /** The average of the window. */
        BLUR,
        /** Twice the centre minus the average. */
        SHARPEN,
        /** A diagonal gradient plus the centre, so flat areas keep their brightness. */
        EMBOSS;

        /** The weights for a {@code height×width} kernel, [row][column]. */
        public float[][] weights(int height, int width) {
            float[][] weights = new float[height][width];
            int centreRow = height / 2;
            int centreColumn = width / 2;
            float count = height * width;
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    boolean centre = i == centreRow && j == centreColumn;
                    weights[i][j] = switch (this) {
                        case EDGE -> centre ? count - 1 : -1;
                        case BLUR -> 1 / count;
                        case SHARPEN -> (centre ? 2 : 0) - 1 / count;
                        case EMBOSS -> (i - centreRow) + (j - centreColumn) + (centre ? 1 : 0);
                    };
                }
            }
            return weights;
        }

        /** How the filtered values become bytes for display. */
        public Display display() {
            return this == EDGE ? Display.ABSOLUTE : Display.CLAMP;
        }
    }

    /** Mapping of filter responses to 0..255: clamp, clamp of the absolute value, or min–max stretch (any weights). */
    public enum Display {
        CLAMP,
        ABSOLUTE,
        STRETCH
    }

    private KernelPreview() {
    }

    /** Applies {@code preset} sized {@code kernelHeight×kernelWidth} with the given stride, padding and dilation. */
    public static ImageData apply(ImageData image, KernelPreset preset, int kernelHeight, int kernelWidth,
                                     int strideHeight, int strideWidth, PaddingMode padding, int dilationHeight,
                                     int dilationWidth) {
        return apply(image, preset.weights(kernelHeight, kernelWidth), preset.display(), strideHeight, strideWidth,
                padding, dilationHeight, dilationWidth);
    }

    /** Applies any weights ([row][column], e.g. a trained layer's) the same way; every channel gets the kernel. */
    public static ImageData apply(ImageData image, float[][] weights, Display display, int strideHeight,
                                     int strideWidth, PaddingMode padding, int dilationHeight, int dilationWidth) {
        int kernelHeight = weights.length;
        int kernelWidth = weights[0].length;
        AxisWalk rows = AxisWalk.of(image.height(), kernelHeight, strideHeight, padding, dilationHeight);
        AxisWalk columns = AxisWalk.of(image.width(), kernelWidth, strideWidth, padding, dilationWidth);
        if (rows.outputSize() == 0 || columns.outputSize() == 0) {
            throw new IllegalArgumentException("the " + rows.span() + "×" + columns.span()
                    + " dilated kernel does not fit the " + image.height() + "×" + image.width()
                    + " image with padding " + padding.label() + "; use padding 'same' or a smaller kernel");
        }
        int channels = image.channels();
        float[] responses = new float[rows.outputSize() * columns.outputSize() * channels];
        try (Mat source = new Mat(image.height(), image.width(), CV_8UC(channels));
             Mat sourceFloat = new Mat();
             Mat padded = new Mat();
             Mat kernel = dilatedKernel(weights, dilationHeight, dilationWidth);
             Mat filtered = new Mat();
             Point anchor = new Point(0, 0);
             Scalar zero = new Scalar(0.0)) {
            source.data().put(image.pixels());
            source.convertTo(sourceFloat, CV_32FC(channels));
            copyMakeBorder(sourceFloat, padded, rows.padBefore(), rows.padAfter(), columns.padBefore(),
                    columns.padAfter(), BORDER_CONSTANT, zero);
            // Anchor (0,0): output (y,x) is the window whose top-left is padded (y,x), as in the walk.
            filter2D(padded, filtered, CV_32F, kernel, anchor, 0, BORDER_CONSTANT);
            try (FloatIndexer indexer = filtered.createIndexer()) {
                int index = 0;
                for (int out = 0; out < rows.outputSize(); out++) {
                    long y = rows.windowStart(out);
                    for (int oc = 0; oc < columns.outputSize(); oc++) {
                        long x = columns.windowStart(oc);
                        for (int c = 0; c < channels; c++) {
                            responses[index++] = indexer.get(y, x, c);
                        }
                    }
                }
            }
        }
        return new ImageData(columns.outputSize(), rows.outputSize(), channels, toBytes(responses, display));
    }

    private static Mat dilatedKernel(float[][] weights, int dilationHeight, int dilationWidth) {
        int height = dilationHeight * (weights.length - 1) + 1;
        int width = dilationWidth * (weights[0].length - 1) + 1;
        Mat kernel = new Mat(height, width, CV_32F, new Scalar(0.0));
        try (FloatIndexer indexer = kernel.createIndexer()) {
            for (int i = 0; i < weights.length; i++) {
                for (int j = 0; j < weights[i].length; j++) {
                    indexer.put((long) i * dilationHeight, (long) j * dilationWidth, weights[i][j]);
                }
            }
        }
        return kernel;
    }

    private static byte[] toBytes(float[] responses, Display display) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float value : responses) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        float range = max > min ? max - min : 1;
        byte[] bytes = new byte[responses.length];
        for (int i = 0; i < responses.length; i++) {
            float value = switch (display) {
                case CLAMP -> responses[i];
                case ABSOLUTE -> Math.abs(responses[i]);
                case STRETCH -> (responses[i] - min) * 255 / range;
            };
            bytes[i] = (byte) Math.max(0, Math.min(255, Math.round(value)));
        }
        return bytes;
    }
}
