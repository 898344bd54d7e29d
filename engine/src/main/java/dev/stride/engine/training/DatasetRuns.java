package dev.stride.engine.training;

import dev.stride.engine.data.Dataset;
import dev.stride.engine.data.DatasetException;
import dev.stride.engine.data.DatasetLoader;
import dev.stride.engine.data.DatasetSpec;
import dev.stride.engine.data.DatasetSplit;
import dev.stride.engine.data.ImageDataset;
import dev.stride.engine.data.ImageSize;
import dev.stride.engine.data.PrefetchingImageIterator;
import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.data.vision.ImageCodec;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ImagePipeline;
import dev.stride.engine.data.vision.Preprocessing;
import dev.stride.engine.dl4j.Dl4jCompilation;
import dev.stride.engine.dl4j.Dl4jCompiler;
import dev.stride.engine.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prepares a run on a project's image dataset: loads it through engine.data, splits it by class, streams training
 * batches through the prefetching pipeline (with augmentation), and keeps the validation images in memory for the
 * evaluation views.
 */
public final class DatasetRuns {
    /** At most this many held-out images are kept in memory for the confusion matrix and the galleries. */
    public static final int MAX_EVALUATION_IMAGES = 2000;
    /** Folder datasets have no single image size; without one from the design, inputs are this size. */
    public static final ImageSize DEFAULT_FOLDER_INPUT = new ImageSize(64, 64, 3);

    private DatasetRuns() {
    }

    /** Builds the DL4J network for a design, given the dataset's own image size (if any) and its classes. */
    @FunctionalInterface
    public interface NetworkFactory {
        BuiltNetwork build(Network design, ImageSize datasetSize, int classes, TrainingSettings settings);
    }

    /**
     * The design itself, compiled by engine.dl4j in NCHW whatever its data_format, as {@code stride train} does:
     * DL4J's oneDNN convolution helper is wrong for channels-last layers (see NativeLayerHelpers), so only NCHW
     * gets the accelerated, correct path. Its input layer decides the image size.
     */
    public static NetworkFactory compiledDesign() {
        return (design, datasetSize, classes, settings) -> {
            if (design == null) {
                throw new IllegalArgumentException("there is no design to train: open a project or add layers");
            }
            Dl4jCompilation compilation = Dl4jCompiler.compile(design, settings, CNN2DFormat.NCHW);
            ComputationGraph graph = compilation.newNetwork();
            if (!(compilation.inputType() instanceof InputType.InputTypeConvolutional image)) {
                throw new IllegalArgumentException("the design's input is not an image (" + compilation.inputType()
                        + "): the Training tab trains image classifiers");
            }
            InputGeometry input = new InputGeometry((int) image.getHeight(), (int) image.getWidth(),
                    (int) image.getChannels(), 255.0);
            return new BuiltNetwork(graph, input, compilation.layout() == CNN2DFormat.NHWC);
        };
    }

    /** The engine's small CNN sized to the dataset (64×64×3 for folders): trains any images without a design. */
    public static NetworkFactory builtInNetwork() {
        return (design, datasetSize, classes, settings) -> {
            ImageSize size = datasetSize != null ? datasetSize : DEFAULT_FOLDER_INPUT;
            InputGeometry input = new InputGeometry(size.height(), size.width(), size.channels(), 255.0);
            return new BuiltNetwork(DemoShapes.networkFor(input, classes, settings), input, false);
        };
    }

    /** DL4J's training-memory estimate for a design at a batch size, or empty when it cannot say. */
    public static java.util.OptionalLong estimateBytes(Network design, TrainingSettings settings, int batchSize) {
        try {
            Dl4jCompilation compilation = Dl4jCompiler.compile(design, settings);
            if (compilation.configuration() == null || compilation.inputType() == null) {
                return java.util.OptionalLong.empty();
            }
            return java.util.OptionalLong.of(compilation.configuration().getMemoryReport(compilation.inputType())
                    .getTotalMemoryBytes(batchSize, org.deeplearning4j.nn.conf.memory.MemoryUseMode.TRAINING,
                            org.deeplearning4j.nn.conf.CacheMode.NONE,
                            org.nd4j.linalg.api.buffer.DataType.FLOAT));
        } catch (RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /**
     * @param augmentation  applied to training batches only ({@link AugmentationSettings#NONE} for none)
     * @throws DatasetException naming the dataset when it cannot be used
     */
    public static PreparedRun prepare(Network design, DatasetSpec spec, Path baseFolder, TrainingSettings settings,
                                      AugmentationSettings augmentation,
                                      NetworkFactory factory, BooleanSupplier cancelled) {
        Dataset loaded = DatasetLoader.load(spec, baseFolder, cancelled);
        if (!(loaded instanceof ImageDataset images)) {
            throw new DatasetException(loaded.description() + " is a table: the Training tab trains image "
                    + "classifiers; use an image folder, IDX files or a sample");
        }
        int classes = images.classNames().size();
        BuiltNetwork built = factory.build(design, images.uniformSize().orElse(null), classes, settings);
        InputGeometry geometry = built.input();
        ImageSize size = new ImageSize(geometry.width(), geometry.height(), geometry.channels());
        Preprocessing preprocessing = spec.preprocessingFor(size.width(), size.height(), size.channels());
        DatasetSplit split = DatasetSplit.stratified(images.labels(), classes, settings.validationSplit(), 0.0,
                spec.effectiveSplitSeed());
        if (split.train().length == 0) {
            throw new DatasetException(images.description() + " has no examples left to train on");
        }
        boolean onTraining = split.validation().length == 0;
        int[] held = onTraining ? split.train() : split.validation();
        int kept = Math.min(held.length, MAX_EVALUATION_IMAGES);
        ImagePipeline plain = new ImagePipeline(preprocessing, AugmentationSettings.NONE);
        DataSet evaluation = inMemory(images, java.util.Arrays.copyOf(held, kept), plain, classes);
        var train = PrefetchingImageIterator.forTraining(images, split.train(),
                new ImagePipeline(preprocessing, augmentation), settings.batchSize(), settings.seed());
        var validation = onTraining ? null
                : new InMemoryDataSetIterator(evaluation, settings.batchSize(), false, settings.seed());
        if (built.channelsLast()) {
            train.setPreProcessor(new ChannelsLastPreProcessor());
            if (validation != null) {
                validation.setPreProcessor(new ChannelsLastPreProcessor());
            }
        }
        TrainingData data = new TrainingData(train, validation);
        ModelInspector.ImagePreprocessor fromFile = file -> {
            ImageData picture;
            try {
                picture = ImageCodec.decode(Files.readAllBytes(file));
            } catch (dev.stride.engine.data.vision.ImageDecodeException e) {
                throw new java.io.IOException(file.getFileName() + " is not a picture Stride can read: "
                        + e.getMessage(), e);
            }
            float[] values = new float[preprocessing.valuesPerImage()];
            preprocessing.writePlanes(plain.process(picture, 0L), values, 0);
            return new ImagePixels(size.width(), size.height(), size.channels(), values);
        };
        return PreparedRun.of(built.graph(), settings, data, evaluation, split.train().length, onTraining,
                images.classNames(), geometry, images.description(), fromFile, built.channelsLast());
    }

    /** Decodes and preprocesses examples into one in-memory DataSet (features NCHW, one-hot labels). */
    static DataSet inMemory(ImageDataset images, int[] indices, ImagePipeline pipeline, int classes) {
        Preprocessing p = pipeline.preprocessing();
        int per = p.valuesPerImage();
        float[] features = new float[indices.length * per];
        float[] labels = new float[indices.length * classes];
        int n = 0;
        for (int index : indices) {
            ImageData decoded;
            try {
                decoded = images.read(index);
            } catch (dev.stride.engine.data.vision.ImageDecodeException e) {
                // The dataset lists it in skipped(); one unreadable file must not end the run (DL4J's reader would).
                continue;
            }
            p.writePlanes(pipeline.process(decoded, 0L), features, n * per);
            labels[n * classes + images.label(index)] = 1f;
            n++;
        }
        if (n == 0) {
            throw new DatasetException("none of the held-out images of " + images.description() + " could be read");
        }
        return new DataSet(Nd4j.create(java.util.Arrays.copyOf(features, n * per),
                        new long[] {n, p.channels(), p.height(), p.width()}),
                Nd4j.create(java.util.Arrays.copyOf(labels, n * classes), new long[] {n, classes}));
    }
}
