package dev.stride.engine.bench;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.DropoutSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.Initializer;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Regularizer;
import dev.stride.engine.model.Size2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The two networks `stride bench train` measures, exactly as ../shared/peers/README.md specifies them for the
 * PyTorch peers (lenet_torch.py, stridednet_torch.py), written in Stride's own model.
 */
public final class TrainingBenchmarkNetworks {
    private TrainingBenchmarkNetworks() {
    }

    /**
     * A benchmark: the network and the peer's data and batch settings.
     *
     * @param network    the design
     * @param height     input height
     * @param width      input width
     * @param channels   input channels
     * @param classes    output classes
     * @param examples   synthetic examples per epoch
     * @param batchSize  examples per step
     */
    public record Benchmark(String name, Network network, int height, int width, int channels, int classes,
                            int examples, int batchSize) {
    }

    /** LeNet: 28×28×1; Conv 20@5×5 same ReLU; MaxPool 2; Conv 50@5×5 same ReLU; MaxPool 2; Dense 500 ReLU; 10. */
    public static Benchmark lenet() {
        Network network = Network.sequential(
                InputLayerSpec.image(28, 28, 1),
                Conv2DSpec.of(20, 5).withPadding(Padding.SAME).withActivation(Activation.RELU),
                MaxPooling2DSpec.of(Size2D.square(2)),
                Conv2DSpec.of(50, 5).withPadding(Padding.SAME).withActivation(Activation.RELU),
                MaxPooling2DSpec.of(Size2D.square(2)),
                FlattenSpec.of(),
                DenseSpec.of(500, Activation.RELU),
                DenseSpec.of(10, Activation.SOFTMAX));
        return new Benchmark("lenet", network, 28, 28, 1, 10, 12_800, 128);
    }

    /**
     * StridedNet from the Keras Conv2D tutorial: 96×96×3; Conv 16@7×7 s2 valid; three blocks of [Conv 3×3 same ReLU
     * BN; Conv 3×3 s2 same ReLU BN; Dropout .25] with 32, 64, 128 filters; Dense 512 ReLU BN Dropout .5; Dense 4
     * softmax; He-normal init and L2 5e-4 on every kernel.
     */
    public static Benchmark stridedNet() {
        Regularizer l2 = Regularizer.l2(5e-4);
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(InputLayerSpec.image(96, 96, 3));
        layers.add(conv(16, 7, 2, Padding.VALID, Activation.LINEAR, l2));
        for (int filters : new int[] {32, 64, 128}) {
            layers.add(conv(filters, 3, 1, Padding.SAME, Activation.RELU, l2));
            layers.add(BatchNormalizationSpec.of());
            layers.add(conv(filters, 3, 2, Padding.SAME, Activation.RELU, l2));
            layers.add(BatchNormalizationSpec.of());
            layers.add(DropoutSpec.of(0.25));
        }
        layers.add(FlattenSpec.of());
        layers.add(dense(512, Activation.RELU, l2));
        layers.add(BatchNormalizationSpec.of());
        layers.add(DropoutSpec.of(0.5));
        layers.add(dense(4, Activation.SOFTMAX, l2));
        return new Benchmark("stridednet", Network.sequential(layers.toArray(LayerSpec[]::new)), 96, 96, 3, 4,
                1_024, 32);
    }

    private static Conv2DSpec conv(int filters, int kernel, int stride, Padding padding, Activation activation,
                                   Regularizer l2) {
        return Conv2DSpec.of(filters, kernel).withStrides(Size2D.square(stride)).withPadding(padding)
                .withActivation(activation).withKernelInitializer(Initializer.heNormal()).withKernelRegularizer(l2);
    }

    private static DenseSpec dense(int units, Activation activation, Regularizer l2) {
        return new DenseSpec(units, activation, true, Initializer.heNormal(), Initializer.zeros(), l2, null, null,
                null, null);
    }

    public static Benchmark named(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "lenet" -> lenet();
            case "stridednet" -> stridedNet();
            default -> throw new IllegalArgumentException("unknown benchmark model '" + name
                    + "'; choose lenet or stridednet");
        };
    }
}
