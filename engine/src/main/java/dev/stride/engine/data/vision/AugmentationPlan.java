package dev.stride.engine.data.vision;

/**
 * The concrete changes drawn for one image from {@link AugmentationSettings}: what the preview shows and what
 * training applies are both this plan, applied by {@link ImagePipeline}. Values are in pixels and 0–255 units.
 *
 * @param randomCrop      the window kept and resized back to full size, or null
 * @param flipHorizontal  mirror left–right
 * @param flipVertical    mirror top–bottom
 * @param rotationDegrees counter-clockwise rotation about the centre
 * @param zoom            magnification about the centre (1 = none)
 * @param shiftX          pixels moved right
 * @param shiftY          pixels moved down
 * @param shearDegrees    horizontal shear angle
 * @param contrast        factor on the distance from the image mean (1 = none)
 * @param brightness      value added to every byte
 * @param noiseStd        standard deviation of the added Gaussian noise (0 = none)
 * @param noiseSeed       seed of that noise, so the same plan gives the same pixels
 * @param cutout          the square set to black, or null
 */
public record AugmentationPlan(PixelRegion randomCrop, boolean flipHorizontal, boolean flipVertical,
                               double rotationDegrees, double zoom, double shiftX, double shiftY,
                               double shearDegrees, double contrast, double brightness, double noiseStd,
                               long noiseSeed, PixelRegion cutout) {

    /** Changes nothing. */
    public static final AugmentationPlan IDENTITY = new AugmentationPlan(null, false, false, 0, 1, 0, 0, 0, 1, 0,
            0, 0, null);

    /** Whether the plan moves pixels (one warp covers flips, rotation, zoom, shift and shear). */
    public boolean hasAffine() {
        return flipHorizontal || flipVertical || rotationDegrees != 0 || zoom != 1 || shiftX != 0 || shiftY != 0
                || shearDegrees != 0;
    }

    public AugmentationPlan withRandomCrop(PixelRegion value) {
        return new AugmentationPlan(value, flipHorizontal, flipVertical, rotationDegrees, zoom, shiftX, shiftY,
                shearDegrees, contrast, brightness, noiseStd, noiseSeed, cutout);
    }

    public AugmentationPlan withFlips(boolean horizontal, boolean vertical) {
        return new AugmentationPlan(randomCrop, horizontal, vertical, rotationDegrees, zoom, shiftX, shiftY,
                shearDegrees, contrast, brightness, noiseStd, noiseSeed, cutout);
    }

    public AugmentationPlan withRotation(double degrees) {
        return new AugmentationPlan(randomCrop, flipHorizontal, flipVertical, degrees, zoom, shiftX, shiftY,
                shearDegrees, contrast, brightness, noiseStd, noiseSeed, cutout);
    }

    public AugmentationPlan withZoom(double factor) {
        return new AugmentationPlan(randomCrop, flipHorizontal, flipVertical, rotationDegrees, factor, shiftX,
                shiftY, shearDegrees, contrast, brightness, noiseStd, noiseSeed, cutout);
    }

    public AugmentationPlan withShift(double x, double y) {
        return new AugmentationPlan(randomCrop, flipHorizontal, flipVertical, rotationDegrees, zoom, x, y,
                shearDegrees, contrast, brightness, noiseStd, noiseSeed, cutout);
    }

    public AugmentationPlan withShear(double degrees) {
        return new AugmentationPlan(randomCrop, flipHorizontal, flipVertical, rotationDegrees, zoom, shiftX, shiftY,
                degrees, contrast, brightness, noiseStd, noiseSeed, cutout);
    }

    public AugmentationPlan withContrastAndBrightness(double factor, double delta) {
        return new AugmentationPlan(randomCrop, flipHorizontal, flipVertical, rotationDegrees, zoom, shiftX, shiftY,
                shearDegrees, factor, delta, noiseStd, noiseSeed, cutout);
    }

    public AugmentationPlan withNoise(double std, long seed) {
        return new AugmentationPlan(randomCrop, flipHorizontal, flipVertical, rotationDegrees, zoom, shiftX, shiftY,
                shearDegrees, contrast, brightness, std, seed, cutout);
    }

    public AugmentationPlan withCutout(PixelRegion value) {
        return new AugmentationPlan(randomCrop, flipHorizontal, flipVertical, rotationDegrees, zoom, shiftX, shiftY,
                shearDegrees, contrast, brightness, noiseStd, noiseSeed, value);
    }

    /**
     * Draws a plan for a {@code width × height} image. Every transform consumes the same number of draws whether it
     * fires or not, so switching one on does not change what the others draw.
     */
    public static AugmentationPlan draw(AugmentationSettings settings, int width, int height,
                                        java.util.random.RandomGenerator random) {
        PixelRegion crop = null;
        boolean cropFires = settings.randomCrop().fires(random);
        double cropSide = 1 - settings.randomCrop().amount() * random.nextDouble();
        double cropX = random.nextDouble();
        double cropY = random.nextDouble();
        if (cropFires && settings.randomCrop().amount() > 0) {
            int cw = Math.max(1, (int) Math.round(width * cropSide));
            int ch = Math.max(1, (int) Math.round(height * cropSide));
            crop = new PixelRegion((int) Math.floor(cropX * (width - cw + 1)) , (int) Math.floor(cropY * (height - ch
                    + 1)), cw, ch);
        }
        boolean flipH = settings.horizontalFlip().fires(random);
        boolean flipV = settings.verticalFlip().fires(random);
        double rotation = symmetric(settings.rotation(), random);
        double zoom = 1 + symmetric(settings.zoom(), random);
        double shiftX = symmetric(settings.widthShift(), random) * width;
        double shiftY = symmetric(settings.heightShift(), random) * height;
        double shear = symmetric(settings.shear(), random);
        double contrast = 1 + symmetric(settings.contrast(), random);
        double brightness = symmetric(settings.brightness(), random) * 255;
        boolean noiseFires = settings.noise().fires(random);
        double noiseStd = noiseFires ? settings.noise().amount() * random.nextDouble() * 255 : 0 * random.nextDouble();
        long noiseSeed = random.nextLong();
        boolean cutoutFires = settings.cutout().fires(random);
        double cutoutSide = settings.cutout().amount() * (0.5 + 0.5 * random.nextDouble());
        double cutoutX = random.nextDouble();
        double cutoutY = random.nextDouble();
        PixelRegion cutout = null;
        int side = (int) Math.round(cutoutSide * Math.min(width, height));
        if (cutoutFires && side >= 1) {
            cutout = new PixelRegion((int) Math.floor(cutoutX * (width - side + 1)),
                    (int) Math.floor(cutoutY * (height - side + 1)), side, side);
        }
        return new AugmentationPlan(crop, flipH, flipV, rotation, zoom, shiftX, shiftY, shear, contrast, brightness,
                noiseStd, noiseSeed, cutout);
    }

    private static double symmetric(AugmentationSettings.Transform transform,
                                    java.util.random.RandomGenerator random) {
        boolean fires = transform.fires(random);
        double value = (2 * random.nextDouble() - 1) * transform.amount();
        return fires ? value : 0;
    }
}
