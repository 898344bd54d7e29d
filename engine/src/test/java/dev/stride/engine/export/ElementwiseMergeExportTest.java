package dev.stride.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.stride.engine.dl4j.Dl4jCompilation;
import dev.stride.engine.dl4j.Dl4jCompiler;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.AverageSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.MaximumSpec;
import dev.stride.engine.model.MinimumSpec;
import dev.stride.engine.model.MultiplySpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.SubtractSpec;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import dev.stride.engine.training.TrainingSettings;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Subtract, Multiply, Average, Maximum and Minimum through the exporters: ONNX computes what Keras computes, the
 * code generators name the operation, and DL4J training refuses them with a diagnostic that names the layer.
 */
class ElementwiseMergeExportTest {
    private static final float[] INPUT = {-2f, -0.5f, 0f, 0.75f, 3f, -1f};

    static Stream<Arguments> merges() {
        return Stream.of(
                Arguments.of(new SubtractSpec(), (DoubleBinaryOperator) (x, r) -> x - r,
                        "merge = features - relu"),
                Arguments.of(new MultiplySpec(), (DoubleBinaryOperator) (x, r) -> x * r,
                        "merge = features * relu"),
                Arguments.of(new AverageSpec(), (DoubleBinaryOperator) (x, r) -> (x + r) / 2,
                        "merge = (features + relu) / 2"),
                Arguments.of(new MaximumSpec(), (DoubleBinaryOperator) Math::max,
                        "merge = torch.maximum(features, relu)"),
                Arguments.of(new MinimumSpec(), (DoubleBinaryOperator) Math::min,
                        "merge = torch.minimum(features, relu)"));
    }

    /** input → relu; merge(input, relu(input)): the merge sees two different tensors of the same shape. */
    private static Network network(LayerSpec merge) {
        return Network.of(List.of(
                        new LayerNode(NodeId.of("in"), "features", InputLayerSpec.vector(INPUT.length)),
                        new LayerNode(NodeId.of("relu"), "relu", ActivationSpec.of(Activation.RELU)),
                        new LayerNode(NodeId.of("merge"), "merge", merge)),
                Map.of(NodeId.of("relu"), List.of(NodeId.of("in")),
                        NodeId.of("merge"), List.of(NodeId.of("in"), NodeId.of("relu"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void onnxComputesTheKerasOperation(LayerSpec merge, DoubleBinaryOperator keras, String torch) throws Exception {
        Network network = network(merge);
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        byte[] model = OnnxExporter.export(network, analysis, InitialWeights.generate(network, analysis, 7),
                OnnxInputLayout.NCHW);

        OnnxRuntimeHarness.Result result = OnnxRuntimeHarness.run(model, INPUT, 1, INPUT.length);

        assertThat(result.shape()).containsExactly(1, INPUT.length);
        for (int i = 0; i < INPUT.length; i++) {
            double x = INPUT[i];
            assertThat((double) result.values()[i]).as("element %d", i)
                    .isCloseTo(keras.applyAsDouble(x, Math.max(0, x)), offset(1e-6));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void pytorchAndKerasCodeNameTheOperation(LayerSpec merge, DoubleBinaryOperator keras, String torch) {
        Network network = network(merge);
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        String python = PyTorchCodeGenerator.generate(network, analysis, TrainingSettings.defaults(), "MergeNet");
        String kerasCode = KerasCodeGenerator.generate(network, analysis, TrainingSettings.defaults(), "MergeNet");

        assertThat(python).contains(torch);
        assertThat(kerasCode)
                .contains("merge = layers." + merge.kerasClassName() + "(name=\"merge\")([features, relu])");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void dl4jTrainingRefusesItWithADiagnosticNamingTheLayer(LayerSpec merge, DoubleBinaryOperator keras,
            String torch) {
        Network network = network(merge).withNode(new LayerNode(NodeId.of("out"), "out",
                DenseSpec.of(2, Activation.SOFTMAX))).connect(NodeId.of("merge"), NodeId.of("out"));

        Dl4jCompilation compilation = Dl4jCompiler.compile(network, TrainingSettings.defaults());

        assertThat(compilation.errors()).anySatisfy(d -> assertThat(d.message()).isEqualTo("layer 'merge' ("
                + merge.kerasClassName() + ") is not supported by training yet; replace it with a supported layer"
                + " to train in Stride"));
        assertThat(compilation.configurationIfAny()).isEmpty();
    }
}
