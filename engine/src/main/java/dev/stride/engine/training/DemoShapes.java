package dev.stride.engine.training;

import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A self-contained training run that needs no files: 28×28 grey pictures of four drawn shapes (square, disc,
 * triangle, cross) at random places and sizes with noise, and a small CNN for them. The app's demo mode and its
 * end-to-end UI test train this when no project dataset can be compiled.
 */
public final class DemoShapes {
    public static final List<String> LABELS = List.of("square", "disc", "triangle", "cross");
    public static final InputGeometry GEOMETRY = new InputGeometry(28, 28, 1, 255.0);
    public static final String DESCRIPTION = "built-in shapes (4 classes, 28×28 grey, generated)";

    private DemoShapes() {
    }

    /** {@code perClass} pictures of each shape, interleaved by class, reproducible from {@code seed}. */
    public static DataSet generate(int perClass, long seed) {
        Random random = new Random(seed);
        int n = perClass * LABELS.size();
        int size = GEOMETRY.width();
        float[] pixels = new float[n * size * size];
        float[] labels = new float[n * LABELS.size()];
        for (int i = 0; i < n; i++) {
            int shape = i % LABELS.size();
            labels[i * LABELS.size() + shape] = 1f;
            double radius = 5 + random.nextDouble() * 6;
            double cx = radius + 1 + random.nextDouble() * (size - 2 * radius - 2);
            double cy = radius + 1 + random.nextDouble() * (size - 2 * radius - 2);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double dx = x + 0.5 - cx;
                    double dy = y + 0.5 - cy;
                    boolean inside = switch (shape) {
                        case 0 -> Math.abs(dx) <= radius && Math.abs(dy) <= radius;
                        case 1 -> dx * dx + dy * dy <= radius * radius;
                        case 2 -> dy <= radius && dy >= -radius && Math.abs(dx) <= (dy + radius) / 2;
                        default -> Math.abs(dx) <= radius && Math.abs(dy) <= radius
                                && (Math.abs(dx) <= radius / 4 || Math.abs(dy) <= radius / 4);
                    };
                    double value = (inside ? 0.85 : 0.05) + random.nextGaussian() * 0.08;
                    pixels[i * size * size + y * size + x] = (float) Math.max(0, Math.min(1, value));
                }
            }
        }
        return new DataSet(Nd4j.create(pixels, new long[] {n, 1, size, size}),
                Nd4j.create(labels, new long[] {n, LABELS.size()}));
    }

    /** Conv(8, 5×5) → MaxPool 2 → Conv(16, 3×3) → MaxPool 2 → Dense(32) → softmax over the four shapes. */
    public static ComputationGraph network(TrainingSettings settings) {
        return networkFor(GEOMETRY, LABELS.size(), settings);
    }

    /**
     * The same small CNN for any input of at least 14×14 and any number of classes: what the app trains on a
     * dataset until designs are compiled for training.
     */
    public static ComputationGraph networkFor(InputGeometry input, int classes, TrainingSettings settings) {
        if (input.height() < 14 || input.width() < 14) {
            throw new IllegalArgumentException("the built-in network needs inputs of at least 14×14, got "
                    + input.width() + "×" + input.height());
        }
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .updater(Dl4jTrainingMapping.updater(settings))
                .weightInit(WeightInit.XAVIER)
                .dataType(DataType.FLOAT)
                .graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutional(input.height(), input.width(), input.channels()))
                .addLayer("conv2d", new ConvolutionLayer.Builder(5, 5).nOut(8).activation(Activation.RELU).build(),
                        "input")
                .addLayer("max_pooling2d", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build(), "conv2d")
                .addLayer("conv2d_1", new ConvolutionLayer.Builder(3, 3).nOut(16).activation(Activation.RELU).build(),
                        "max_pooling2d")
                .addLayer("max_pooling2d_1", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build(), "conv2d_1")
                .addLayer("dense", new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build(),
                        "max_pooling2d_1")
                .addLayer("dense_1", new OutputLayer.Builder(Dl4jTrainingMapping.lossFunction(settings.loss()))
                        .nOut(classes).activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("dense_1")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    /** The same network in Stride's own model, so runs of the demo get an architecture fingerprint like any design. */
    public static Network design() {
        return designFor(GEOMETRY, LABELS.size());
    }

    /** The design of {@link #networkFor}, for run histories. */
    public static Network designFor(InputGeometry input, int classes) {
        return Network.sequential(
                InputLayerSpec.image(input.height(), input.width(), input.channels()),
                Conv2DSpec.of(8, 5).withActivation(dev.stride.engine.model.Activation.RELU),
                MaxPooling2DSpec.of(),
                Conv2DSpec.of(16, 3).withActivation(dev.stride.engine.model.Activation.RELU),
                MaxPooling2DSpec.of(),
                FlattenSpec.of(),
                DenseSpec.of(32, dev.stride.engine.model.Activation.RELU),
                DenseSpec.of(classes, dev.stride.engine.model.Activation.SOFTMAX));
    }

    /** The demo as a prepared run: {@code perClass} pictures per shape, split by the settings' validation_split. */
    public static PreparedRun prepare(TrainingSettings settings, int perClass) {
        return PreparedRun.inMemory(network(settings), settings, generate(perClass, settings.seed()), LABELS,
                GEOMETRY, DESCRIPTION);
    }
}
