package dev.stride.engine.data.vision;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Which random changes training applies to each image, and how strongly; shared by the training settings form and
 * the augmentation preview. Jackson-bindable: an absent transform is off.
 *
 * <p>Each transform fires with its own probability and then draws its strength uniformly from its range:
 *
 * @param horizontalFlip mirror left–right (amount unused)
 * @param verticalFlip   mirror top–bottom (amount unused)
 * @param rotation       rotate about the centre by an angle in [−amount, amount] degrees
 * @param zoom           magnify by a factor in [1 − amount, 1 + amount] about the centre (above 1 zooms in)
 * @param widthShift     move right by a fraction of the width in [−amount, amount]
 * @param heightShift    move down by a fraction of the height in [−amount, amount]
 * @param shear          shear horizontally by an angle in [−amount, amount] degrees
 * @param brightness     add a fraction of full scale in [−amount, amount] to every pixel
 * @param contrast       scale the distance from the image mean by a factor in [1 − amount, 1 + amount]
 * @param noise          add Gaussian noise whose standard deviation, as a fraction of full scale, is in [0, amount]
 * @param randomCrop     keep a random window whose side is a fraction in [1 − amount, 1] and resize it back
 * @param cutout         black out a square whose side is a fraction of the shorter side in [amount / 2, amount]
 */
public record AugmentationSettings(Transform horizontalFlip, Transform verticalFlip, Transform rotation,
                                   Transform zoom, Transform widthShift, Transform heightShift, Transform shear,
                                   Transform brightness, Transform contrast, Transform noise, Transform randomCrop,
                                   Transform cutout) {

    /** No augmentation: the image as the network sees it without training noise (validation and test). */
    public static final AugmentationSettings NONE = new AugmentationSettings(null, null, null, null, null, null,
            null, null, null, null, null, null);

    public AugmentationSettings {
        horizontalFlip = orOff(horizontalFlip);
        verticalFlip = orOff(verticalFlip);
        rotation = orOff(rotation);
        zoom = orOff(zoom);
        widthShift = orOff(widthShift);
        heightShift = orOff(heightShift);
        shear = orOff(shear);
        brightness = orOff(brightness);
        contrast = orOff(contrast);
        noise = orOff(noise);
        randomCrop = orOff(randomCrop);
        cutout = orOff(cutout);
        requireBelow(zoom, 1, "zoom");
        requireBelow(contrast, 1, "contrast");
        requireBelow(randomCrop, 1, "randomCrop");
        requireAtMost(widthShift, 1, "widthShift");
        requireAtMost(heightShift, 1, "heightShift");
        requireAtMost(brightness, 1, "brightness");
        requireAtMost(noise, 1, "noise");
        requireAtMost(cutout, 1, "cutout");
        requireAtMost(shear, 80, "shear");
        requireAtMost(rotation, 180, "rotation");
    }

    /** A moderate set for photos, like the Keras image-classification tutorial's (flip, rotate, zoom). */
    public static AugmentationSettings photoDefaults() {
        return NONE.withHorizontalFlip(0.5).withRotation(new Transform(1, 10)).withZoom(new Transform(1, 0.1));
    }

    /** Every transform on at once: what `stride bench data` measures, the worst case for the pipeline's cost. */
    public static AugmentationSettings everything() {
        return new AugmentationSettings(new Transform(0.5, 0), new Transform(0.5, 0), new Transform(1, 15),
                new Transform(1, 0.1), new Transform(1, 0.1), new Transform(1, 0.1), new Transform(1, 10),
                new Transform(1, 0.2), new Transform(1, 0.2), new Transform(1, 0.05), new Transform(1, 0.2),
                new Transform(0.5, 0.3));
    }

    /** True when nothing is switched on. */
    @JsonIgnore
    public boolean isNone() {
        return this.equals(NONE);
    }

    public AugmentationSettings withHorizontalFlip(double probability) {
        return new AugmentationSettings(new Transform(probability, 0), verticalFlip, rotation, zoom, widthShift,
                heightShift, shear, brightness, contrast, noise, randomCrop, cutout);
    }

    public AugmentationSettings withVerticalFlip(double probability) {
        return new AugmentationSettings(horizontalFlip, new Transform(probability, 0), rotation, zoom, widthShift,
                heightShift, shear, brightness, contrast, noise, randomCrop, cutout);
    }

    public AugmentationSettings withRotation(Transform value) {
        return new AugmentationSettings(horizontalFlip, verticalFlip, value, zoom, widthShift, heightShift, shear,
                brightness, contrast, noise, randomCrop, cutout);
    }

    public AugmentationSettings withZoom(Transform value) {
        return new AugmentationSettings(horizontalFlip, verticalFlip, rotation, value, widthShift, heightShift,
                shear, brightness, contrast, noise, randomCrop, cutout);
    }

    public AugmentationSettings withWidthShift(Transform value) {
        return new AugmentationSettings(horizontalFlip, verticalFlip, rotation, zoom, value, heightShift, shear,
                brightness, contrast, noise, randomCrop, cutout);
    }

    public AugmentationSettings withHeightShift(Transform value) {
        return new AugmentationSettings(horizontalFlip, verticalFlip, rotation, zoom, widthShift, value, shear,
                brightness, contrast, noise, randomCrop, cutout);
    }

    public AugmentationSettings withShear(Transform value) {
        return new AugmentationSettings(horizontalFlip, verticalFlip, rotation, zoom, widthShift, heightShift,
                value, brightness, contrast, noise, randomCrop, cutout);
    }

    public AugmentationSettings withBrightness(Transform value) {
        return new AugmentationSettings(horizontalFlip, verticalFlip, rotation, zoom, widthShift, heightShift,
                shear, value, contrast, noise, randomCrop, cutout);
    }

    public AugmentationSettings withContrast(Transform value) {
        return new AugmentationSettings(horizontalFlip, verticalFlip, rotation, zoom, widthShift, heightShift,
                shear, brightness, value, noise, randomCrop, cutout);
    }

    public AugmentationSettings withNoise(Transform value) {
        return new AugmentationSettings(horizontalFlip, verticalFlip, rotation, zoom, widthShift, heightShift,
                shear, brightness, contrast, value, randomCrop, cutout);
    }

    public AugmentationSettings withRandomCrop(Transform value) {
        return new AugmentationSettings(horizontalFlip, verticalFlip, rotation, zoom, widthShift, heightShift,
                shear, brightness, contrast, noise, value, cutout);
    }

    public AugmentationSettings withCutout(Transform value) {
        return new AugmentationSettings(horizontalFlip, verticalFlip, rotation, zoom, widthShift, heightShift,
                shear, brightness, contrast, noise, randomCrop, value);
    }

    private static Transform orOff(Transform transform) {
        return transform == null ? Transform.OFF : transform;
    }

    private static void requireBelow(Transform transform, double limit, String name) {
        if (transform.amount() >= limit) {
            throw new IllegalArgumentException(name + " amount must be below " + limit + ", got "
                    + transform.amount());
        }
    }

    private static void requireAtMost(Transform transform, double limit, String name) {
        if (transform.amount() > limit) {
            throw new IllegalArgumentException(name + " amount must be at most " + limit + ", got "
                    + transform.amount());
        }
    }

    /**
     * One random change: how often it fires and how strong it may be (units in {@link AugmentationSettings}).
     *
     * @param probability chance per image, 0–1
     * @param amount      the range's bound, 0 or more
     */
    public record Transform(double probability, double amount) {
        /** Never fires. */
        public static final Transform OFF = new Transform(0, 0);

        public Transform {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be between 0 and 1, got " + probability);
            }
            if (!(amount >= 0) || Double.isInfinite(amount)) {
                throw new IllegalArgumentException("amount must be 0 or more, got " + amount);
            }
        }

        /** Fires with its probability, consuming exactly one random draw so later draws do not shift. */
        boolean fires(java.util.random.RandomGenerator random) {
            double draw = random.nextDouble();
            return probability > 0 && draw < probability;
        }
    }
}
