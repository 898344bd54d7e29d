package dev.stride.engine.data;

import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ImageDecodeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * What `stride data inspect` reports: classes and counts, the image sizes and channel counts found by decoding every
 * image (or the one size IDX and generated sets guarantee), and every skipped file with its reason.
 *
 * @param description    where the dataset came from
 * @param balance        usable examples per class
 * @param imageSizes     "W×H×C" → number of images of that size, most common first; empty for tables
 * @param featureCount   columns per row for tables, else 0
 * @param skipped        everything left out, with reasons
 * @param problem        why the dataset cannot be used, or null when it can
 */
public record DatasetInspection(String description, ClassBalance balance, Map<String, Integer> imageSizes,
                                int featureCount, List<SkippedFile> skipped, String problem) {

    public boolean usable() {
        return problem == null;
    }

    /** Inspects {@code dataset}, decoding every image of a folder dataset on all cores. */
    public static DatasetInspection of(Dataset dataset) {
        if (dataset instanceof TabularDataset table) {
            return new DatasetInspection(table.description(), table.balance(), Map.of(),
                    table.featureNames().size(), table.skipped(), null);
        }
        return inspectImages((ImageDataset) dataset);
    }

    private static DatasetInspection inspectImages(ImageDataset dataset) {
        if (dataset.uniformSize().isPresent()) {
            return new DatasetInspection(dataset.description(), dataset.balance(),
                    Map.of(dataset.uniformSize().get().toString(), dataset.size()), 0, dataset.skipped(), null);
        }
        int n = dataset.size();
        String[] sizes = new String[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            try {
                ImageData image = dataset.read(i);
                sizes[i] = new ImageSize(image.width(), image.height(), image.channels()).toString();
            } catch (ImageDecodeException e) {
                sizes[i] = null; // listed by the dataset among its skipped files
            }
        });
        Map<String, Integer> counts = new TreeMap<>();
        AtomicIntegerArray usablePerClass = new AtomicIntegerArray(dataset.classNames().size());
        for (int i = 0; i < n; i++) {
            if (sizes[i] != null) {
                counts.merge(sizes[i], 1, Integer::sum);
                usablePerClass.incrementAndGet(dataset.label(i));
            }
        }
        List<Integer> usable = new ArrayList<>();
        String problem = null;
        for (int c = 0; c < usablePerClass.length(); c++) {
            usable.add(usablePerClass.get(c));
            if (usablePerClass.get(c) == 0 && problem == null) {
                String where = dataset instanceof ImageFolderDataset folder
                        ? folder.root().resolve(dataset.classNames().get(c)).toString()
                        : "'" + dataset.classNames().get(c) + "'";
                problem = "class folder " + where + " has no usable image: every file failed to decode";
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new DatasetInspection(dataset.description(), new ClassBalance(dataset.classNames(), usable), sorted,
                0, dataset.skipped(), problem);
    }
}
