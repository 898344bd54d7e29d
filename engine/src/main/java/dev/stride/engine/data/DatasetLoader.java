package dev.stride.engine.data;

import dev.stride.engine.data.vision.ShapeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Opens the dataset a {@link DatasetSpec} describes, and guesses the spec for a bare path (`stride data inspect`). */
public final class DatasetLoader {
    private DatasetLoader() {
    }

    /**
     * Loads the training part of the dataset (for idx/digits, the "train" files).
     *
     * @param baseFolder the project file's folder, against which relative paths resolve
     * @throws DatasetException naming the file or folder when the dataset cannot be used
     */
    public static Dataset load(DatasetSpec spec, Path baseFolder) {
        return load(spec, baseFolder, "train", () -> false);
    }

    /**
     * As {@link #load(DatasetSpec, Path)}, abandoning a long folder scan once {@code cancelled} turns true.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static Dataset load(DatasetSpec spec, Path baseFolder, BooleanSupplier cancelled) {
        return load(spec, baseFolder, "train", cancelled);
    }

    /** The separate held-out test files of an idx/digits dataset. */
    public static ImageDataset loadTestSet(DatasetSpec spec, Path baseFolder) {
        if (!spec.hasSeparateTestSet()) {
            throw new DatasetException("a " + spec.type() + " dataset has no separate test files; split one off "
                    + "with testFraction");
        }
        return (ImageDataset) load(spec, baseFolder, "test", () -> false);
    }

    private static Dataset load(DatasetSpec spec, Path baseFolder, String subset, BooleanSupplier cancelled) {
        return switch (spec.type()) {
            case IMAGE_FOLDER -> ImageFolderDataset.scan(resolve(baseFolder, spec.path()), cancelled);
            case IDX -> IdxDataset.load(resolve(baseFolder, spec.path()), subset, spec.classNames());
            case DIGITS -> IdxDataset.load(spec.path() == null ? bundledDigits(baseFolder)
                    : resolve(baseFolder, spec.path()), subset, spec.classNames());
            case CSV -> TabularDataset.load(resolve(baseFolder, spec.path()), spec.labelColumn());
            case SHAPES -> {
                List<ShapeKind> kinds;
                try {
                    kinds = spec.shapes() == null ? ShapesDataset.DEFAULT_SHAPES
                            : spec.shapes().stream().map(ShapeKind::fromLabel).toList();
                } catch (IllegalArgumentException e) {
                    throw new DatasetException(e.getMessage(), e);
                }
                yield new ShapesDataset(kinds, spec.imagesPerClass() == null ? 500 : spec.imagesPerClass(),
                        spec.imageSize() == null ? 64 : spec.imageSize(), spec.seed() == null ? 42L : spec.seed());
            }
        };
    }

    /** The bundled digits for a project in samples/ ("digits"), at the repository root or in a subfolder. */
    private static Path bundledDigits(Path baseFolder) {
        Path base = baseFolder == null ? Path.of("") : baseFolder;
        for (String candidate : List.of("digits", DatasetSpec.DEFAULT_DIGITS_PATH, "../" + DatasetSpec.DEFAULT_DIGITS_PATH)) {
            Path folder = base.resolve(candidate).normalize();
            if (Files.isDirectory(folder)) {
                return folder;
            }
        }
        throw new DatasetException("the bundled digits are not in " + base.toAbsolutePath().normalize()
                + "/digits or /samples/digits: give the dataset a \"path\", or rebuild them with "
                + "`stride data make-samples`");
    }

    private static Path resolve(Path baseFolder, String path) {
        Path given = Path.of(path);
        return (given.isAbsolute() || baseFolder == null ? given : baseFolder.resolve(given)).normalize();
    }

    /**
     * The spec for a bare path: a CSV file, an IDX file or a folder holding IDX files, else an image folder.
     *
     * @throws DatasetException when the path does not exist
     */
    public static DatasetSpec detect(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new DatasetException(absolute + " does not exist");
        }
        String name = absolute.getFileName() == null ? "" : absolute.getFileName().toString()
                .toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(absolute)) {
            if (name.endsWith(".csv")) {
                return DatasetSpec.of(DatasetType.CSV, absolute.toString());
            }
            if (name.contains("-idx")) {
                return DatasetSpec.of(DatasetType.IDX, absolute.toString());
            }
            throw new DatasetException(absolute + " is neither a CSV table, an IDX file, a .stride project nor a "
                    + "folder of class folders");
        }
        try (Stream<Path> children = Files.list(absolute)) {
            boolean idx = children.anyMatch(p -> p.getFileName().toString().contains("images-idx3-ubyte"));
            return DatasetSpec.of(idx ? DatasetType.IDX : DatasetType.IMAGE_FOLDER, absolute.toString());
        } catch (java.io.IOException e) {
            throw new DatasetException("cannot list " + absolute + ": " + e.getMessage(), e);
        }
    }
}
