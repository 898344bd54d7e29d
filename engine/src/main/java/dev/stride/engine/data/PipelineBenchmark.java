package dev.stride.engine.data;

import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.data.vision.ImageCodec;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ImagePipeline;
import dev.stride.engine.data.vision.Preprocessing;
import dev.stride.engine.data.vision.Seeds;
import dev.stride.engine.data.vision.ShapeKind;
import dev.stride.engine.data.vision.ShapeRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Measures images per second through the whole training input path (read file, decode, resize, augment, NCHW
 * batch) with {@link PrefetchingImageIterator}, over image files it writes to a temporary folder and deletes.
 */
public final class PipelineBenchmark {

    /**
     * One measurement.
     *
     * @param label   what was measured
     * @param images  images delivered in the timed epochs
     * @param seconds time of the timed epochs
     * @param workers decoding threads
     */
    public record Result(String label, long images, double seconds, int workers) {
        public double imagesPerSecond() {
            return images / seconds;
        }
    }

    private PipelineBenchmark() {
    }

    /**
     * Writes {@code filesPerClass} images per class of the given size and format, then times epochs of decoding and
     * full augmentation to {@code input} for at least {@code minSeconds} after one warm-up epoch.
     */
    public static Result run(String label, int sourceSize, int sourceChannels, String format, int filesPerClass,
                             Preprocessing input, AugmentationSettings augmentation, int batchSize, int workers,
                             double minSeconds) throws IOException {
        Path folder = Files.createTempDirectory("stride-bench-data");
        try {
            writeImages(folder, sourceSize, sourceChannels, format, filesPerClass);
            ImageFolderDataset dataset = ImageFolderDataset.scan(folder);
            int[] all = IntStream.range(0, dataset.size()).toArray();
            ImagePipeline pipeline = new ImagePipeline(input, augmentation);
            try (PrefetchingImageIterator iterator = new PrefetchingImageIterator(dataset, all, pipeline, batchSize,
                    true, 1, workers, 2 * workers)) {
                drain(iterator); // warm-up: JIT, native libraries, page cache
                long images = 0;
                long start = System.nanoTime();
                double elapsed;
                do {
                    iterator.reset();
                    images += drain(iterator);
                    elapsed = (System.nanoTime() - start) / 1e9;
                } while (elapsed < minSeconds);
                return new Result(label, images, elapsed, workers);
            }
        } finally {
            deleteTree(folder);
        }
    }

    private static long drain(PrefetchingImageIterator iterator) {
        long images = 0;
        while (iterator.hasNext()) {
            images += iterator.next().numExamples();
        }
        return images;
    }

    private static void writeImages(Path folder, int size, int channels, String format, int perClass)
            throws IOException {
        List<ShapeKind> kinds = ShapesDataset.DEFAULT_SHAPES;
        ImagePipeline toChannels = new ImagePipeline(Preprocessing.of(size, size, channels),
                AugmentationSettings.NONE);
        for (int c = 0; c < kinds.size(); c++) {
            Path classFolder = Files.createDirectories(folder.resolve(kinds.get(c).label()));
            for (int i = 0; i < perClass; i++) {
                ImageData image = toChannels.process(ShapeRenderer.render(kinds.get(c), size, Seeds.mix(c, i)), 0);
                Files.write(classFolder.resolve(i + "." + format), ImageCodec.encode(image, format));
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
