package dev.stride.engine.data;

import dev.stride.engine.export.AtomicFiles;
import dev.stride.engine.data.vision.ImageCodec;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ImageDecodeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Rebuilds the datasets bundled under {@code samples/} from the original sources, byte for byte the same every
 * time (`stride data make-samples`): the digits sliced from OpenCV's digits.png with a fixed held-out split, a
 * class-balanced Fashion-MNIST subset, a few photos, and a synthetic table.
 */
public final class SampleBuilder {
    /** Fixed seeds: changing one changes the bundled files, so never do it without regenerating them. */
    public static final long DIGITS_SPLIT_SEED = 20_261_123L;
    public static final long FASHION_SUBSET_SEED = 20_261_124L;
    public static final long BLOBS_SEED = 20_261_125L;

    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    public static final List<String> PHOTOS = List.of("butterfly.jpg", "fruits.jpg", "baboon.jpg", "HappyFish.jpg");

    private static final int DIGIT_SIZE = 20;
    private static final int DIGITS_PER_ROW = 100;
    private static final int ROWS_PER_DIGIT = 5;

    private SampleBuilder() {
    }

    /**
     * Slices digits.png (2000×1000, 5,000 digits of 20×20, rows 5k…5k+4 holding digit k) into IDX files: 400 train
     * and 100 test digits per class, chosen per class by a fixed seed.
     *
     * @return the number of train and test digits written
     */
    public static int[] buildDigits(Path digitsPng, Path outFolder) throws IOException {
        ImageData sheet;
        try {
            sheet = ImageCodec.decode(Files.readAllBytes(digitsPng));
        } catch (ImageDecodeException e) {
            throw new IOException(digitsPng + ": " + e.reason(), e);
        }
        if (sheet.width() != DIGITS_PER_ROW * DIGIT_SIZE || sheet.height() % (DIGIT_SIZE * ROWS_PER_DIGIT) != 0) {
            throw new IOException(digitsPng + " is " + sheet + "; expected OpenCV's 2000×1000 digits sheet");
        }
        int rows = sheet.height() / DIGIT_SIZE;
        int count = rows * DIGITS_PER_ROW;
        byte[][] digits = new byte[count][];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int row = i / DIGITS_PER_ROW;
            int column = i % DIGITS_PER_ROW;
            labels[i] = row / ROWS_PER_DIGIT;
            byte[] digit = new byte[DIGIT_SIZE * DIGIT_SIZE];
            for (int y = 0; y < DIGIT_SIZE; y++) {
                for (int x = 0; x < DIGIT_SIZE; x++) {
                    // A colour PNG would decode to BGR; channel 0 is as good as gray for this black-and-white sheet.
                    digit[y * DIGIT_SIZE + x] = (byte) sheet.value(column * DIGIT_SIZE + x, row * DIGIT_SIZE + y, 0);
                }
            }
            digits[i] = digit;
        }
        int classes = rows / ROWS_PER_DIGIT;
        DatasetSplit split = DatasetSplit.stratified(labels, classes, 0, 0.2, DIGITS_SPLIT_SEED);
        writeIdx(outFolder, "train", split.train(), digits, labels, DIGIT_SIZE);
        writeIdx(outFolder, "t10k", split.test(), digits, labels, DIGIT_SIZE);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        writeLines(outFolder.resolve("classes.txt"), names);
        return new int[] {split.train().length, split.test().length};
    }

    /**
     * A class-balanced subset of Fashion-MNIST: {@code trainPerClass} from the training files and
     * {@code testPerClass} from the test files, in their original order.
     */
    public static int[] buildFashionSubset(Path fashionFolder, Path outFolder, int trainPerClass, int testPerClass)
            throws IOException {
        IdxDataset train = IdxDataset.load(fashionFolder, "train", FASHION_CLASSES);
        IdxDataset test = IdxDataset.load(fashionFolder, "test", FASHION_CLASSES);
        int[] trainPicked = balancedSubset(train, trainPerClass, FASHION_SUBSET_SEED);
        int[] testPicked = balancedSubset(test, testPerClass, FASHION_SUBSET_SEED + 1);
        writeIdx(outFolder, "train", trainPicked, pixelsOf(train), train.labels(), 28);
        writeIdx(outFolder, "t10k", testPicked, pixelsOf(test), test.labels(), 28);
        writeLines(outFolder.resolve("classes.txt"), FASHION_CLASSES);
        return new int[] {trainPicked.length, testPicked.length};
    }

    /** Copies the sample photos byte for byte. */
    public static void copyPhotos(Path openCvSamples, Path outFolder) throws IOException {
        for (String photo : PHOTOS) {
            AtomicFiles.write(outFolder.resolve(photo), Files.readAllBytes(openCvSamples.resolve(photo)));
        }
    }

    /**
     * A synthetic table for dense-network exercises: three classes of 50 rows, four features drawn from Gaussian
     * blobs around fixed centres (not real measurements).
     */
    public static void buildBlobs(Path csv) throws IOException {
        double[][] centres = {{5.0, 3.4, 1.5, 0.2}, {5.9, 2.8, 4.3, 1.3}, {6.6, 3.0, 5.6, 2.0}};
        double[][] spreads = {{0.35, 0.38, 0.17, 0.10}, {0.52, 0.31, 0.47, 0.20}, {0.64, 0.32, 0.55, 0.27}};
        String[] names = {"blob_a", "blob_b", "blob_c"};
        SplittableRandom random = new SplittableRandom(BLOBS_SEED);
        List<String> lines = new ArrayList<>();
        lines.add("feature_1,feature_2,feature_3,feature_4,label");
        for (int c = 0; c < 3; c++) {
            for (int row = 0; row < 50; row++) {
                StringBuilder line = new StringBuilder();
                for (int f = 0; f < 4; f++) {
                    double value = Math.max(0.1, centres[c][f] + spreads[c][f] * random.nextGaussian());
                    line.append(String.format(Locale.ROOT, "%.1f", value)).append(',');
                }
                lines.add(line.append(names[c]).toString());
            }
        }
        writeLines(csv, lines);
    }

    private static int[] balancedSubset(IdxDataset dataset, int perClass, long seed) {
        int classes = dataset.classNames().size();
        double fraction = (double) perClass * classes / dataset.size();
        int[] labels = dataset.labels();
        // The "test" part of a stratified split is a seeded, per-class share: exactly what a subset needs.
        int[] picked = DatasetSplit.stratified(labels, classes, 0, Math.min(0.999, fraction), seed).test();
        int[] perClassCount = new int[classes];
        return java.util.Arrays.stream(picked).filter(i -> perClassCount[labels[i]]++ < perClass).toArray();
    }

    private static byte[][] pixelsOf(IdxDataset dataset) {
        byte[][] pixels = new byte[dataset.size()][];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = dataset.read(i).pixels();
        }
        return pixels;
    }

    private static void writeIdx(Path folder, String prefix, int[] picked, byte[][] images, int[] labels, int side)
            throws IOException {
        int length = side * side;
        byte[] pixelData = new byte[picked.length * length];
        byte[] labelData = new byte[picked.length];
        for (int i = 0; i < picked.length; i++) {
            System.arraycopy(images[picked[i]], 0, pixelData, i * length, length);
            labelData[i] = (byte) labels[picked[i]];
        }
        new IdxFile(new int[] {picked.length, side, side}, pixelData)
                .write(folder.resolve(prefix + "-images-idx3-ubyte.gz"), true);
        new IdxFile(new int[] {picked.length}, labelData).write(folder.resolve(prefix + "-labels-idx1-ubyte.gz"),
                true);
    }

    private static void writeLines(Path file, List<String> lines) throws IOException {
        AtomicFiles.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
