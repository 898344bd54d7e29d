package dev.stride.engine.data;

import dev.stride.engine.data.vision.ImageData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Images and labels from a pair of IDX files (MNIST, Fashion-MNIST, the bundled digits), held in memory as bytes:
 * 60,000 28×28 images are 47 MB.
 */
public final class IdxDataset implements ImageDataset {
    private final String description;
    private final List<String> classNames;
    private final int width;
    private final int height;
    private final byte[] pixels;
    private final byte[] labels;
    private final String subset;

    private IdxDataset(String description, List<String> classNames, int width, int height, byte[] pixels,
                       byte[] labels, String subset) {
        this.description = description;
        this.classNames = List.copyOf(classNames);
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.labels = labels;
        this.subset = subset;
    }

    /**
     * Loads the {@code subset} ("train" or "test") of {@code path}: a folder holding {@code train-images-idx3-ubyte}
     * (or {@code .gz}), {@code train-labels-idx1-ubyte}, and for "test" {@code t10k-…} or {@code test-…}; or the
     * images file itself, its labels file beside it.
     *
     * @param classNames names for labels 0, 1, …; null to read {@code classes.txt} beside the files (one per line),
     *                   else the digits themselves
     */
    public static IdxDataset load(Path path, String subset, List<String> classNames) {
        String which = subset == null ? "train" : subset.toLowerCase(Locale.ROOT);
        if (!which.equals("train") && !which.equals("test")) {
            throw new DatasetException("IDX subset must be 'train' or 'test', got '" + subset + "'");
        }
        Path imagesFile;
        Path labelsFile;
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            List<String> prefixes = which.equals("train") ? List.of("train") : List.of("t10k", "test");
            imagesFile = find(absolute, prefixes, "images-idx3-ubyte");
            labelsFile = find(absolute, prefixes, "labels-idx1-ubyte");
        } else if (Files.isRegularFile(absolute)) {
            imagesFile = absolute;
            labelsFile = absolute.resolveSibling(absolute.getFileName().toString()
                    .replace("images-idx3", "labels-idx1"));
            if (labelsFile.equals(imagesFile) || !Files.isRegularFile(labelsFile)) {
                throw new DatasetException("no labels file beside " + imagesFile + ": expected "
                        + labelsFile.getFileName());
            }
        } else {
            throw new DatasetException("IDX dataset " + absolute + " does not exist");
        }
        IdxFile images;
        IdxFile labels;
        try {
            images = IdxFile.read(imagesFile);
            labels = IdxFile.read(labelsFile);
        } catch (IOException e) {
            throw new DatasetException("cannot read IDX dataset: " + e.getMessage(), e);
        }
        int[] imageDims = images.dimensions();
        if (imageDims.length != 3) {
            throw new DatasetException(imagesFile + " holds " + imageDims.length
                    + "-dimensional data; an images file has 3 (count, rows, columns)");
        }
        if (labels.dimensions().length != 1 || labels.count() != images.count()) {
            throw new DatasetException(labelsFile + " has " + labels.count() + " labels for " + images.count()
                    + " images in " + imagesFile.getFileName());
        }
        if (images.count() == 0) {
            throw new DatasetException(imagesFile + " holds no images");
        }
        int largest = 0;
        for (byte label : labels.data()) {
            largest = Math.max(largest, label & 0xFF);
        }
        int maxLabel = largest;
        List<String> names = classNames != null && !classNames.isEmpty() ? classNames
                : readClassNames(imagesFile.getParent()).orElseGet(() -> numbered(maxLabel + 1));
        if (names.size() <= maxLabel) {
            throw new DatasetException(labelsFile + " uses label " + maxLabel + " but only " + names.size()
                    + " class names are given");
        }
        if (names.size() < 2) {
            throw new DatasetException("only one class in " + labelsFile + ": a classifier needs at least two");
        }
        return new IdxDataset("IDX " + imagesFile, names, imageDims[2], imageDims[1], images.data(),
                labels.data(), which);
    }

    private static Path find(Path folder, List<String> prefixes, String kind) {
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> all = children.sorted().toList();
            for (String prefix : prefixes) {
                for (Path candidate : all) {
                    String name = candidate.getFileName().toString();
                    if (name.startsWith(prefix) && name.contains(kind)) {
                        return candidate;
                    }
                }
            }
        } catch (IOException e) {
            throw new DatasetException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        throw new DatasetException("no " + prefixes.get(0) + "-" + kind + " file (optionally .gz) in " + folder);
    }

    private static Optional<List<String>> readClassNames(Path folder) {
        Path file = folder.resolve("classes.txt");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.trim());
                }
            }
            return Optional.of(names);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> numbered(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /** "train" or "test". */
    public String subset() {
        return subset;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int index) {
        return labels[index] & 0xFF;
    }

    @Override
    public String name(int index) {
        return subset + " #" + index;
    }

    @Override
    public Optional<ImageSize> uniformSize() {
        return Optional.of(new ImageSize(width, height, 1));
    }

    @Override
    public ImageData read(int index) {
        int length = width * height;
        byte[] image = new byte[length];
        System.arraycopy(pixels, index * length, image, 0, length);
        return new ImageData(width, height, 1, image);
    }

    @Override
    public List<SkippedFile> skipped() {
        return List.of();
    }
}
