package dev.stride.app.data;

import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.data.vision.AugmentationSettings.Transform;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One row of the augmentation form: which transform of {@link AugmentationSettings} it edits, the range its slider
 * offers (the engine's own limits; zoom, contrast and crop stay below 1) and how its amount reads.
 */
enum AugmentationField {
    HORIZONTAL_FLIP("augment.horizontalFlip", Unit.NONE, 0, 0.5, AugmentationSettings::horizontalFlip,
            (s, t) -> s.withHorizontalFlip(t.probability())),
    VERTICAL_FLIP("augment.verticalFlip", Unit.NONE, 0, 0.5, AugmentationSettings::verticalFlip,
            (s, t) -> s.withVerticalFlip(t.probability())),
    ROTATION("augment.rotation", Unit.DEGREES, 180, 15, AugmentationSettings::rotation,
            AugmentationSettings::withRotation),
    ZOOM("augment.zoom", Unit.FRACTION, 0.95, 0.1, AugmentationSettings::zoom, AugmentationSettings::withZoom),
    WIDTH_SHIFT("augment.widthShift", Unit.FRACTION, 1, 0.1, AugmentationSettings::widthShift,
            AugmentationSettings::withWidthShift),
    HEIGHT_SHIFT("augment.heightShift", Unit.FRACTION, 1, 0.1, AugmentationSettings::heightShift,
            AugmentationSettings::withHeightShift),
    SHEAR("augment.shear", Unit.DEGREES, 80, 10, AugmentationSettings::shear, AugmentationSettings::withShear),
    BRIGHTNESS("augment.brightness", Unit.FRACTION, 1, 0.2, AugmentationSettings::brightness,
            AugmentationSettings::withBrightness),
    CONTRAST("augment.contrast", Unit.FRACTION, 0.95, 0.2, AugmentationSettings::contrast,
            AugmentationSettings::withContrast),
    NOISE("augment.noise", Unit.FRACTION, 1, 0.05, AugmentationSettings::noise, AugmentationSettings::withNoise),
    RANDOM_CROP("augment.randomCrop", Unit.FRACTION, 0.95, 0.2, AugmentationSettings::randomCrop,
            AugmentationSettings::withRandomCrop),
    CUTOUT("augment.cutout", Unit.FRACTION, 1, 0.3, AugmentationSettings::cutout,
            AugmentationSettings::withCutout);

    /** How an amount reads: flips have none, angles in degrees, the rest as a share of size or full scale. */
    enum Unit { NONE, DEGREES, FRACTION }

    private final String messageKey;
    private final Unit unit;
    private final double maxAmount;
    private final double defaultAmount;
    private final Function<AugmentationSettings, Transform> getter;
    private final BiFunction<AugmentationSettings, Transform, AugmentationSettings> wither;

    AugmentationField(String messageKey, Unit unit, double maxAmount, double defaultAmount,
                      Function<AugmentationSettings, Transform> getter,
                      BiFunction<AugmentationSettings, Transform, AugmentationSettings> wither) {
        this.messageKey = messageKey;
        this.unit = unit;
        this.maxAmount = maxAmount;
        this.defaultAmount = defaultAmount;
        this.getter = getter;
        this.wither = wither;
    }

    String messageKey() {
        return messageKey;
    }

    boolean hasAmount() {
        return unit != Unit.NONE;
    }

    double maxAmount() {
        return maxAmount;
    }

    double defaultAmount() {
        return defaultAmount;
    }

    Transform get(AugmentationSettings settings) {
        return getter.apply(settings);
    }

    AugmentationSettings with(AugmentationSettings settings, Transform transform) {
        return wither.apply(settings, transform);
    }

    /** "±15°", "±10%", or empty for flips. */
    String formatAmount(double amount) {
        return switch (unit) {
            case NONE -> "";
            case DEGREES -> String.format(Locale.ROOT, "±%.0f°", amount);
            case FRACTION -> String.format(Locale.ROOT, "±%.0f%%", amount * 100);
        };
    }
}
