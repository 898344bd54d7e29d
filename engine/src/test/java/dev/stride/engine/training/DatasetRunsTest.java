package dev.stride.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.engine.data.DatasetSpec;
import dev.stride.engine.data.DatasetType;
import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.data.vision.ImageCodec;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.project.ProjectFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRunsTest {
    /** Tests run in engine/; the samples sit at the repository root. */
    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path folder;

    @Test
    void theDefaultSampleCompilesAndItsHeldOutDigitsAreLookedAtChannelsLast() throws Exception {
        var project = ProjectFile.read(SAMPLES.resolve("lenet-digits.stride"));
        TrainingSettings settings = TrainingSettings.defaults().withValidationSplit(0.1).withBatchSize(64);
        try (PreparedRun run = DatasetRuns.prepare(project.network(), DatasetSpec.of(DatasetType.DIGITS, "digits"),
                SAMPLES, settings, AugmentationSettings.NONE, DatasetRuns.compiledDesign(), () -> false)) {
            checkDigits(run);
        }
    }

    private void checkDigits(PreparedRun run) throws Exception {

        assertThat(run.trainingExamples()).isEqualTo(3600);
        assertThat(run.evaluationExamples()).isEqualTo(400);
        assertThat(run.batchesPerEpoch()).isEqualTo(57);
        assertThat(run.geometry()).isEqualTo(new InputGeometry(20, 20, 1, 255.0));
        assertThat(run.labels()).hasSize(10);

        ModelInspector inspector = run.inspector();
        RunEvaluation untrained = inspector.evaluate();
        assertThat(untrained.total()).isEqualTo(400);
        for (int c = 0; c < 10; c++) {
            assertThat(untrained.support(c)).isEqualTo(40);
        }
        ImagePixels digit = inspector.example(0);
        assertThat(inspector.featureMaps(digit)).extracting(ModelInspector.FeatureMap::channels)
                .containsExactly(20, 50);
        assertThat(inspector.featureMaps(digit).get(0).height()).isEqualTo(20);
        assertThat(inspector.firstLayerKernels().filters()).isEqualTo(20);
        assertThat(inspector.firstLayerKernels().height()).isEqualTo(5);

        // A picture file goes through the dataset's own preprocessing to the same input as the held-out copy.
        byte[] pixels = new byte[400];
        for (int i = 0; i < 400; i++) {
            pixels[i] = (byte) Math.round(digit.values()[i] * 255);
        }
        Path png = folder.resolve("digit.png");
        Files.write(png, ImageCodec.encode(new ImageData(20, 20, 1, pixels), ".png"));
        ImagePixels loaded = inspector.preprocessor().orElseThrow().load(png);
        assertThat(loaded.values()).containsExactly(digit.values(), org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(inspector.predict(loaded)).containsExactly(inspector.predict(digit),
                org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void aTableIsRefusedWithAReason() {
        assertThatThrownBy(() -> DatasetRuns.prepare(null, DatasetSpec.of(DatasetType.CSV, "tabular/blobs.csv"),
                SAMPLES, TrainingSettings.defaults(), AugmentationSettings.NONE, DatasetRuns.builtInNetwork(),
                () -> false)).hasMessageContaining("is a table");
    }
}
