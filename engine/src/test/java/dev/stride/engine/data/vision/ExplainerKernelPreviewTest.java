package dev.stride.engine.data.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.engine.data.vision.KernelPreview.Display;
import dev.stride.engine.data.vision.KernelPreview.KernelPreset;
import dev.stride.engine.explain.AxisWalk;
import dev.stride.engine.explain.PaddingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainerKernelPreviewTest {

    /** A 3-channel test card: a diagonal gradient in blue, stripes in green, a square in red. */
    private static ImageData testCard(int width, int height) {
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                pixels[i] = (byte) ((x + y) * 255 / (width + height));
                pixels[i + 1] = (byte) (x % 4 < 2 ? 200 : 20);
                pixels[i + 2] = (byte) (x > width / 3 && x < 2 * width / 3 && y > height / 3 ? 250 : 0);
            }
        }
        return new ImageData(width, height, 3, pixels);
    }

    @Test
    void theOutputHasExactlyTheSizeTheWalkComputes() {
        ImageData card = testCard(37, 23);
        List<PaddingMode> paddings = List.of(PaddingMode.valid(), PaddingMode.same(), PaddingMode.explicit(2),
                PaddingMode.full());
        for (PaddingMode padding : paddings) {
            for (int stride = 1; stride <= 3; stride++) {
                for (int dilation = 1; dilation <= 2; dilation++) {
                    ImageData out = KernelPreview.apply(card, KernelPreset.EDGE, 3, 3, stride, stride, padding,
                            dilation, dilation);
                    assertThat(out.height()).isEqualTo(AxisWalk.of(23, 3, stride, padding, dilation).outputSize());
                    assertThat(out.width()).isEqualTo(AxisWalk.of(37, 3, stride, padding, dilation).outputSize());
                    assertThat(out.channels()).isEqualTo(3);
                }
            }
        }
    }

    @Test
    void everyOutputPixelIsTheDilatedWindowSumAtItsStride() {
        ImageData card = testCard(19, 14);
        float[][] weights = {{1, 0, -1}, {2, 0, -2}, {1, 0, -1}};
        AxisWalk rows = AxisWalk.of(14, 3, 2, PaddingMode.explicit(1), 2);
        AxisWalk columns = AxisWalk.of(19, 3, 3, PaddingMode.explicit(1), 2);

        ImageData out = KernelPreview.apply(card, weights, Display.ABSOLUTE, 2, 3, PaddingMode.explicit(1), 2, 2);

        for (int r = 0; r < rows.outputSize(); r++) {
            for (int c = 0; c < columns.outputSize(); c++) {
                for (int channel = 0; channel < 3; channel++) {
                    float sum = 0;
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            int y = rows.inputIndex(rows.taps(r)[i]);
                            int x = columns.inputIndex(columns.taps(c)[j]);
                            sum += y < 0 || x < 0 ? 0 : weights[i][j] * card.value(x, y, channel);
                        }
                    }
                    int expected = Math.min(255, Math.round(Math.abs(sum)));
                    assertThat(out.value(c, r, channel)).as("(%d,%d,%d)", r, c, channel)
                            .isCloseTo(expected, org.assertj.core.data.Offset.offset(1));
                }
            }
        }
    }

    @Test
    void blurKeepsAFlatImageFlatAwayFromThePadding() {
        byte[] grey = new byte[12 * 12];
        java.util.Arrays.fill(grey, (byte) 120);
        ImageData out = KernelPreview.apply(new ImageData(12, 12, 1, grey), KernelPreset.BLUR, 3, 3, 1, 1,
                PaddingMode.valid(), 1, 1);

        assertThat(out.width()).isEqualTo(10);
        for (byte value : out.pixels()) {
            assertThat(value & 0xFF).isEqualTo(120);
        }
    }

    @Test
    void aKernelThatCannotFitIsRefusedWithTheSizes() {
        assertThatThrownBy(() -> KernelPreview.apply(testCard(4, 4), KernelPreset.BLUR, 3, 3, 1, 1,
                PaddingMode.valid(), 3, 3)).hasMessageContaining("7×7").hasMessageContaining("4×4");
    }

    @Test
    void presetWeightsFollowTheKernelSize() {
        assertThat(KernelPreset.EDGE.weights(3, 3)[1][1]).isEqualTo(8);
        assertThat(KernelPreset.EMBOSS.weights(3, 3)).isDeepEqualTo(new float[][] {{-2, -1, 0}, {-1, 1, 1},
                {0, 1, 2}});
        float total = 0;
        for (float[] row : KernelPreset.SHARPEN.weights(4, 5)) {
            for (float w : row) {
                total += w;
            }
        }
        assertThat(total).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
    }
}
