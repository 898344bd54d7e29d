package dev.stride.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.data.vision.ImageCodec;
import dev.stride.engine.data.vision.ImageData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

/** The datasets under samples/ load as projects will load them, and the builder slices digits correctly. */
class BundledSamplesTest {
    /** Tests run in engine/; the samples sit at the repository root. */
    private static final Path SAMPLES = Path.of("..", "samples");

    @Test
    void digitsLoadByTypeWithTheirFixedHeldOutSplit() {
        DatasetSpec spec = DatasetSpec.of(DatasetType.DIGITS, null);
        ImageDataset train = (ImageDataset) DatasetLoader.load(spec, SAMPLES);
        ImageDataset test = DatasetLoader.loadTestSet(spec, SAMPLES);
        assertThat(train.size()).isEqualTo(4_000);
        assertThat(test.size()).isEqualTo(1_000);
        assertThat(train.balance().counts()).containsOnly(400);
        assertThat(test.balance().counts()).containsOnly(100);
        assertThat(train.uniformSize()).contains(new ImageSize(20, 20, 1));
        assertThat(train.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        // The same folder as an explicit IDX dataset, relative to the repository root.
        assertThat(DatasetLoader.load(DatasetSpec.of(DatasetType.IDX, "samples/digits"), Path.of("..")).size())
                .isEqualTo(4_000);
    }

    @Test
    void theFashionSubsetIsBalancedAndNamed() {
        Dataset train = DatasetLoader.load(DatasetSpec.of(DatasetType.IDX, "fashion-mnist-small"), SAMPLES);
        Dataset test = DatasetLoader.loadTestSet(DatasetSpec.of(DatasetType.IDX, "fashion-mnist-small"), SAMPLES);
        assertThat(train.size()).isEqualTo(2_000);
        assertThat(test.size()).isEqualTo(500);
        assertThat(train.balance().counts()).containsOnly(200);
        assertThat(train.classNames()).first().isEqualTo("T-shirt/top");
        assertThat(train.classNames()).last().isEqualTo("Ankle boot");
    }

    @Test
    void theTableAndThePhotosAreThere() throws Exception {
        TabularDataset table = (TabularDataset) DatasetLoader.load(DatasetSpec.of(DatasetType.CSV,
                "tabular/blobs.csv"), SAMPLES);
        assertThat(table.size()).isEqualTo(150);
        assertThat(table.featureNames()).hasSize(4);
        int[] rows = java.util.stream.IntStream.range(0, 150).toArray();
        DataSet all = TabularDataSets.toDataSet(table, rows, TabularDataSets.Standardisation.fit(table, rows));
        assertThat(all.getFeatures().mean(0).getDouble(0)).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(all.getLabels().sum(0).toIntVector()).containsExactly(50, 50, 50);
        for (String photo : SampleBuilder.PHOTOS) {
            ImageData image = ImageCodec.decode(Files.readAllBytes(SAMPLES.resolve("photos").resolve(photo)));
            assertThat(image.channels()).isEqualTo(3);
        }
        for (String folder : List.of("digits", "fashion-mnist-small", "photos", "tabular")) {
            assertThat(SAMPLES.resolve(folder).resolve("README.md")).isRegularFile();
            assertThat(Files.exists(SAMPLES.resolve(folder).resolve("COPYRIGHT"))
                    || Files.exists(SAMPLES.resolve(folder).resolve("LICENSE"))).as(folder + " license").isTrue();
        }
    }

    @Test
    void theBuilderSlicesASheetIntoAStratifiedFixedSplit(@TempDir Path folder) throws Exception {
        // A synthetic sheet: digit k's rows have the pixel value 10 + k, and each cell marks its column in pixel 0.
        int width = 2000;
        int height = 1000;
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int digit = y / 100;
                boolean marker = x % 20 == 0 && y % 20 == 0;
                pixels[y * width + x] = (byte) (marker ? x / 20 : 10 + digit);
            }
        }
        Path sheet = folder.resolve("digits.png");
        Files.write(sheet, ImageCodec.encode(new ImageData(width, height, 1, pixels), "png"));
        int[] counts = SampleBuilder.buildDigits(sheet, folder.resolve("out"));
        assertThat(counts).containsExactly(4_000, 1_000);
        IdxDataset train = IdxDataset.load(folder.resolve("out"), "train", null);
        IdxDataset test = IdxDataset.load(folder.resolve("out"), "test", null);
        assertThat(train.balance().counts()).containsOnly(400);
        assertThat(test.balance().counts()).containsOnly(100);
        for (int i = 0; i < train.size(); i += 97) {
            ImageData digit = train.read(i);
            assertThat(digit.width()).isEqualTo(20);
            assertThat(digit.value(5, 5, 0)).as("cell content matches its label").isEqualTo(10 + train.label(i));
        }
        byte[] before = Files.readAllBytes(folder.resolve("out").resolve("t10k-images-idx3-ubyte.gz"));
        SampleBuilder.buildDigits(sheet, folder.resolve("out"));
        assertThat(Files.readAllBytes(folder.resolve("out").resolve("t10k-images-idx3-ubyte.gz")))
                .as("rebuilding gives the same bytes").isEqualTo(before);
    }
}
