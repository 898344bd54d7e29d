package dev.stride.engine.data;

import dev.stride.engine.data.vision.ImageCodec;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ImageDecodeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A folder with one subfolder of images per class (the layout of CALTECH-101 subsets and cats-vs-dogs).
 *
 * <p>Scanning opens every file read-only and looks at its first and last bytes, so empty, text, foreign-format and
 * truncated files are skipped with a reason before training; a file that still fails to decode later is skipped
 * then and added to {@link #skipped()}. Nothing on disk is ever moved, changed or deleted.
 */
public final class ImageFolderDataset implements ImageDataset {
    /** Extensions Stride reads (lower case); the content decides the real format. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");

    private static final int HEAD_BYTES = 512;
    private static final int TAIL_BYTES = 4096;

    private final Path root;
    private final List<String> classNames;
    private final List<Path> files;
    private final int[] labels;
    private final List<SkippedFile> scanSkipped;
    private final Map<Integer, SkippedFile> decodeFailures = new ConcurrentSkipListMap<>();

    private ImageFolderDataset(Path root, List<String> classNames, List<Path> files, int[] labels,
                               List<SkippedFile> scanSkipped) {
        this.root = root;
        this.classNames = List.copyOf(classNames);
        this.files = List.copyOf(files);
        this.labels = labels;
        this.scanSkipped = List.copyOf(scanSkipped);
    }

    /**
     * Scans {@code root}.
     *
     * @throws DatasetException when the folder is missing, has fewer than two classes, or a class has no usable
     *                          image; the message names the folder
     */
    public static ImageFolderDataset scan(Path root) {
        return scan(root, () -> false);
    }

    /**
     * Scans {@code root}, checking {@code cancelled} between files so the app can abandon a long scan.
     *
     * @throws java.util.concurrent.CancellationException once {@code cancelled} turns true
     * @throws DatasetException                         as {@link #scan(Path)}
     */
    public static ImageFolderDataset scan(Path root, BooleanSupplier cancelled) {
        Path folder = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new DatasetException("dataset folder " + folder + " does not exist or is not a folder");
        }
        List<SkippedFile> skipped = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path entry : sortedChildren(folder)) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".") || name.equals("__MACOSX")) {
                skipped.add(new SkippedFile(entry, "hidden or system entry, ignored"));
            } else if (!Files.isDirectory(entry)) {
                skipped.add(new SkippedFile(entry, "not inside a class folder: put each image in the subfolder "
                        + "named after its class"));
            } else {
                ClassScan scan = scanClass(entry, cancelled);
                skipped.addAll(scan.skipped());
                if (scan.images().isEmpty() && !scan.hadImageNames()) {
                    skipped.add(new SkippedFile(entry, "folder without image files (jpg, png, bmp, gif): not a "
                            + "class"));
                    continue;
                }
                if (scan.images().isEmpty()) {
                    throw new DatasetException("class folder " + entry + " has no usable image: "
                            + scan.skipped().size() + " file(s) skipped, e.g. "
                            + scan.skipped().get(0).path().getFileName() + ": " + scan.skipped().get(0).reason());
                }
                int label = classNames.size();
                classNames.add(name);
                for (Path image : scan.images()) {
                    files.add(image);
                    labels.add(label);
                }
            }
        }
        if (classNames.isEmpty()) {
            throw new DatasetException("no class folders with images in " + folder + ": make one subfolder per "
                    + "class (e.g. cats/, dogs/) and put its images inside");
        }
        if (classNames.size() == 1) {
            throw new DatasetException("only one class ('" + classNames.get(0) + "') in " + folder
                    + ": a classifier needs at least two class folders");
        }
        return new ImageFolderDataset(folder, classNames, files, labels.stream().mapToInt(Integer::intValue)
                .toArray(), skipped);
    }

    private record ClassScan(List<Path> images, List<SkippedFile> skipped, boolean hadImageNames) {
    }

    private static ClassScan scanClass(Path classFolder, BooleanSupplier cancelled) {
        List<Path> images = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        boolean hadImageNames = false;
        String className = classFolder.getFileName().toString();
        for (Path file : sortedChildren(classFolder)) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("scan of " + classFolder.getParent() + " cancelled");
            }
            String name = file.getFileName().toString();
            if (name.startsWith(".")) {
                skipped.add(new SkippedFile(file, "hidden file, ignored"));
            } else if (Files.isDirectory(file)) {
                skipped.add(new SkippedFile(file, "folder inside the class folder '" + className
                        + "' is ignored: classes are the top-level folders only"));
            } else if (!IMAGE_EXTENSIONS.contains(extension(name))) {
                skipped.add(new SkippedFile(file, "not an image file name (expected .jpg, .jpeg, .png, .bmp or "
                        + ".gif)"));
            } else {
                hadImageNames = true;
                String problem = quickCheck(file);
                if (problem == null) {
                    images.add(file);
                } else {
                    skipped.add(new SkippedFile(file, problem));
                }
            }
        }
        return new ClassScan(images, skipped, hadImageNames);
    }

    /** Reads the first and last bytes only: scanning 25,000 photos must not decode them all. */
    private static String quickCheck(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return "empty file (0 bytes)";
            }
            byte[] head = readAt(channel, 0, (int) Math.min(HEAD_BYTES, size));
            int tailLength = (int) Math.min(TAIL_BYTES, size);
            byte[] tail = readAt(channel, size - tailLength, tailLength);
            return ImageCodec.quickCheck(head, tail, size);
        } catch (IOException | SecurityException e) {
            return "cannot be read: " + describe(e);
        }
    }

    private static byte[] readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                break;
            }
        }
        return buffer.position() == length ? buffer.array() : java.util.Arrays.copyOf(buffer.array(),
                buffer.position());
    }

    private static List<Path> sortedChildren(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list folder " + folder + ": " + describe(e), e);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String describe(Exception e) {
        String kind = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException ? "missing, or a broken link"
                : e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }

    public Path root() {
        return root;
    }

    @Override
    public String description() {
        return "image folder " + root;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public String name(int index) {
        return root.relativize(files.get(index)).toString();
    }

    @Override
    public Optional<Path> file(int index) {
        return Optional.of(files.get(index));
    }

    @Override
    public ImageData read(int index) throws ImageDecodeException {
        Path file = files.get(index);
        try {
            return ImageCodec.decode(Files.readAllBytes(file));
        } catch (ImageDecodeException e) {
            decodeFailures.put(index, new SkippedFile(file, e.reason()));
            throw e;
        } catch (IOException | SecurityException e) {
            String reason = "cannot be read: " + describe(e);
            decodeFailures.put(index, new SkippedFile(file, reason));
            throw new ImageDecodeException(reason);
        }
    }

    /** Records that example {@code index} decoded but could not be used, so it is listed and left out. */
    void markUnusable(int index, String reason) {
        decodeFailures.put(index, new SkippedFile(files.get(index), reason));
    }

    /** Whether example {@code index} already failed to decode (the iterator then leaves it out at once). */
    public boolean isKnownUnusable(int index) {
        return decodeFailures.containsKey(index);
    }

    @Override
    public List<SkippedFile> skipped() {
        List<SkippedFile> all = new ArrayList<>(scanSkipped);
        all.addAll(decodeFailures.values());
        return Collections.unmodifiableList(all);
    }
}
