package dev.stride.engine.data.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The one path from a decoded image to what the network sees: channel conversion, resize to the input size, then
 * the augmentation drawn under a seed. Training and the preview both call {@link #process}, so the preview shows
 * exactly what training trains on. Immutable and thread-safe.
 */
public final class ImagePipeline {
    /** Standard normal values, fixed; never written after class initialisation. */
    private static final float[] GAUSSIAN_TABLE = gaussianTable(1 << 16);

    private final Preprocessing preprocessing;
    private final AugmentationSettings augmentation;

    public ImagePipeline(Preprocessing preprocessing, AugmentationSettings augmentation) {
        this.preprocessing = preprocessing;
        this.augmentation = augmentation == null ? AugmentationSettings.NONE : augmentation;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    public AugmentationSettings augmentation() {
        return augmentation;
    }

    /** The image at the input size and channel count, augmented by the plan {@code seed} draws. */
    public ImageData process(ImageData source, long seed) {
        AugmentationPlan plan = augmentation.isNone() ? AugmentationPlan.IDENTITY
                : AugmentationPlan.draw(augmentation, preprocessing.width(), preprocessing.height(),
                        new SplittableRandom(seed));
        return process(source, plan);
    }

    /** The image at the input size and channel count with an explicit plan (tests, and showing one change). */
    public ImageData process(ImageData source, AugmentationPlan plan) {
        ImageData geometric = Mats.scoped(() -> {
            Mat mat = Mats.withChannels(Mats.fromImageData(source), preprocessing.channels());
            return Mats.toImageData(applyGeometry(resizeToInput(mat), plan));
        });
        return applyPhotometry(geometric, plan);
    }

    private Mat resizeToInput(Mat mat) {
        int width = preprocessing.width();
        int height = preprocessing.height();
        if (mat.cols() == width && mat.rows() == height) {
            return mat;
        }
        return switch (preprocessing.resize()) {
            case STRETCH -> scaled(mat, width, height);
            case PAD -> {
                double scale = Math.min((double) width / mat.cols(), (double) height / mat.rows());
                int w = clamp((int) Math.round(mat.cols() * scale), width);
                int h = clamp((int) Math.round(mat.rows() * scale), height);
                Mat inner = scaled(mat, w, h);
                Mat padded = new Mat();
                int left = (width - w) / 2;
                int top = (height - h) / 2;
                copyMakeBorder(inner, padded, top, height - h - top, left, width - w - left, BORDER_CONSTANT,
                        Scalar.all(0));
                yield padded;
            }
            case CENTER_CROP -> {
                double scale = Math.max((double) width / mat.cols(), (double) height / mat.rows());
                int w = Math.max(width, (int) Math.round(mat.cols() * scale));
                int h = Math.max(height, (int) Math.round(mat.rows() * scale));
                Mat outer = scaled(mat, w, h);
                yield outer.apply(new Rect((w - width) / 2, (h - height) / 2, width, height)).clone();
            }
        };
    }

    private static Mat applyGeometry(Mat input, AugmentationPlan plan) {
        Mat mat = input;
        int width = mat.cols();
        int height = mat.rows();
        PixelRegion crop = plan.randomCrop();
        if (crop != null) {
            int w = Math.min(crop.width(), width - crop.x());
            int h = Math.min(crop.height(), height - crop.y());
            if (w >= 1 && h >= 1) {
                mat = scaled(mat.apply(new Rect(crop.x(), crop.y(), w, h)), width, height);
            }
        }
        if (!plan.hasAffine()) {
            return mat;
        }
        double[] matrix = affineMatrix(plan, width, height);
        Mat transform = new Mat(2, 3, CV_64F);
        new DoublePointer(transform.data()).put(matrix);
        Mat warped = new Mat();
        // Constant black borders: reflected borders would invent mirrored content at the edges.
        warpAffine(mat, warped, transform, new Size(width, height), INTER_LINEAR, BORDER_CONSTANT, Scalar.all(0));
        return warped;
    }

    /**
     * Forward map p' = centre + shift + A (p − centre) with A = rotation · zoom · shear · flip, in pixel-centre
     * coordinates so a 180° rotation maps column i to column width − 1 − i exactly.
     */
    static double[] affineMatrix(AugmentationPlan plan, int width, int height) {
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double fx = plan.flipHorizontal() ? -1 : 1;
        double fy = plan.flipVertical() ? -1 : 1;
        double shear = Math.tan(Math.toRadians(plan.shearDegrees()));
        // shear · flip
        double s00 = fx;
        double s01 = shear * fy;
        double s10 = 0;
        double s11 = fy;
        double angle = Math.toRadians(plan.rotationDegrees());
        double cos = Math.cos(angle) * plan.zoom();
        double sin = Math.sin(angle) * plan.zoom();
        // Counter-clockwise on screen (y points down), as OpenCV's getRotationMatrix2D.
        double a00 = cos * s00 + sin * s10;
        double a01 = cos * s01 + sin * s11;
        double a10 = -sin * s00 + cos * s10;
        double a11 = -sin * s01 + cos * s11;
        double bx = cx + plan.shiftX() - (a00 * cx + a01 * cy);
        double by = cy + plan.shiftY() - (a10 * cx + a11 * cy);
        return new double[] {a00, a01, bx, a10, a11, by};
    }

    private static ImageData applyPhotometry(ImageData image, AugmentationPlan plan) {
        boolean tone = plan.contrast() != 1 || plan.brightness() != 0;
        boolean noise = plan.noiseStd() > 0;
        if (!tone && !noise && plan.cutout() == null) {
            return image;
        }
        byte[] pixels = image.pixels().clone();
        double mean = tone ? image.mean() : 0;
        // Gaussian draws dominate the cost of noise; a fixed table walked from a seeded start with a seeded odd step
        // is as random as augmentation needs and several times faster.
        SplittableRandom random = new SplittableRandom(plan.noiseSeed());
        int position = random.nextInt(GAUSSIAN_TABLE.length);
        int step = 2 * random.nextInt(GAUSSIAN_TABLE.length / 2) + 1;
        double contrast = plan.contrast();
        double offset = mean * (1 - contrast) + plan.brightness();
        for (int i = 0; i < pixels.length; i++) {
            double value = (pixels[i] & 0xFF) * contrast + offset;
            if (noise) {
                value += GAUSSIAN_TABLE[position] * plan.noiseStd();
                position = (position + step) & (GAUSSIAN_TABLE.length - 1);
            }
            pixels[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(value)));
        }
        PixelRegion cutout = plan.cutout();
        if (cutout != null) {
            int channels = image.channels();
            int right = Math.min(image.width(), cutout.x() + cutout.width());
            int bottom = Math.min(image.height(), cutout.y() + cutout.height());
            for (int y = cutout.y(); y < bottom; y++) {
                java.util.Arrays.fill(pixels, (y * image.width() + cutout.x()) * channels,
                        (y * image.width() + right) * channels, (byte) 0);
            }
        }
        return new ImageData(image.width(), image.height(), image.channels(), pixels);
    }

    private static float[] gaussianTable(int size) {
        SplittableRandom random = new SplittableRandom(0x5EED);
        float[] table = new float[size];
        for (int i = 0; i < size; i++) {
            table[i] = (float) random.nextGaussian();
        }
        return table;
    }

    private static Mat scaled(Mat mat, int width, int height) {
        Mat out = new Mat();
        boolean shrinking = width < mat.cols() && height < mat.rows();
        resize(mat, out, new Size(width, height), 0, 0, shrinking ? INTER_AREA : INTER_LINEAR);
        return out;
    }

    private static int clamp(int value, int max) {
        return Math.max(1, Math.min(max, value));
    }
}
