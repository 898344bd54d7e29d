package dev.stride.engine.shape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.AddSpec;
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
import dev.stride.engine.model.Initializer;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Margins;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.ReshapeSpec;
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.SpatialDropout2DSpec;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.model.ZeroPadding2DSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every diagnostic the analysis can raise, with the numbers and the fix it must name. */
class DiagnosticsTest {

    private static Network chain(TensorShape input, LayerSpec... layers) {
        LayerSpec[] all = new LayerSpec[layers.length + 1];
        all[0] = InputLayerSpec.of(input);
        System.arraycopy(layers, 0, all, 1, layers.length);
        return Network.sequential(all);
    }

    private static Network image(int h, int w, int c, LayerSpec... layers) {
        return chain(TensorShape.image(h, w, c), layers);
    }

    private static Network twoBranches(TensorShape a, TensorShape b, LayerSpec merge) {
        return Network.sequential(InputLayerSpec.of(a)).withLayer(InputLayerSpec.of(b)).withLayer(merge)
                .connect(NodeId.of("n1"), NodeId.of("n3")).connect(NodeId.of("n2"), NodeId.of("n3"));
    }

    static Stream<Arguments> problems() {
        Conv2DSpec conv = Conv2DSpec.of(4, 3);
        return Stream.of(
                Arguments.of("kernel larger than input", image(5, 5, 1, Conv2DSpec.of(4, 7)), Severity.ERROR,
                        "kernel_size", "kernel 7×7 is larger than the 5×5 input; use padding 'same', a smaller kernel"),
                Arguments.of("dilated kernel larger than input", image(10, 10, 1,
                        Conv2DSpec.of(4, 7).withDilationRate(Size2D.square(2))), Severity.ERROR, "kernel_size",
                        "kernel 7×7, dilated to 13×13, is larger than the 10×10 input; use padding 'same', a smaller"
                                + " kernel or less dilation"),
                Arguments.of("pool larger than input", image(2, 2, 1, MaxPooling2DSpec.of(Size2D.square(3))),
                        Severity.ERROR, "pool_size", "pool 3×3 is larger than the 2×2 input"),
                Arguments.of("strides with dilation", image(9, 9, 1, conv.withStrides(Size2D.square(2))
                        .withDilationRate(Size2D.square(2))), Severity.ERROR, "dilation_rate",
                        "strides 2×2 together with dilation_rate 2×2 is not supported"),
                Arguments.of("filters not divisible by groups", image(8, 8, 4, Conv2DSpec.of(5, 3).withGroups(2)),
                        Severity.ERROR, "groups", "filters 5 is not divisible by groups 2"),
                Arguments.of("channels not divisible by groups", image(8, 8, 3, Conv2DSpec.of(4, 3).withGroups(2)),
                        Severity.ERROR, "groups", "the 3 input channels are not divisible by groups 2"),
                Arguments.of("zero filters", image(8, 8, 3, Conv2DSpec.of(0, 3)), Severity.ERROR, "filters",
                        "filters must be at least 1, got 0"),
                Arguments.of("zero kernel", image(8, 8, 3, Conv2DSpec.of(2, Size2D.of(0, 3))), Severity.ERROR,
                        "kernel_size", "kernel_size must be at least 1×1, got 0×3"),
                Arguments.of("conv on a vector", chain(TensorShape.vector(784), conv), Severity.ERROR, null,
                        "Conv2D needs an image input (height, width, channels) but gets shape 784 (rank 1); remove"
                                + " the Flatten"),
                Arguments.of("unknown channels", chain(TensorShape.of(8, 8, TensorShape.UNKNOWN), conv),
                        Severity.ERROR, null, "needs the number of input channels to be known"),
                Arguments.of("floor drops rows", image(6, 6, 1, Conv2DSpec.of(2, 3).withStrides(Size2D.square(2))),
                        Severity.WARNING, "strides", "with strides 2×2 the last row and the last column of the 6×6"
                                + " input are never covered; use padding 'same'"),
                Arguments.of("output padding too large", image(4, 4, 1, Conv2DTransposeSpec.of(2, Size2D.square(3),
                        Size2D.square(2)).withOutputPadding(Size2D.square(2))), Severity.ERROR, "output_padding",
                        "output_padding 2×2 must be smaller than the strides 2×2; use at most 1×1"),
                Arguments.of("negative output padding", image(4, 4, 1, Conv2DTransposeSpec.of(2, Size2D.square(3),
                        Size2D.square(2)).withOutputPadding(Size2D.of(-1, 0))), Severity.ERROR, "output_padding",
                        "must not be negative"),
                Arguments.of("depth multiplier zero", image(4, 4, 2, new DepthwiseConv2DSpec(Size2D.square(3),
                        Size2D.square(1), Padding.SAME, 0, DataFormat.CHANNELS_LAST, Size2D.square(1),
                        Activation.LINEAR, true, Initializer.glorotUniform(), Initializer.zeros(), null, null, null,
                        null, null)), Severity.ERROR, "depth_multiplier", "depth_multiplier must be at least 1"),
                Arguments.of("identity initializer on a conv kernel", image(4, 4, 2,
                        conv.withKernelInitializer(Initializer.of(Initializer.Kind.IDENTITY))), Severity.ERROR,
                        "kernel_initializer", "the identity initializer needs a 2-D weight"),
                Arguments.of("cropping removes all rows", image(7, 9, 1, Cropping2DSpec.of(Margins.of(3, 4, 0, 0))),
                        Severity.ERROR, "cropping", "cropping 3+4 rows removes the whole 7-row input; crop fewer"
                                + " than 7 rows in total"),
                Arguments.of("cropping removes all columns", image(7, 9, 1, Cropping2DSpec.of(Margins.of(0, 0, 5, 4))),
                        Severity.ERROR, "cropping", "cropping 5+4 columns removes the whole 9-column input"),
                Arguments.of("negative cropping", image(7, 9, 1, Cropping2DSpec.of(Margins.of(-1, 0, 0, 0))),
                        Severity.ERROR, "cropping", "cropping must not be negative"),
                Arguments.of("negative padding", image(7, 9, 1, ZeroPadding2DSpec.of(Margins.of(0, 0, -2, 0))),
                        Severity.ERROR, "padding", "padding must not be negative"),
                Arguments.of("upsampling size zero", image(7, 9, 1, UpSampling2DSpec.of(Size2D.of(2, 0))),
                        Severity.ERROR, "size", "size must be at least 1×1, got 2×0"),
                Arguments.of("dropout rate above 1", chain(TensorShape.vector(4), DropoutSpec.of(1.5)),
                        Severity.ERROR, "rate", "between 0 and 1, got 1.5"),
                Arguments.of("dropout rate 1", chain(TensorShape.vector(4), DropoutSpec.of(1)),
                        Severity.WARNING, "rate", "rate 1 drops every value"),
                Arguments.of("spatial dropout on a vector", chain(TensorShape.vector(4), SpatialDropout2DSpec.of(0.1)),
                        Severity.ERROR, null, "SpatialDropout2D needs an image input"),
                Arguments.of("batch norm on the batch axis", chain(TensorShape.vector(4), BatchNormalizationSpec.of(0)),
                        Severity.ERROR, "axis", "axis 0 does not name a feature axis"),
                Arguments.of("batch norm momentum", chain(TensorShape.vector(4),
                        new BatchNormalizationSpec(-1, 1.5, 0.001, true, true, Initializer.zeros(), Initializer.ones(),
                                Initializer.zeros(), Initializer.ones(), null, null, null, null, false, false, null,
                                0.99)), Severity.ERROR, "momentum", "momentum must be between 0 and 1, got 1.5"),
                Arguments.of("batch norm on an unknown axis", chain(TensorShape.of(TensorShape.UNKNOWN),
                        BatchNormalizationSpec.of()), Severity.ERROR, "axis", "must be known"),
                Arguments.of("reshape mismatch", chain(TensorShape.vector(10), ReshapeSpec.of(3, 3)), Severity.ERROR,
                        "target_shape", "target_shape [3, 3] holds 9 values but the 10 input has 10"),
                Arguments.of("reshape indivisible", chain(TensorShape.vector(10), ReshapeSpec.of(3, -1)),
                        Severity.ERROR, "target_shape", "cannot be divided into target_shape [3, -1]"),
                Arguments.of("reshape two unknowns", chain(TensorShape.vector(10), ReshapeSpec.of(-1, -1)),
                        Severity.ERROR, "target_shape", "has more than one -1"),
                Arguments.of("reshape negative", chain(TensorShape.vector(10), ReshapeSpec.of(-2, 5)),
                        Severity.ERROR, "target_shape", "contains -2"),
                Arguments.of("reshape empty", chain(TensorShape.vector(10), ReshapeSpec.of()),
                        Severity.ERROR, "target_shape", "target_shape is empty"),
                Arguments.of("flatten too large", image(50_000, 50_000, 3, FlattenSpec.of()), Severity.ERROR, null,
                        "more than Keras can index"),
                Arguments.of("dense units zero", chain(TensorShape.vector(4), DenseSpec.of(0)), Severity.ERROR,
                        "units", "units must be at least 1, got 0"),
                Arguments.of("dense on unknown features", chain(TensorShape.of(TensorShape.UNKNOWN), DenseSpec.of(3)),
                        Severity.ERROR, null, "last axis of its input to be known"),
                Arguments.of("very large dense", image(224, 224, 3, FlattenSpec.of(), DenseSpec.of(4096)),
                        Severity.WARNING, "units", "this Dense layer has 616,566,784 parameters (150,528 inputs ×"
                                + " 4,096 units)"),
                Arguments.of("softmax not last", chain(TensorShape.vector(4), DenseSpec.of(3, Activation.SOFTMAX),
                        DenseSpec.of(2)), Severity.WARNING, "activation", "softmax turns values into probabilities"
                                + " and belongs on the last layer"),
                Arguments.of("softmax activation layer not last", chain(TensorShape.vector(4),
                        ActivationSpec.of(Activation.SOFTMAX), DenseSpec.of(2)), Severity.WARNING, "activation",
                        "belongs on the last layer"),
                Arguments.of("add of incompatible shapes", twoBranches(TensorShape.of(8, 8, 16),
                        TensorShape.of(8, 8, 32), new AddSpec()), Severity.ERROR, null,
                        "Add needs inputs of the same shape but gets 8×8×16 and 8×8×32"),
                Arguments.of("concatenate of different ranks", twoBranches(TensorShape.of(8, 8, 16),
                        TensorShape.of(16), ConcatenateSpec.of()), Severity.ERROR, null,
                        "Concatenate needs inputs of the same rank"),
                Arguments.of("concatenate on mismatched axes", twoBranches(TensorShape.of(8, 8, 16),
                        TensorShape.of(4, 4, 16), ConcatenateSpec.of()), Severity.ERROR, null,
                        "Concatenate on axis -1 needs all other axes to match but gets 8×8×16 and 4×4×16"),
                Arguments.of("concatenate on the batch axis", twoBranches(TensorShape.of(4), TensorShape.of(4),
                        new ConcatenateSpec(0)), Severity.ERROR, "axis", "axis 0 is not a feature axis"),
                Arguments.of("input with a zero dimension", chain(TensorShape.of(0, 4)), Severity.ERROR, "shape",
                        "every input dimension must be at least 1, got 0×4"),
                Arguments.of("input without dimensions", chain(TensorShape.of(), FlattenSpec.of()), Severity.WARNING,
                        "shape", "the input shape is empty, so each example is a single number"),
                Arguments.of("dense on a scalar", chain(TensorShape.of(), DenseSpec.of(1)), Severity.ERROR,
                        null, "Dense needs an input with at least one axis"),
                Arguments.of("separable strides with dilation", image(9, 9, 1, new SeparableConv2DSpec(2,
                        Size2D.square(3), Size2D.square(2), Padding.VALID, DataFormat.CHANNELS_LAST, Size2D.square(2),
                        1, Activation.LINEAR, true, Initializer.glorotUniform(), Initializer.glorotUniform(),
                        Initializer.zeros(), null, null, null, null, null, null, null)), Severity.ERROR,
                        "dilation_rate", "not supported by Keras or TensorFlow"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void reportsTheProblemWithNumbersAndAFix(String name, Network network, Severity severity, String parameter,
            String message) {
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        assertThat(analysis.diagnostics())
                .anySatisfy(d -> {
                    assertThat(d.severity()).isEqualTo(severity);
                    assertThat(d.parameter()).isEqualTo(parameter);
                    assertThat(d.message()).contains(message);
                    assertThat(d.node()).isNotNull();
                });
    }

    @Test
    void everyProblemInTheNetworkIsReportedAtOnce() {
        Network network = Network.sequential(InputLayerSpec.image(5, 5, 1), Conv2DSpec.of(4, 7));
        network = network.withLayer(InputLayerSpec.vector(3)).withLayer(DenseSpec.of(0));
        network = network.connect(NodeId.of("n3"), NodeId.of("n4"));
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        assertThat(analysis.errors()).hasSize(2);
        assertThat(analysis.node(NodeId.of("n2")).orElseThrow().outputShape()).isNull();
        assertThat(analysis.node(NodeId.of("n3")).orElseThrow().outputShape()).isEqualTo(TensorShape.of(3));
    }

    @Test
    void downstreamOfAnErrorStaysQuiet() {
        Network network = image(5, 5, 1, Conv2DSpec.of(4, 7), FlattenSpec.of(), DenseSpec.of(3));
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        assertThat(analysis.errors()).singleElement().satisfies(d -> assertThat(d.node()).isEqualTo(NodeId.of("n2")));
        assertThat(analysis.node(NodeId.of("n4")).orElseThrow().hasOutput()).isFalse();
    }

    @Test
    void aCycleIsAnErrorOnEachNodeOfTheLoop() {
        Network network = chain(TensorShape.vector(4), DenseSpec.of(4), DenseSpec.of(4), DenseSpec.of(2))
                .connect(NodeId.of("n3"), NodeId.of("n2"));
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        assertThat(analysis.errors()).filteredOn(d -> d.message().contains("is part of a cycle"))
                .extracting(Diagnostic::node).containsExactlyInAnyOrder(NodeId.of("n2"), NodeId.of("n3"));
    }

    @Test
    void anEmptyNetworkIsAnError() {
        assertThat(ShapeInference.analyze(Network.empty()).errors()).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("the network is empty"));
    }

    @Test
    void aNetworkOfOnlyInputsHasNoOutput() {
        assertThat(ShapeInference.analyze(chain(TensorShape.vector(3))).errors())
                .anySatisfy(d -> assertThat(d.message()).contains("the network has no output layer"));
    }

    @Test
    void aLayerWithoutInputIsAnErrorAndAnUnusedInputAWarning() {
        Network network = chain(TensorShape.vector(4), DenseSpec.of(2)).withLayer(DenseSpec.of(3))
                .withLayer(InputLayerSpec.vector(5));
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        assertThat(analysis.errors()).anySatisfy(d -> assertThat(d.message())
                .isEqualTo("'dense_1' has no input; connect the output of an InputLayer or another layer to it"));
        assertThat(analysis.warnings()).anySatisfy(d -> assertThat(d.message())
                .isEqualTo("input 'input_layer_1' is not connected to any layer; connect it or delete it"));
    }

    @Test
    void anInputLayerFedByAnotherLayerIsAnError() {
        Network network = chain(TensorShape.vector(4), DenseSpec.of(2)).withLayer(InputLayerSpec.vector(4))
                .connect(NodeId.of("n1"), NodeId.of("n3"));
        assertThat(ShapeInference.analyze(network).errors())
                .anySatisfy(d -> assertThat(d.message()).contains("an InputLayer takes no inputs"));
    }

    @Test
    void aSingleInputLayerWithTwoInputsIsAnError() {
        Network network = twoBranches(TensorShape.vector(4), TensorShape.vector(4), DenseSpec.of(2));
        assertThat(ShapeInference.analyze(network).errors()).singleElement().satisfies(d -> assertThat(d.message())
                .isEqualTo("Dense takes one input but 2 are connected; join them first with Add or Concatenate"));
    }

    @Test
    void aMergeWithOneInputIsAWarning() {
        Network network = chain(TensorShape.vector(4), new AddSpec());
        assertThat(ShapeInference.analyze(network).warnings())
                .anySatisfy(d -> assertThat(d.message()).contains("Add has only one input"));
    }

    @Test
    void aFrozenLayerCountsItsWeightsAsNonTrainable() {
        Network network = chain(TensorShape.vector(4), DenseSpec.of(3));
        network = network.withNode(network.node(NodeId.of("n2")).withTrainable(false));
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        assertThat(analysis.trainableParams()).isZero();
        assertThat(analysis.nonTrainableParams()).isEqualTo(15);
    }

    @Test
    void theAnalysisNeverThrowsForUnusualNetworks() {
        List<LayerSpec> odd = List.of(Conv2DSpec.of(-3, -1), MaxPooling2DSpec.of(Size2D.square(0)),
                ReshapeSpec.of(0), new ConcatenateSpec(99), DenseSpec.of(Integer.MAX_VALUE));
        for (LayerSpec spec : odd) {
            Network network = Network.sequential(InputLayerSpec.of(TensorShape.of(Integer.MAX_VALUE, 2, 2)), spec);
            NetworkAnalysis analysis = ShapeInference.analyze(network);
            assertThat(analysis.nodes()).hasSize(2);
        }
        LayerNode self = new LayerNode(NodeId.of("x"), "x", DenseSpec.of(1));
        Network loop = Network.of(List.of(self), java.util.Map.of(NodeId.of("x"), List.of(NodeId.of("x"))));
        assertThat(ShapeInference.analyze(loop).errors()).isNotEmpty();
    }
}
