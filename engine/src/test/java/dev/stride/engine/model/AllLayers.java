package dev.stride.engine.model;

import java.util.List;
import java.util.Map;

/** A valid network that uses every layer kind and most value types, for golden files and round trips. */
public final class AllLayers {
    private AllLayers() {
    }

    public static Network network() {
        Network n = Network.empty();
        n = add(n, "in", InputLayerSpec.image(32, 32, 3));
        n = add(n, "pad", ZeroPadding2DSpec.of(Margins.of(1, 1, 2, 0)), "in");
        n = add(n, "conv", Conv2DSpec.of(8, 3).withActivation(Activation.LEAKY_RELU)
                .withKernelInitializer(Initializer.heNormal().with("seed", 7))
                .withKernelRegularizer(Regularizer.l1l2(0.001, 0.0005))
                .withKernelConstraint(new Constraint.MaxNorm(3.0, List.of(0, 1, 2))), "pad");
        n = add(n, "bn", BatchNormalizationSpec.of(), "conv");
        n = add(n, "relu", ActivationSpec.of(Activation.RELU), "bn");
        n = add(n, "depthwise", new DepthwiseConv2DSpec(Size2D.square(3), Size2D.square(1), Padding.SAME, 2,
                DataFormat.CHANNELS_LAST, Size2D.square(1), Activation.LINEAR, false, Initializer.glorotUniform(),
                Initializer.zeros(), Regularizer.l2(0.01), null, null, new Constraint.NonNeg(), null), "relu");
        n = add(n, "separable", new SeparableConv2DSpec(16, Size2D.of(3, 1), Size2D.square(1), Padding.SAME,
                DataFormat.CHANNELS_LAST, Size2D.square(1), 1, Activation.SWISH, true,
                new Initializer(Initializer.Kind.VARIANCE_SCALING, Map.of("scale", 2.0, "mode", "fan_out")),
                Initializer.constant(0.5), Initializer.zeros(), null, Regularizer.l1(0.002), null,
                Regularizer.l2(0.001), null, new Constraint.UnitNorm(List.of(0)), new Constraint.MinMaxNorm(0.0,
                        1.0, 0.5, List.of(0))), "depthwise");
        n = add(n, "max", MaxPooling2DSpec.of(), "separable");
        n = add(n, "avg", AveragePooling2DSpec.of().withStrides(Size2D.square(2)).withPadding(Padding.SAME),
                "separable");
        n = add(n, "add", new AddSpec(), "max", "avg");
        n = add(n, "deconv", Conv2DTransposeSpec.of(8, Size2D.square(3), Size2D.square(2))
                .withPadding(Padding.SAME).withOutputPadding(Size2D.square(1)), "add");
        n = add(n, "crop", Cropping2DSpec.of(Margins.of(1, 1, 0, 2)), "deconv");
        n = add(n, "up", new UpSampling2DSpec(Size2D.of(2, 1), DataFormat.CHANNELS_LAST, "bilinear"), "crop");
        n = add(n, "spatial", SpatialDropout2DSpec.of(0.1), "up");
        n = add(n, "gmax", GlobalMaxPooling2DSpec.of(), "spatial");
        n = add(n, "gavg", new GlobalAveragePooling2DSpec(DataFormat.CHANNELS_LAST, false), "spatial");
        n = add(n, "concat", ConcatenateSpec.of(), "gmax", "gavg");
        n = add(n, "drop", new DropoutSpec(0.3, List.of(1), 42), "concat");
        n = add(n, "reshape", ReshapeSpec.of(4, -1), "drop");
        n = add(n, "flat", FlattenSpec.of(), "reshape");
        n = add(n, "hidden", DenseSpec.of(12, Activation.GELU).withKernelRegularizer(Regularizer.l2(1e-4)), "flat");
        n = n.withNode(new LayerNode(NodeId.of("out"), "out", DenseSpec.of(10, Activation.SOFTMAX), false))
                .connect(NodeId.of("hidden"), NodeId.of("out"));
        return n;
    }

    private static Network add(Network n, String name, LayerSpec spec, String... inputs) {
        Network result = n.withNode(new LayerNode(NodeId.of(name), name, spec));
        for (String input : inputs) {
            result = result.connect(NodeId.of(input), NodeId.of(name));
        }
        return result;
    }
}
