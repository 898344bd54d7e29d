package dev.stride.engine.data.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Draws one shape with a random size, position, rotation, colour, background and noise; the same seed always gives
 * the same picture, so a generated dataset needs no files.
 */
public final class ShapeRenderer {
    /** Sub-pixel bits for fillPoly: smooth edges on small images. */
    private static final int SHIFT = 4;

    private ShapeRenderer() {
    }

    /** A {@code size × size} BGR image of {@code kind}, fully determined by {@code seed}. */
    public static ImageData render(ShapeKind kind, int size, long seed) {
        if (size < 8) {
            throw new IllegalArgumentException("shape images need at least 8×8 pixels, got " + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] background = randomColour(random);
        int[] foreground = contrastingColour(background, random);
        double radius = size * (0.18 + 0.22 * random.nextDouble());
        double cx = radius + random.nextDouble() * (size - 2 * radius);
        double cy = radius + random.nextDouble() * (size - 2 * radius);
        double rotation = random.nextDouble() * 2 * Math.PI;
        double noiseStd = 12 * random.nextDouble();
        long noiseSeed = random.nextLong();

        ImageData drawn = Mats.scoped(() -> {
            Mat mat = new Mat(size, size, CV_8UC3, scalar(background));
            Scalar colour = scalar(foreground);
            if (kind == ShapeKind.CIRCLE) {
                circle(mat, new Point((int) Math.round(cx * (1 << SHIFT)), (int) Math.round(cy * (1 << SHIFT))),
                        (int) Math.round(radius * (1 << SHIFT)), colour, -1, LINE_AA, SHIFT);
            } else {
                double[] polygon = outline(kind, cx, cy, radius, rotation);
                int n = polygon.length / 2;
                Point points = new Point(n);
                for (int i = 0; i < n; i++) {
                    points.position(i).x((int) Math.round(polygon[2 * i] * (1 << SHIFT)))
                            .y((int) Math.round(polygon[2 * i + 1] * (1 << SHIFT)));
                }
                points.position(0);
                fillPoly(mat, points, new int[] {n}, 1, colour, LINE_AA, SHIFT, new Point(0, 0));
            }
            return Mats.toImageData(mat);
        });
        return addNoise(drawn, noiseStd, noiseSeed);
    }

    /** Vertices x0, y0, x1, y1, … of the shape's outline. */
    private static double[] outline(ShapeKind kind, double cx, double cy, double r, double rotation) {
        double[] radii;
        switch (kind) {
            case SQUARE -> radii = new double[] {r, r, r, r};
            case TRIANGLE -> radii = new double[] {r, r, r};
            case HEXAGON -> radii = new double[] {r, r, r, r, r, r};
            case STAR -> radii = new double[] {r, 0.42 * r, r, 0.42 * r, r, 0.42 * r, r, 0.42 * r, r, 0.42 * r};
            case CROSS -> {
                // A plus sign: twelve corners, arms a third of the width.
                double a = r * 0.33;
                double[] local = {-a, -r, a, -r, a, -a, r, -a, r, a, a, a, a, r, -a, r, -a, a, -r, a, -r, -a, -a, -a};
                return rotated(local, cx, cy, rotation);
            }
            default -> throw new IllegalArgumentException("no outline for " + kind);
        }
        double[] points = new double[radii.length * 2];
        for (int i = 0; i < radii.length; i++) {
            double angle = rotation + 2 * Math.PI * i / radii.length;
            points[2 * i] = cx + radii[i] * Math.cos(angle);
            points[2 * i + 1] = cy + radii[i] * Math.sin(angle);
        }
        return points;
    }

    private static double[] rotated(double[] local, double cx, double cy, double rotation) {
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double[] points = new double[local.length];
        for (int i = 0; i < local.length; i += 2) {
            points[i] = cx + local[i] * cos - local[i + 1] * sin;
            points[i + 1] = cy + local[i] * sin + local[i + 1] * cos;
        }
        return points;
    }

    private static ImageData addNoise(ImageData image, double std, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = image.pixels().clone();
        for (int i = 0; i < pixels.length; i++) {
            int value = (int) Math.round((pixels[i] & 0xFF) + random.nextGaussian() * std);
            pixels[i] = (byte) Math.max(0, Math.min(255, value));
        }
        return new ImageData(image.width(), image.height(), image.channels(), pixels);
    }

    /** Redraws until the shape stands out: a shape the colour of its background teaches nothing. */
    private static int[] contrastingColour(int[] background, SplittableRandom random) {
        int[] colour = randomColour(random);
        while (distance(background, colour) < 120) {
            colour = randomColour(random);
        }
        return colour;
    }

    private static int[] randomColour(SplittableRandom random) {
        return new int[] {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
    }

    private static double distance(int[] a, int[] b) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private static Scalar scalar(int[] bgr) {
        return new Scalar(bgr[0], bgr[1], bgr[2], 0);
    }
}
