package dev.stride.engine.data.vision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Augmented variants of one image for the gallery's preview grid, drawn through the same {@link ImagePipeline} as
 * training. Variant {@code i} under seed {@code s} is always the same picture.
 */
public final class AugmentationPreview {
    private AugmentationPreview() {
    }

    /** The image as the network sees it with no augmentation: the preview's reference picture. */
    public static ImageData unaugmented(ImageData source, Preprocessing preprocessing) {
        return new ImagePipeline(preprocessing, AugmentationSettings.NONE).process(source, 0L);
    }

    /**
     * {@code count} variants of {@code source}; stops between variants once {@code cancelled} turns true.
     *
     * @throws CancellationException when cancelled, so a stale request never delivers results
     */
    public static List<ImageData> variants(ImageData source, ImagePipeline pipeline, long seed, int count,
                                           BooleanSupplier cancelled) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, got " + count);
        }
        List<ImageData> variants = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("augmentation preview cancelled");
            }
            variants.add(pipeline.process(source, Seeds.mix(seed, i)));
        }
        return List.copyOf(variants);
    }
}
