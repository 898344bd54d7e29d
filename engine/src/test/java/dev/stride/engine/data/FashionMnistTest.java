package dev.stride.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.data.vision.ImageData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The full Fashion-MNIST from the shared data folder, when this checkout sits beside one. */
class FashionMnistTest {
    private static final Path SHARED = Path.of("..", "..", "shared", "data", "fashion-mnist");
    private static final Path SHARED_FROM_ROOT = Path.of("..", "shared", "data", "fashion-mnist");

    @Test
    void readsSixtyThousandTrainingAndTenThousandTestImagesWithTheirLabels() {
        Path folder = Files.isDirectory(SHARED) ? SHARED : SHARED_FROM_ROOT;
        Assumptions.assumeTrue(Files.isDirectory(folder), "Fashion-MNIST not found at ../shared/data/fashion-mnist"
                + " (beside the repository); the bundled subset is tested elsewhere");

        IdxDataset train = IdxDataset.load(folder, "train", null);
        IdxDataset test = IdxDataset.load(folder, "test", null);
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(train.uniformSize()).contains(new ImageSize(28, 28, 1));
        // Spot checks computed once from the raw bytes with an independent reader (Python's gzip).
        assertThat(new int[] {train.label(0), train.label(1), train.label(2), train.label(3), train.label(4),
            train.label(5), train.label(6), train.label(7), train.label(8), train.label(9)})
                .containsExactly(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
        assertThat(test.label(0)).isEqualTo(9);
        assertThat(test.label(1)).isEqualTo(2);
        assertThat(train.label(59_999)).isEqualTo(5);
        ImageData first = train.read(0);
        assertThat(first.value(13, 10, 0)).isEqualTo(193);
        assertThat(first.value(25, 10, 0)).isEqualTo(243);
        assertThat(sum(first)).isEqualTo(76_247);
        assertThat(sum(test.read(0))).isEqualTo(33_456);
        assertThat(test.read(0).value(14, 20, 0)).isEqualTo(195);
        assertThat(train.balance().counts()).containsOnly(6_000);
    }

    private static long sum(ImageData image) {
        long sum = 0;
        for (byte b : image.pixels()) {
            sum += b & 0xFF;
        }
        return sum;
    }
}
