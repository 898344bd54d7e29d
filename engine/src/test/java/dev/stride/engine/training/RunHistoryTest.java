package dev.stride.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    @TempDir
    Path folder;

    private static RunRecord run(String id, TrainingSettings settings, Network network) {
        List<String> architecture = ArchitectureFingerprint.describe(network);
        return new RunRecord(id, "2026-11-23T11:00:00Z", "finished", "digits", settings,
                ArchitectureFingerprint.of(architecture), architecture,
                List.of(new EpochMetrics(1, 0.9, 0.7, 0.8, Double.NaN, 0.001, 2.0, 100)),
                List.of(new double[] {1, 2.3}, new double[] {2, 1.9}), Map.of("accuracy", 0.75));
    }

    @Test
    void runsAreKeptBesideTheProjectAndReadBack() throws Exception {
        Path project = folder.resolve("lenet.stride");
        RunHistory history = RunHistory.beside(project);
        Network network = Network.sequential(Conv2DSpec.of(6, 5), FlattenSpec.of(), DenseSpec.of(10));
        history.save(run("b", TrainingSettings.defaults(), network));
        history.save(run("a", TrainingSettings.defaults().withEpochs(3), network));

        assertThat(history.folder()).isEqualTo(folder.resolve("lenet.stride.runs"));
        List<RunRecord> runs = history.list();
        assertThat(runs).extracting(RunRecord::id).containsExactly("a", "b");
        assertThat(runs.get(0).settings().epochs()).isEqualTo(3);
        assertThat(runs.get(0).history().get(0).valAccuracy()).isNaN();
        assertThat(runs.get(0).iterationLoss().get(1)).containsExactly(2, 1.9);
        assertThat(runs.get(0).headlineAccuracy()).isEqualTo(0.75);
        try (var files = Files.list(history.folder())) {
            assertThat(files).allMatch(file -> file.toString().endsWith(".json"));
        }
    }

    @Test
    void anUnreadableFileIsSkippedAndNamed() throws Exception {
        RunHistory history = new RunHistory(folder);
        history.save(run("good", TrainingSettings.defaults(), Network.sequential(DenseSpec.of(2))));
        Files.writeString(folder.resolve("broken.json"), "{not json");
        assertThat(history.list()).extracting(RunRecord::id).containsExactly("good");
        assertThat(history.unreadable()).containsExactly(folder.resolve("broken.json"));
    }

    @Test
    void differencesNameChangedSettingsAndLayers() {
        Network strideOne = Network.sequential(Conv2DSpec.of(6, 5), FlattenSpec.of(), DenseSpec.of(10));
        Network strideTwo = Network.sequential(Conv2DSpec.of(6, 5).withStrides(dev.stride.engine.model.Size2D.of(2, 2)),
                FlattenSpec.of(), DenseSpec.of(10));
        List<String> diff = RunHistory.differences(run("a", TrainingSettings.defaults(), strideOne),
                run("b", TrainingSettings.defaults().withBatchSize(64), strideTwo));
        assertThat(diff).contains("batch_size: 32 → 64");
        assertThat(diff).anyMatch(line -> line.startsWith("design − ") && line.contains("strides=1×1"));
        assertThat(diff).anyMatch(line -> line.startsWith("design + ") && line.contains("strides=2×2"));
        assertThat(RunHistory.differences(run("a", TrainingSettings.defaults(), strideOne),
                run("c", TrainingSettings.defaults(), strideOne))).isEmpty();
    }

    @Test
    void idsSortByStartTime() {
        String earlier = RunHistory.newId(Instant.parse("2026-11-23T11:00:00Z"));
        String later = RunHistory.newId(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(earlier).startsWith("2026-11-23T11-00-00Z-").doesNotContain(":");
        assertThat(earlier.compareTo(later)).isNegative();
    }
}
