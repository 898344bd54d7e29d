package dev.stride.engine.export;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.AddSpec;
import dev.stride.engine.model.AveragePooling2DSpec;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.ConcatenateSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.Conv2DTransposeSpec;
import dev.stride.engine.model.Cropping2DSpec;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.DepthwiseConv2DSpec;
import dev.stride.engine.model.DropoutSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.GlobalAveragePooling2DSpec;
import dev.stride.engine.model.GlobalMaxPooling2DSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Margins;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Regularizer;
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.SpatialDropout2DSpec;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.model.ZeroPadding2DSpec;
import dev.stride.engine.training.TrainingSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Networks the export tests run on: the hand-made ones below cover every layer and the tricky settings (odd 'same'
 * padding with stride 2, residual Add, Concatenate, channels_first), and {@link #all()} adds every sample project.
 */
final class ExportFixtures {
    private ExportFixtures() {
    }

    /** A named network for parameterised tests. */
    record Named(String name, Network network, boolean isSample, TrainingSettings settings) {
        Named(String name, Network network) {
            this(name, network, false, null);
        }

        /** The sample's own training settings, else a loss that suits the output layer's activation. */
        TrainingSettings trainingSettings() {
            if (settings != null) {
                return settings;
            }
            LayerSpec last = network.node(network.sinks().get(0)).spec();
            Activation activation = last instanceof DenseSpec dense ? dense.activation()
                    : last instanceof ActivationSpec a ? a.activation() : Activation.LINEAR;
            return TrainingSettings.defaults().withLoss(switch (activation) {
                case SOFTMAX -> TrainingSettings.Loss.CATEGORICAL_CROSSENTROPY;
                case SIGMOID -> TrainingSettings.Loss.BINARY_CROSSENTROPY;
                default -> TrainingSettings.Loss.MSE;
            });
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Named> all() {
        List<Named> all = new ArrayList<>(handMade());
        all.addAll(SampleProjects.networks());
        return all;
    }

    static List<Named> handMade() {
        return List.of(
                new Named("mnist-convnet", mnistConvnet()),
                new Named("strided-same", stridedSame()),
                new Named("residual-graph", residualGraph()),
                new Named("channels-first", channelsFirst()),
                new Named("vector-mlp", vectorMlp()));
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

    /** Odd sizes and even kernels with stride 2 'same': TensorFlow pads one more at the bottom and right. */
    static Network stridedSame() {
        return Network.sequential(
                InputLayerSpec.image(13, 13, 3),
                Conv2DSpec.of(8, 3).withStrides(Size2D.square(2)).withPadding(Padding.SAME)
                        .withActivation(Activation.RELU).withKernelRegularizer(Regularizer.l2(0.001)),
                Conv2DSpec.of(8, 4).withStrides(Size2D.square(2)).withPadding(Padding.SAME),
                BatchNormalizationSpec.of(),
                ActivationSpec.of(Activation.RELU),
                MaxPooling2DSpec.of(Size2D.square(3)).withStrides(Size2D.square(2)).withPadding(Padding.SAME),
                Conv2DSpec.of(6, 3).withPadding(Padding.SAME).withDilationRate(Size2D.square(2))
                        .withActivation(Activation.TANH),
                AveragePooling2DSpec.of(Size2D.square(2)).withStrides(Size2D.square(1)).withPadding(Padding.SAME),
                GlobalAveragePooling2DSpec.of(),
                DenseSpec.of(5, Activation.SOFTMAX));
    }

    /** A functional graph: residual Add, Concatenate, depthwise and separable convolutions, resampling. */
    static Network residualGraph() {
        GraphBuilder g = new GraphBuilder();
        NodeId input = g.add("input_layer", InputLayerSpec.image(12, 12, 3));
        NodeId stem = g.add("stem", Conv2DSpec.of(8, 3).withPadding(Padding.SAME)
                .withActivation(Activation.RELU), input);
        NodeId branch = g.add("branch", Conv2DSpec.of(8, 3).withPadding(Padding.SAME), stem);
        NodeId sum = g.add("residual", new AddSpec(), stem, branch);
        NodeId relu = g.add("relu", ActivationSpec.of(Activation.RELU), sum);
        NodeId concat = g.add("concat", ConcatenateSpec.of(), relu, stem);
        NodeId depthwise = g.add("depthwise", new DepthwiseConv2DSpec(Size2D.square(3), Size2D.square(2),
                Padding.SAME, 2, DataFormat.CHANNELS_LAST, Size2D.square(1), Activation.RELU, true,
                dev.stride.engine.model.Initializer.glorotUniform(), dev.stride.engine.model.Initializer.zeros(),
                null, null, null, null, null), concat);
        NodeId separable = g.add("separable", SeparableConv2DSpec.of(6, Size2D.square(3)), depthwise);
        NodeId padded = g.add("pad", ZeroPadding2DSpec.of(Margins.of(1, 2, 0, 1)), separable);
        NodeId cropped = g.add("crop", Cropping2DSpec.of(Margins.of(1, 0, 2, 1)), padded);
        NodeId up = g.add("up", UpSampling2DSpec.of(Size2D.square(2)), cropped);
        NodeId transposed = g.add("deconv", Conv2DTransposeSpec.of(4, Size2D.square(3), Size2D.square(2))
                .withPadding(Padding.SAME), up);
        NodeId dropout = g.add("dropout", DropoutSpec.of(0.2), transposed);
        NodeId pooled = g.add("gmp", GlobalMaxPooling2DSpec.of(), dropout);
        g.add("head", DenseSpec.of(3, Activation.SOFTMAX), pooled);
        return g.build();
    }

    static Network channelsFirst() {
        return Network.sequential(
                InputLayerSpec.of(dev.stride.engine.model.TensorShape.of(3, 10, 10)),
                Conv2DSpec.of(4, 3).withDataFormat(DataFormat.CHANNELS_FIRST).withStrides(Size2D.square(2))
                        .withPadding(Padding.SAME).withActivation(Activation.ELU),
                MaxPooling2DSpec.of().withDataFormat(DataFormat.CHANNELS_FIRST),
                BatchNormalizationSpec.of(1),
                new SpatialDropout2DSpec(0.3, DataFormat.CHANNELS_FIRST, null),
                new FlattenSpec(DataFormat.CHANNELS_FIRST),
                DenseSpec.of(6, Activation.SOFTMAX));
    }

    static Network vectorMlp() {
        return Network.sequential(
                InputLayerSpec.vector(20),
                DenseSpec.of(16, Activation.RELU),
                BatchNormalizationSpec.of(),
                DropoutSpec.of(0.25),
                DenseSpec.of(8, Activation.SELU),
                DenseSpec.of(4, Activation.SOFTMAX));
    }

    /** The weights with random BatchNorm statistics and affine parameters: fresh ones (0, 1) hide mix-ups. */
    static NetworkWeights withRandomStatistics(NetworkWeights weights, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        Map<String, Map<String, WeightTensor>> changed = new LinkedHashMap<>();
        weights.layers().forEach((layer, tensors) -> {
            Map<String, WeightTensor> copy = new LinkedHashMap<>(tensors);
            if (copy.containsKey("moving_variance")) {
                for (String name : List.of("moving_mean", "moving_variance", "gamma", "beta")) {
                    WeightTensor tensor = copy.get(name);
                    if (tensor == null) {
                        continue;
                    }
                    float[] values = new float[tensor.values().length];
                    for (int i = 0; i < values.length; i++) {
                        double u = random.nextDouble();
                        values[i] = (float) (name.equals("moving_variance") || name.equals("gamma") ? 0.5 + u : u - 0.5);
                    }
                    copy.put(name, new WeightTensor(tensor.shape(), values));
                }
            }
            changed.put(layer, copy);
        });
        return new NetworkWeights(changed);
    }

    /** Builds a functional graph with explicit layer names. */
    static final class GraphBuilder {
        private final List<LayerNode> nodes = new ArrayList<>();
        private final Map<NodeId, List<NodeId>> inputs = new LinkedHashMap<>();

        NodeId add(String name, LayerSpec spec, NodeId... from) {
            NodeId id = new NodeId("n" + (nodes.size() + 1));
            nodes.add(new LayerNode(id, name, spec));
            inputs.put(id, List.of(from));
            return id;
        }

        Network build() {
            return Network.of(nodes, inputs);
        }
    }
}
