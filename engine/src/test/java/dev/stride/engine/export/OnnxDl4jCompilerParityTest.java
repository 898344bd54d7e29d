package dev.stride.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.dl4j.Dl4jCompilation;
import dev.stride.engine.dl4j.Dl4jCompiler;
import dev.stride.engine.dl4j.Dl4jWeights;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import dev.stride.engine.training.TrainingSettings;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Peer check on the networks Stride really trains: the graph {@link Dl4jCompiler} builds, its weights read by
 * {@link Dl4jWeights}, exported to ONNX with DL4J's own input layout, gives DL4J's outputs in ONNX Runtime
 * (max |difference| &lt; 1e-4), freshly initialised and after a few training steps. Every sample project must
 * compile with its own training settings; a template or hand-made network the compiler refuses for training (an
 * autoencoder ending in Conv2D, say) is skipped with the compiler's reason: OnnxDl4jParityTest covers those.
 */
class OnnxDl4jCompilerParityTest {
    private static final double TOLERANCE = 1e-4;

    static List<ExportFixtures.Named> networks() {
        return ExportFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void onnxRuntimeMatchesTheCompiledDl4jNetwork(ExportFixtures.Named named) throws Exception {
        Dl4jCompilation compilation = Dl4jCompiler.compile(named.network(), named.trainingSettings());
        if (!named.isSample() && refusedAsUntrainable(compilation)) {
            return;
        }
        assertThat(compilation.errors()).isEmpty();
        ComputationGraph graph = compilation.newNetwork();
        randomiseBatchNormStatistics(graph, compilation, named.network());

        assertOnnxMatchesDl4j(named.network(), compilation, graph);
    }

    /**
     * Whether the compiler refused the design, which is then checked instead of the export: the only refusal expected
     * among the templates is a network DL4J cannot train (one ending in a convolution, the autoencoder).
     */
    private static boolean refusedAsUntrainable(Dl4jCompilation compilation) {
        if (compilation.errors().isEmpty()) {
            return false;
        }
        assertThat(compilation.errors()).allSatisfy(error -> assertThat(error.message())
                .contains("must end in a Dense or Activation layer"));
        return true;
    }

    /** DL4J computing in NCHW flattens (C, H, W): the weight reader reorders Dense rows to Keras's (H, W, C). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void onnxRuntimeMatchesTheDl4jNetworkCompiledForNchw(ExportFixtures.Named named) throws Exception {
        Dl4jCompilation compilation = Dl4jCompiler.compile(named.network(), named.trainingSettings(),
                CNN2DFormat.NCHW);
        if (refusedAsUntrainable(compilation)) {
            return;
        }
        ComputationGraph graph = compilation.newNetwork();
        randomiseBatchNormStatistics(graph, compilation, named.network());

        assertOnnxMatchesDl4j(named.network(), compilation, graph);
    }

    @Test
    void onnxRuntimeMatchesTheCompiledNetworkAfterAFewTrainingSteps() throws Exception {
        Network network = ExportFixtures.mnistConvnet();
        Dl4jCompilation compilation = Dl4jCompiler.compile(network, TrainingSettings.defaults());
        ComputationGraph graph = compilation.newNetwork();
        INDArray features = Nd4j.rand(DataType.FLOAT, 16, 28, 28, 1);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 16, 10);
        for (int i = 0; i < 16; i++) {
            labels.putScalar(i, i % 10, 1f);
        }
        INDArray before = graph.params().dup();
        for (int step = 0; step < 5; step++) {
            graph.fit(new org.nd4j.linalg.dataset.DataSet(features, labels));
        }
        assertThat(graph.params().equalsWithEps(before, 1e-6)).as("training changed the weights").isFalse();

        assertOnnxMatchesDl4j(network, compilation, graph);
    }

    private static void assertOnnxMatchesDl4j(Network network, Dl4jCompilation compilation, ComputationGraph graph)
            throws Exception {
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        NetworkWeights weights = Dl4jWeights.read(graph, compilation, network, analysis);
        boolean nhwc = compilation.layout() == CNN2DFormat.NHWC;
        byte[] model = OnnxExporter.export(network, analysis, weights,
                nhwc ? OnnxInputLayout.NHWC : OnnxInputLayout.NCHW);

        TensorShape inputShape = analysis.node(network.sources().get(0)).orElseThrow().outputShape();
        long[] shape = OnnxExporterTest.withBatch(3, nhwc ? OnnxExporterTest.toLongs(inputShape)
                : OnnxExporterTest.nchw(inputShape, network));
        float[] input = OnnxExporterTest.random(Math.toIntExact(3 * inputShape.elementCount()), 13);
        INDArray expected = graph.outputSingle(false, Nd4j.create(input, shape, 'c'));
        OnnxRuntimeHarness.Result onnx = OnnxRuntimeHarness.run(model, input, shape);

        if (expected.rank() == 4 && !nhwc
                && NetworkFormats.dataFormat(network) == dev.stride.engine.model.DataFormat.CHANNELS_LAST) {
            expected = expected.permute(0, 2, 3, 1);
        }
        float[] expectedValues = expected.dup('c').castTo(DataType.FLOAT).data().asFloat();
        assertThat(onnx.shape()).containsExactly(expected.shape());
        double maxDifference = 0;
        for (int i = 0; i < expectedValues.length; i++) {
            maxDifference = Math.max(maxDifference, Math.abs(expectedValues[i] - onnx.values()[i]));
        }
        assertThat(maxDifference).as("max |ONNX − DL4J|").isLessThan(TOLERANCE);
    }

    /** Fresh statistics are mean 0 and variance 1, which would hide a mix-up between them. */
    private static void randomiseBatchNormStatistics(ComputationGraph graph, Dl4jCompilation compilation,
            Network network) {
        for (LayerNode node : network.nodes()) {
            if (!(node.spec() instanceof BatchNormalizationSpec)) {
                continue;
            }
            Layer layer = graph.getLayer(compilation.vertexOf().get(node.id()));
            for (String name : layer.paramTable().keySet()) {
                INDArray param = layer.getParam(name);
                INDArray random = Nd4j.rand(DataType.FLOAT, param.shape());
                switch (name) {
                    case "var", "gamma" -> param.assign(random.addi(0.5));
                    case "log10stdev" -> param.assign(random.muli(0.2).subi(0.05));
                    default -> param.assign(random.subi(0.5));
                }
            }
        }
    }
}
