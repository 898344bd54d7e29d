package dev.stride.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.data.vision.ImagePipeline;
import dev.stride.engine.data.vision.Preprocessing;
import dev.stride.engine.data.vision.ShapeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class PrefetchingImageIteratorTest {
    private final ShapesDataset shapes = new ShapesDataset(List.of(ShapeKind.CIRCLE, ShapeKind.SQUARE,
            ShapeKind.STAR), 10, 24, 3);
    private final int[] all = IntStream.range(0, 30).toArray();
    private final ImagePipeline augmented = new ImagePipeline(Preprocessing.of(16, 16, 3),
            AugmentationSettings.everything());

    private static List<DataSet> epoch(PrefetchingImageIterator iterator) {
        List<DataSet> batches = new ArrayList<>();
        while (iterator.hasNext()) {
            batches.add(iterator.next());
        }
        return batches;
    }

    @Test
    void batchesAreNchwWithOneHotLabels() {
        try (var iterator = new PrefetchingImageIterator(shapes, all, augmented, 8, true, 1, 2, 2)) {
            List<DataSet> batches = epoch(iterator);
            assertThat(batches).hasSize(4);
            assertThat(batches.get(0).getFeatures().shape()).containsExactly(8, 3, 16, 16);
            assertThat(batches.get(3).getFeatures().shape()).containsExactly(6, 3, 16, 16);
            assertThat(batches.get(0).getLabels().shape()).containsExactly(8, 3);
            assertThat(batches.get(0).getLabels().sumNumber().doubleValue()).isEqualTo(8.0);
            assertThat(batches.get(0).getFeatures().maxNumber().doubleValue()).isLessThanOrEqualTo(1.0);
            assertThat(batches.get(0).getFeatures().minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
            assertThat(iterator.inputColumns()).isEqualTo(3 * 16 * 16);
            assertThat(iterator.totalOutcomes()).isEqualTo(3);
            assertThat(iterator.getLabels()).containsExactly("circle", "square", "star");
        }
    }

    @Test
    void theSameSeedGivesTheSameEpochsWhateverTheThreadCount() {
        List<DataSet> first;
        List<DataSet> second;
        List<DataSet> secondEpoch;
        try (var iterator = new PrefetchingImageIterator(shapes, all, augmented, 8, true, 5, 1, 1)) {
            first = epoch(iterator);
            iterator.reset();
            secondEpoch = epoch(iterator);
            assertThat(iterator.epoch()).isEqualTo(1);
        }
        try (var iterator = new PrefetchingImageIterator(shapes, all, augmented, 8, true, 5, 2, 4)) {
            second = epoch(iterator);
        }
        for (int b = 0; b < first.size(); b++) {
            assertThat(second.get(b).getFeatures()).isEqualTo(first.get(b).getFeatures());
            assertThat(second.get(b).getLabels()).isEqualTo(first.get(b).getLabels());
        }
        assertThat(secondEpoch.get(0).getFeatures()).as("a new epoch reshuffles and re-augments")
                .isNotEqualTo(first.get(0).getFeatures());
    }

    @Test
    void withoutShuffleTheOrderIsTheDatasetOrder() {
        ImagePipeline plain = new ImagePipeline(Preprocessing.of(16, 16, 3), AugmentationSettings.NONE);
        try (var iterator = new PrefetchingImageIterator(shapes, new int[] {4, 0, 2}, plain, 3, false, 1, 2, 2)) {
            DataSet batch = iterator.next();
            // Labels of examples 4, 0, 2 in a 3-class round robin: 1, 0, 2.
            assertThat(batch.getLabels().argMax(1).toIntVector()).containsExactly(1, 0, 2);
            float[] expected = new float[3 * 16 * 16];
            plain.preprocessing().writePlanes(plain.process(shapes.read(4), 0), expected, 0);
            assertThat(batch.getFeatures().reshape(3, 3 * 16 * 16).getRow(0).toFloatVector()).containsExactly(expected);
        }
    }

    @Test
    void stopEndsTheEpochAndCloseStopsTheWorkers() throws Exception {
        // Other tests' iterators may still be winding down in this JVM: watch only this iterator's threads.
        var before = Thread.getAllStackTraces().keySet();
        var iterator = new PrefetchingImageIterator(shapes, all, augmented, 4, true, 1, 2, 2);
        assertThat(iterator.hasNext()).isTrue();
        iterator.next();
        iterator.stop();
        assertThat(iterator.hasNext()).isFalse();
        iterator.reset();
        assertThat(iterator.hasNext()).as("a reset starts a fresh epoch").isTrue();
        iterator.close();
        assertThat(iterator.hasNext()).isFalse();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (liveWorkers(before) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(liveWorkers(before)).as("worker threads still running after close()").isZero();
    }

    private static long liveWorkers(java.util.Set<Thread> existing) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !existing.contains(t) && t.getName().startsWith("stride-data-") && t.isAlive()).count();
    }
}
