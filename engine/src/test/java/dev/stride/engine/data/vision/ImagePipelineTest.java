package dev.stride.engine.data.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.data.vision.AugmentationSettings.Transform;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImagePipelineTest {

    private static ImageData randomGray(int width, int height, long seed) {
        byte[] pixels = new byte[width * height];
        new SplittableRandom(seed).nextBytes(pixels);
        return new ImageData(width, height, 1, pixels);
    }

    private static ImageData filled(int width, int height, int channels, int value) {
        byte[] pixels = new byte[width * height * channels];
        java.util.Arrays.fill(pixels, (byte) value);
        return new ImageData(width, height, channels, pixels);
    }

    private static ImagePipeline identitySize(ImageData image) {
        return new ImagePipeline(Preprocessing.of(image.width(), image.height(), image.channels()),
                AugmentationSettings.NONE);
    }

    @Test
    void horizontalFlipMirrorsColumns() {
        ImageData source = randomGray(16, 12, 1);
        ImageData out = identitySize(source).process(source, AugmentationPlan.IDENTITY.withFlips(true, false));
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 16; x++) {
                assertThat(out.value(x, y, 0)).isEqualTo(source.value(15 - x, y, 0));
            }
        }
    }

    @Test
    void verticalFlipMirrorsRows() {
        ImageData source = randomGray(16, 12, 2);
        ImageData out = identitySize(source).process(source, AugmentationPlan.IDENTITY.withFlips(false, true));
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 16; x++) {
                assertThat(out.value(x, y, 0)).isEqualTo(source.value(x, 11 - y, 0));
            }
        }
    }

    @Test
    void rotationKeepsTheCentreAndTurnsCounterClockwise() {
        byte[] pixels = new byte[33 * 33];
        pixels[16 * 33 + 16] = (byte) 200; // centre
        pixels[16 * 33 + 24] = (byte) 255; // 8 px right of the centre
        ImageData source = new ImageData(33, 33, 1, pixels);
        ImageData out = identitySize(source).process(source, AugmentationPlan.IDENTITY.withRotation(90));
        assertThat(out.value(16, 16, 0)).isEqualTo(200);
        assertThat(out.value(16, 8, 0)).as("8 px above the centre").isEqualTo(255);
        assertThat(out.value(24, 16, 0)).isZero();
    }

    @Test
    void halfTurnMapsEveryPixelToItsOpposite() {
        ImageData source = randomGray(10, 7, 3);
        ImageData out = identitySize(source).process(source, AugmentationPlan.IDENTITY.withRotation(180));
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 10; x++) {
                assertThat(out.value(x, y, 0)).isEqualTo(source.value(9 - x, 6 - y, 0));
            }
        }
    }

    @Test
    void rotationFillsUncoveredCornersWithBlackNotReflections() {
        ImageData source = filled(32, 32, 1, 255);
        ImageData out = identitySize(source).process(source, AugmentationPlan.IDENTITY.withRotation(45));
        assertThat(out.value(0, 0, 0)).isZero();
        assertThat(out.value(16, 16, 0)).isEqualTo(255);
    }

    @Test
    void shiftMovesByTheAmountAndFillsWithBlack() {
        ImageData source = randomGray(20, 20, 4);
        ImageData out = identitySize(source).process(source, AugmentationPlan.IDENTITY.withShift(5, 3));
        for (int y = 0; y < 17; y++) {
            for (int x = 0; x < 15; x++) {
                assertThat(out.value(x + 5, y + 3, 0)).isEqualTo(source.value(x, y, 0));
            }
        }
        for (int y = 0; y < 20; y++) {
            assertThat(out.value(2, y, 0)).isZero();
        }
    }

    @Test
    void zoomMagnifiesAboutTheCentre() {
        byte[] pixels = new byte[41 * 41];
        pixels[20 * 41 + 25] = (byte) 255; // 5 px right of the centre
        ImageData source = new ImageData(41, 41, 1, pixels);
        ImageData out = identitySize(source).process(source, AugmentationPlan.IDENTITY.withZoom(2));
        assertThat(out.value(30, 20, 0)).as("10 px right of the centre").isGreaterThan(100);
        assertThat(out.value(25, 20, 0)).isZero();
    }

    @Test
    void shearMovesRowsInProportionToTheirDistanceFromTheCentre() {
        ImageData source = randomGray(21, 21, 5);
        ImageData out = identitySize(source).process(source, AugmentationPlan.IDENTITY.withShear(45));
        for (int x = 0; x < 21; x++) {
            assertThat(out.value(x, 10, 0)).as("centre row unchanged").isEqualTo(source.value(x, 10, 0));
        }
        for (int x = 0; x < 17; x++) {
            assertThat(out.value(x + 4, 14, 0)).as("4 rows down move 4 right").isEqualTo(source.value(x, 14, 0));
        }
    }

    @Test
    void randomCropKeepsTheWindowAtFullSize() {
        byte[] pixels = new byte[16 * 16];
        for (int y = 0; y < 16; y++) {
            for (int x = 8; x < 16; x++) {
                pixels[y * 16 + x] = (byte) 255;
            }
        }
        ImageData source = new ImageData(16, 16, 1, pixels);
        ImageData out = identitySize(source).process(source,
                AugmentationPlan.IDENTITY.withRandomCrop(new PixelRegion(8, 0, 8, 16)));
        assertThat(out.width()).isEqualTo(16);
        assertThat(out.height()).isEqualTo(16);
        assertThat(out.mean()).isEqualTo(255.0);
    }

    @Test
    void drawnCropsStayWithinTheRange() {
        AugmentationSettings settings = AugmentationSettings.NONE.withRandomCrop(new Transform(1, 0.3));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            PixelRegion crop = AugmentationPlan.draw(settings, 100, 50, random).randomCrop();
            assertThat(crop.width()).isBetween(70, 100);
            assertThat(crop.height()).isBetween(35, 50);
            assertThat(crop.x() + crop.width()).isLessThanOrEqualTo(100);
            assertThat(crop.y() + crop.height()).isLessThanOrEqualTo(50);
        }
    }

    @Test
    void cutoutBlacksOutExactlyItsSquare() {
        ImageData source = filled(20, 20, 3, 255);
        ImageData out = identitySize(source).process(source,
                AugmentationPlan.IDENTITY.withCutout(new PixelRegion(2, 3, 5, 5)));
        int zeros = 0;
        for (byte b : out.pixels()) {
            zeros += b == 0 ? 1 : 0;
        }
        assertThat(zeros).isEqualTo(5 * 5 * 3);
        assertThat(out.value(2, 3, 0)).isZero();
        assertThat(out.value(6, 7, 2)).isZero();
        assertThat(out.value(7, 7, 0)).isEqualTo(255);
    }

    @Test
    void drawnCutoutsHaveTheConfiguredSide() {
        AugmentationSettings settings = AugmentationSettings.NONE.withCutout(new Transform(1, 0.4));
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 200; i++) {
            PixelRegion cutout = AugmentationPlan.draw(settings, 50, 40, random).cutout();
            assertThat(cutout.width()).isBetween(8, 16);
            assertThat(cutout.x() + cutout.width()).isLessThanOrEqualTo(50);
        }
    }

    @Test
    void brightnessShiftsTheMean() {
        ImageData source = filled(10, 10, 1, 100);
        ImageData out = identitySize(source).process(source,
                AugmentationPlan.IDENTITY.withContrastAndBrightness(1, 20));
        assertThat(out.mean()).isEqualTo(120.0);
        ImagePipeline random = new ImagePipeline(Preprocessing.of(10, 10, 1),
                AugmentationSettings.NONE.withBrightness(new Transform(1, 0.3)));
        assertThat(random.process(source, 1).mean()).isNotEqualTo(100.0);
    }

    @Test
    void contrastStretchesAboutTheMean() {
        byte[] pixels = new byte[2 * 2];
        pixels[0] = 100;
        pixels[1] = (byte) 140;
        pixels[2] = 100;
        pixels[3] = (byte) 140;
        ImageData source = new ImageData(2, 2, 1, pixels);
        ImageData out = identitySize(source).process(source,
                AugmentationPlan.IDENTITY.withContrastAndBrightness(2, 0));
        assertThat(out.value(0, 0, 0)).isEqualTo(80);
        assertThat(out.value(1, 0, 0)).isEqualTo(160);
    }

    @Test
    void noiseHasTheRequestedStandardDeviation() {
        ImageData source = filled(64, 64, 1, 128);
        ImageData out = identitySize(source).process(source, AugmentationPlan.IDENTITY.withNoise(10, 99));
        double mean = out.mean();
        double variance = 0;
        for (byte b : out.pixels()) {
            variance += Math.pow((b & 0xFF) - mean, 2);
        }
        double std = Math.sqrt(variance / out.pixels().length);
        assertThat(mean).isCloseTo(128, within(1.0));
        assertThat(std).isCloseTo(10, within(0.6));
    }

    @Test
    void theSameSeedGivesTheSameImageAndAnotherSeedAnother() {
        ImageData source = ShapeRenderer.render(ShapeKind.STAR, 64, 3);
        ImagePipeline pipeline = new ImagePipeline(Preprocessing.of(48, 48, 3), AugmentationSettings.everything());
        ImageData first = pipeline.process(source, 1234);
        assertThat(pipeline.process(source, 1234)).isEqualTo(first);
        assertThat(pipeline.process(source, 1235)).isNotEqualTo(first);
        assertThat(AugmentationPlan.draw(AugmentationSettings.everything(), 48, 48, new SplittableRandom(5)))
                .isEqualTo(AugmentationPlan.draw(AugmentationSettings.everything(), 48, 48,
                        new SplittableRandom(5)));
    }

    @Test
    void previewVariantsAreWhatTheTrainingPipelineProduces() {
        ImageData source = ShapeRenderer.render(ShapeKind.CIRCLE, 40, 1);
        ImagePipeline pipeline = new ImagePipeline(Preprocessing.of(32, 32, 3), AugmentationSettings.everything());
        var variants = AugmentationPreview.variants(source, pipeline, 77, 9, () -> false);
        assertThat(variants).hasSize(9).doesNotHaveDuplicates();
        assertThat(variants.get(4)).isEqualTo(pipeline.process(source, Seeds.mix(77, 4)));
        assertThat(AugmentationPreview.variants(source, pipeline, 77, 9, () -> false)).isEqualTo(variants);
    }

    @Test
    void cancelledPreviewStops() {
        ImageData source = ShapeRenderer.render(ShapeKind.CIRCLE, 40, 1);
        ImagePipeline pipeline = new ImagePipeline(Preprocessing.of(32, 32, 3), AugmentationSettings.everything());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AugmentationPreview.variants(source, pipeline, 1, 9,
                () -> true)).isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void resizeModesBringAnySizeToTheInput() {
        ImageData wide = filled(40, 20, 1, 255);
        ImageData padded = new ImagePipeline(Preprocessing.of(20, 20, 1).withResize(ResizeMode.PAD),
                AugmentationSettings.NONE).process(wide, 0);
        assertThat(padded.value(10, 0, 0)).as("bar above").isZero();
        assertThat(padded.value(10, 10, 0)).isEqualTo(255);
        byte[] pixels = new byte[40 * 20];
        for (int y = 0; y < 20; y++) {
            for (int x = 10; x < 30; x++) {
                pixels[y * 40 + x] = (byte) 255;
            }
        }
        ImageData cropped = new ImagePipeline(Preprocessing.of(20, 20, 1).withResize(ResizeMode.CENTER_CROP),
                AugmentationSettings.NONE).process(new ImageData(40, 20, 1, pixels), 0);
        assertThat(cropped.mean()).as("only the white middle remains").isEqualTo(255.0);
        ImageData stretched = new ImagePipeline(Preprocessing.of(20, 20, 1), AugmentationSettings.NONE)
                .process(wide, 0);
        assertThat(stretched.width()).isEqualTo(20);
        assertThat(stretched.mean()).isEqualTo(255.0);
    }

    @Test
    void channelCountsAreNormalised() {
        ImageData gray = filled(8, 8, 1, 90);
        ImageData colour = new ImagePipeline(Preprocessing.of(8, 8, 3), AugmentationSettings.NONE).process(gray, 0);
        assertThat(colour.channels()).isEqualTo(3);
        assertThat(colour.value(3, 3, 2)).isEqualTo(90);
        ImageData back = new ImagePipeline(Preprocessing.of(8, 8, 1), AugmentationSettings.NONE).process(colour, 0);
        assertThat(back.channels()).isEqualTo(1);
        assertThat(back.value(3, 3, 0)).isEqualTo(90);
    }

    @Test
    void settingsBindFromJsonAndRoundTrip() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        AugmentationSettings settings = mapper.readValue("{\"horizontalFlip\":{\"probability\":0.5},"
                + "\"rotation\":{\"probability\":1,\"amount\":15}}", AugmentationSettings.class);
        assertThat(settings.horizontalFlip().probability()).isEqualTo(0.5);
        assertThat(settings.rotation().amount()).isEqualTo(15);
        assertThat(settings.zoom()).isEqualTo(Transform.OFF);
        assertThat(mapper.readValue(mapper.writeValueAsString(AugmentationSettings.everything()),
                AugmentationSettings.class)).isEqualTo(AugmentationSettings.everything());
    }

    @Test
    void planeLayoutAndScaling() {
        byte[] pixels = {10, 20, (byte) 255, 0, 0, 0};
        ImageData image = new ImageData(2, 1, 3, pixels);
        float[] out = new float[6];
        Preprocessing.of(2, 1, 3).writePlanes(image, out, 0);
        assertThat(out).containsExactly(10 / 255f, 0f, 20 / 255f, 0f, 1f, 0f);
    }

    @Test
    void bgraForJavaFxRepeatsGrayAndIsOpaque() {
        ImageData gray = new ImageData(2, 1, 1, new byte[] {7, (byte) 200});
        assertThat(gray.toBgra()).containsExactly(7, 7, 7, -1, -56, -56, -56, -1);
        ImageData colour = new ImageData(1, 1, 3, new byte[] {1, 2, 3});
        assertThat(colour.toBgra()).containsExactly(1, 2, 3, -1);
    }
}
