package dev.stride.engine.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stride.engine.data.vision.PixelScaling;
import dev.stride.engine.data.vision.Preprocessing;
import dev.stride.engine.data.vision.ResizeMode;
import java.util.List;

/**
 * The "dataset" block of a project file: where the examples come from and how they are split. Jackson-bindable;
 * absent fields take the defaults below and are left out when written.
 *
 * <pre>{@code
 * {"type": "digits", "path": "digits"}
 * {"type": "idx", "path": "fashion-mnist-small", "classNames": ["T-shirt/top", …]}
 * {"type": "image-folder", "path": "../pets", "validationFraction": 0.2}
 * {"type": "csv", "path": "tabular/iris.csv", "labelColumn": "species"}
 * {"type": "shapes", "shapes": ["circle", "square", "triangle", "star"], "imagesPerClass": 500, "imageSize": 64}
 * }</pre>
 *
 * @param type               where the examples come from
 * @param path               file or folder, relative to the project file's folder (absolute also works); unused
 *                           for shapes; for digits defaults to the bundled samples/digits
 * @param classNames         idx/digits: names of labels 0, 1, … (default: classes.txt beside the files, else
 *                           the numbers)
 * @param labelColumn        csv: the label column's header (default: label/class/species/target/y, else the last)
 * @param shapes             shapes: the classes (default circle, square, triangle, star)
 * @param imagesPerClass     shapes: examples per class (default 500)
 * @param imageSize          shapes: side in pixels (default 64)
 * @param seed               shapes: generator seed (default 42)
 * @param validationFraction share of the training examples held out for validation (default 0.1)
 * @param testFraction       share held out for the final test; default 0 for idx/digits, whose separate test
 *                           files are the held-out set, else 0.1
 * @param splitSeed          seed of the stratified split (default 42)
 * @param resize             how images of another size reach the input size: stretch (default), pad, center-crop
 * @param scaling            how pixels become floats: unit ([0, 1], default), mean-std, none
 * @param mean               for mean-std: per-channel means on the [0, 1] scale (B, G, R for colour)
 * @param std                for mean-std: per-channel standard deviations
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetSpec(DatasetType type, String path, List<String> classNames, String labelColumn,
                          List<String> shapes, Integer imagesPerClass, Integer imageSize, Long seed,
                          Double validationFraction, Double testFraction, Long splitSeed, ResizeMode resize,
                          PixelScaling scaling, List<Double> mean, List<Double> std) {

    /** Where the bundled digits live, relative to the repository (and installation) root. */
    public static final String DEFAULT_DIGITS_PATH = "samples/digits";

    public DatasetSpec {
        if (type == null) {
            throw new IllegalArgumentException("a dataset needs a \"type\": idx, image-folder, csv, shapes or "
                    + "digits");
        }
        if ((type == DatasetType.IDX || type == DatasetType.IMAGE_FOLDER || type == DatasetType.CSV)
                && (path == null || path.isBlank())) {
            throw new IllegalArgumentException("a dataset of type " + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + " needs a \"path\" to its file or folder");
        }
        double validation = validationFraction == null ? 0 : validationFraction;
        double test = testFraction == null ? 0 : testFraction;
        if (validation < 0 || test < 0 || validation + test >= 1) {
            throw new IllegalArgumentException("validationFraction (" + validation + ") and testFraction (" + test
                    + ") must be 0 or more and add up to less than 1");
        }
        classNames = classNames == null ? null : List.copyOf(classNames);
        shapes = shapes == null ? null : List.copyOf(shapes);
        mean = mean == null ? null : List.copyOf(mean);
        std = std == null ? null : List.copyOf(std);
    }

    public static DatasetSpec of(DatasetType type, String path) {
        return new DatasetSpec(type, path, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    public static DatasetSpec shapes(List<String> shapes, int imagesPerClass, int imageSize, long seed) {
        return new DatasetSpec(DatasetType.SHAPES, null, null, null, shapes, imagesPerClass, imageSize, seed, null,
                null, null, null, null, null, null);
    }

    /** Whether the source has its own held-out test files (IDX "test" subset), so no test share is split off. */
    public boolean hasSeparateTestSet() {
        return type == DatasetType.IDX || type == DatasetType.DIGITS;
    }

    public double effectiveValidationFraction() {
        return validationFraction == null ? 0.1 : validationFraction;
    }

    public double effectiveTestFraction() {
        return testFraction != null ? testFraction : hasSeparateTestSet() ? 0.0 : 0.1;
    }

    /**
     * How images become the network's input of {@code width × height × channels} (the network's input layer decides
     * the size; this spec decides resizing and scaling).
     *
     * @throws IllegalArgumentException when mean-std lacks one mean and std per channel
     */
    public Preprocessing preprocessingFor(int width, int height, int channels) {
        return new Preprocessing(width, height, channels, resize, scaling, mean, std);
    }

    public long effectiveSplitSeed() {
        return splitSeed == null ? 42L : splitSeed;
    }
}
