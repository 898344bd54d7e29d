package dev.stride.engine.project;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.AddSpec;
import dev.stride.engine.model.AveragePooling2DSpec;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.Conv2DTransposeSpec;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.DropoutSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.GlobalAveragePooling2DSpec;
import dev.stride.engine.model.Initializer;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Size2D;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The networks a new project can start from, each a classic a student meets: LeNet-5, the keras.io MNIST convnet,
 * StridedNet, a small VGG, the all-convolutional net, a ResNet-style net, a dense net for tables and a
 * convolutional autoencoder. Every one analyses without errors (a test holds that).
 */
public final class Templates {
    /** One template: a stable id, an English title, what it teaches, and a fresh network. */
    public record Template(String id, String title, String description, Supplier<Network> network) {
    }

    public static final List<Template> ALL = List.of(
            new Template("lenet5", "LeNet-5", "LeCun et al. 1998: two convolution + average-pooling stages and "
                    + "three dense layers, for 28×28 digits.", Templates::lenet5),
            new Template("mnist-convnet", "MNIST convnet (keras.io)", "The keras.io simple MNIST convnet: "
                    + "two 3×3 convolutions with max pooling, dropout and softmax; 34,826 parameters.",
                    Templates::mnistConvnet),
            new Template("stridednet", "StridedNet", "Strided 3×3 convolutions instead of pooling, with batch "
                    + "normalization, for 64×64 colour images.", Templates::stridedNet),
            new Template("small-vgg", "Small VGG", "Blocks of two 3×3 convolutions and max pooling, doubling the "
                    + "filters, for 32×32 colour images.", Templates::smallVgg),
            new Template("all-conv", "All-convolutional net", "Springenberg et al. 2014: only convolutions, "
                    + "strided to downsample, global average pooling instead of dense layers.", Templates::allConv),
            new Template("resnet-small", "ResNet-style", "Residual blocks whose shortcut is added back with Add; "
                    + "a 1×1 strided projection where the shape changes.", Templates::resnetSmall),
            new Template("dense-tabular", "Dense network for tables", "Dense layers with dropout for 20 numeric "
                    + "features and a yes/no output.", Templates::denseTabular),
            new Template("conv-autoencoder", "Convolutional autoencoder", "Encode 28×28 images to 7×7×16 with "
                    + "convolutions and pooling; decode back with Conv2DTranspose.", Templates::convAutoencoder));

    private Templates() {
    }

    public static Optional<Template> find(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    static Network lenet5() {
        return Network.sequential(
                InputLayerSpec.image(28, 28, 1),
                Conv2DSpec.of(6, 5).withPadding(Padding.SAME).withActivation(Activation.TANH),
                AveragePooling2DSpec.of(),
                Conv2DSpec.of(16, 5).withActivation(Activation.TANH),
                AveragePooling2DSpec.of(),
                FlattenSpec.of(),
                DenseSpec.of(120, Activation.TANH),
                DenseSpec.of(84, Activation.TANH),
                DenseSpec.of(10, Activation.SOFTMAX));
    }

    static Network mnistConvnet() {
        return Network.sequential(
                InputLayerSpec.image(28, 28, 1),
                Conv2DSpec.of(32, 3).withActivation(Activation.RELU),
                MaxPooling2DSpec.of(),
                Conv2DSpec.of(64, 3).withActivation(Activation.RELU),
                MaxPooling2DSpec.of(),
                FlattenSpec.of(),
                DropoutSpec.of(0.5),
                DenseSpec.of(10, Activation.SOFTMAX));
    }

    static Network stridedNet() {
        return Network.sequential(
                InputLayerSpec.image(64, 64, 3),
                conv(16, 7, 2), BatchNormalizationSpec.of(),
                conv(32, 3, 1), BatchNormalizationSpec.of(),
                conv(32, 3, 2), BatchNormalizationSpec.of(),
                conv(64, 3, 1), BatchNormalizationSpec.of(),
                conv(64, 3, 2), BatchNormalizationSpec.of(),
                conv(128, 3, 1), BatchNormalizationSpec.of(),
                conv(128, 3, 2), BatchNormalizationSpec.of(),
                FlattenSpec.of(),
                DenseSpec.of(512, Activation.RELU), BatchNormalizationSpec.of(), DropoutSpec.of(0.5),
                DenseSpec.of(10, Activation.SOFTMAX));
    }

    static Network smallVgg() {
        return Network.sequential(
                InputLayerSpec.image(32, 32, 3),
                conv(32, 3, 1), conv(32, 3, 1), MaxPooling2DSpec.of(), DropoutSpec.of(0.25),
                conv(64, 3, 1), conv(64, 3, 1), MaxPooling2DSpec.of(), DropoutSpec.of(0.25),
                FlattenSpec.of(),
                DenseSpec.of(512, Activation.RELU), DropoutSpec.of(0.5),
                DenseSpec.of(10, Activation.SOFTMAX));
    }

    static Network allConv() {
        return Network.sequential(
                InputLayerSpec.image(32, 32, 3),
                DropoutSpec.of(0.2),
                conv(96, 3, 1), conv(96, 3, 1), conv(96, 3, 2), DropoutSpec.of(0.5),
                conv(192, 3, 1), conv(192, 3, 1), conv(192, 3, 2), DropoutSpec.of(0.5),
                Conv2DSpec.of(192, 3).withActivation(Activation.RELU),
                Conv2DSpec.of(192, 1).withActivation(Activation.RELU),
                Conv2DSpec.of(10, 1).withActivation(Activation.RELU),
                GlobalAveragePooling2DSpec.of(),
                ActivationSpec.of(Activation.SOFTMAX));
    }

    static Network resnetSmall() {
        Builder b = new Builder();
        NodeId input = b.add(InputLayerSpec.image(32, 32, 3));
        NodeId stem = b.add(conv(32, 3, 1), input);
        // Block 1: identity shortcut.
        NodeId a1 = b.add(conv(32, 3, 1), stem);
        NodeId a2 = b.add(Conv2DSpec.of(32, 3).withPadding(Padding.SAME).withKernelInitializer(Initializer.heNormal()),
                a1);
        NodeId add1 = b.add(new AddSpec(), a2, stem);
        NodeId out1 = b.add(ActivationSpec.of(Activation.RELU), add1);
        // Block 2: halves the size, so the shortcut is a strided 1×1 projection.
        NodeId b1 = b.add(conv(64, 3, 2), out1);
        NodeId b2 = b.add(Conv2DSpec.of(64, 3).withPadding(Padding.SAME).withKernelInitializer(Initializer.heNormal()),
                b1);
        NodeId shortcut = b.add(Conv2DSpec.of(64, 1).withStrides(Size2D.square(2)), out1);
        NodeId add2 = b.add(new AddSpec(), b2, shortcut);
        NodeId out2 = b.add(ActivationSpec.of(Activation.RELU), add2);
        NodeId pool = b.add(GlobalAveragePooling2DSpec.of(), out2);
        b.add(DenseSpec.of(10, Activation.SOFTMAX), pool);
        return b.network;
    }

    static Network denseTabular() {
        return Network.sequential(
                InputLayerSpec.vector(20),
                DenseSpec.of(64, Activation.RELU), DropoutSpec.of(0.2),
                DenseSpec.of(32, Activation.RELU),
                DenseSpec.of(1, Activation.SIGMOID));
    }

    static Network convAutoencoder() {
        return Network.sequential(
                InputLayerSpec.image(28, 28, 1),
                conv(32, 3, 1), MaxPooling2DSpec.of().withPadding(Padding.SAME),
                conv(16, 3, 1), MaxPooling2DSpec.of().withPadding(Padding.SAME),
                transposed(16), transposed(32),
                Conv2DSpec.of(1, 3).withPadding(Padding.SAME).withActivation(Activation.SIGMOID));
    }

    /** A 'same' ReLU convolution with He initialisation, the usual hidden block. */
    private static Conv2DSpec conv(int filters, int kernel, int stride) {
        return Conv2DSpec.of(filters, kernel).withStrides(Size2D.square(stride)).withPadding(Padding.SAME)
                .withActivation(Activation.RELU).withKernelInitializer(Initializer.heNormal());
    }

    /** A 3×3, stride-2 'same' ReLU transposed convolution: doubles height and width. */
    private static Conv2DTransposeSpec transposed(int filters) {
        return new Conv2DTransposeSpec(filters, Size2D.square(3), Size2D.square(2), Padding.SAME, null,
                DataFormat.CHANNELS_LAST, Size2D.square(1), Activation.RELU, true, Initializer.glorotUniform(),
                Initializer.zeros(), null, null, null, null, null);
    }

    /** Builds a graph with branches: each layer gets Keras's automatic name and the given inputs in order. */
    private static final class Builder {
        private Network network = Network.empty();

        NodeId add(LayerSpec spec, NodeId... inputs) {
            NodeId id = network.nextNodeId();
            network = network.withLayer(spec);
            for (NodeId input : inputs) {
                network = network.connect(input, id);
            }
            return id;
        }
    }
}
