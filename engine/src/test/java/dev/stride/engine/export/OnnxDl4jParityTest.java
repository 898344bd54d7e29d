package dev.stride.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.dl4j.Dl4jWeights;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import dev.stride.engine.training.TrainingSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Peer check: ONNX Runtime running Stride's ONNX export gives DL4J's outputs (max |difference| < 1e-4) on the same
 * inputs, for every network, freshly initialised (with non-trivial BatchNorm statistics) and after a few training
 * steps. The DL4J graph is built by compiling and running the generated DL4J Java code, so this also proves that
 * code compiles and builds the design.
 */
class OnnxDl4jParityTest {
    private static final double TOLERANCE = 1e-4;

    private static ClassLoader generatedClasses;

    static List<ExportFixtures.Named> networks() {
        return ExportFixtures.all();
    }

    @BeforeAll
    static void compileTheGeneratedDl4jCodeOfEveryNetwork(@TempDir Path dir) throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        for (ExportFixtures.Named named : networks()) {
            String className = Dl4jJavaCodeGenerator.className(named.name());
            sources.put(className, Dl4jJavaCodeGenerator.generate(named.network(),
                    ShapeInference.analyze(named.network()), TrainingSettings.defaults(), className));
        }
        generatedClasses = JavaSourceCompiler.compile(dir, sources);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void onnxRuntimeMatchesDl4jOnAFreshlyInitialisedNetwork(ExportFixtures.Named named) throws Exception {
        Network network = named.network();
        ComputationGraph graph = dl4jGraph(named.name());
        randomiseBatchNormStatistics(graph, network);

        assertOnnxMatchesDl4j(network, graph);
    }

    @Test
    void onnxRuntimeMatchesDl4jAfterAFewTrainingSteps() throws Exception {
        Network network = ExportFixtures.stridedSame();
        ComputationGraph graph = dl4jGraph("strided-same");
        INDArray features = Nd4j.rand(DataType.FLOAT, 16, 3, 13, 13);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 16, 5);
        for (int i = 0; i < 16; i++) {
            labels.putScalar(i, i % 5, 1f);
        }
        INDArray before = graph.params().dup();
        for (int step = 0; step < 5; step++) {
            graph.fit(new org.nd4j.linalg.dataset.DataSet(features, labels));
        }
        assertThat(graph.params().equalsWithEps(before, 1e-6)).as("training changed the weights").isFalse();

        assertOnnxMatchesDl4j(network, graph);
    }

    private static void assertOnnxMatchesDl4j(Network network, ComputationGraph graph) throws Exception {
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        NetworkWeights weights = Dl4jWeights.read(graph, network, analysis);
        byte[] model = OnnxExporter.export(network, analysis, weights, OnnxInputLayout.NCHW);

        TensorShape inputShape = analysis.node(network.sources().get(0)).orElseThrow().outputShape();
        long[] nchw = OnnxExporterTest.withBatch(3, OnnxExporterTest.nchw(inputShape, network));
        float[] input = OnnxExporterTest.random(Math.toIntExact(3 * inputShape.elementCount()), 11);
        INDArray dl4jOutput = graph.outputSingle(false, Nd4j.create(input, nchw, 'c'));
        OnnxRuntimeHarness.Result onnx = OnnxRuntimeHarness.run(model, input, nchw);

        INDArray expected = dl4jOutput;
        if (expected.rank() == 4 && NetworkFormats.dataFormat(network) == DataFormat.CHANNELS_LAST) {
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

    private static ComputationGraph dl4jGraph(String name) throws Exception {
        Class<?> generated = generatedClasses.loadClass(Dl4jJavaCodeGenerator.className(name));
        ComputationGraphConfiguration configuration =
                (ComputationGraphConfiguration) generated.getMethod("configuration").invoke(null);
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        return graph;
    }

    /** Fresh statistics are mean 0 and variance 1, which would hide a mix-up between them. */
    private static void randomiseBatchNormStatistics(ComputationGraph graph, Network network) {
        for (LayerNode node : network.nodes()) {
            if (!(node.spec() instanceof BatchNormalizationSpec)) {
                continue;
            }
            Layer layer = graph.getLayer(node.name());
            INDArray mean = layer.getParam("mean");
            mean.assign(Nd4j.rand(DataType.FLOAT, mean.shape()).subi(0.5));
            if (layer.paramTable().containsKey("var")) {
                INDArray variance = layer.getParam("var");
                variance.assign(Nd4j.rand(DataType.FLOAT, variance.shape()).addi(0.5));
            } else {
                INDArray logStd = layer.getParam("log10stdev");
                logStd.assign(Nd4j.rand(DataType.FLOAT, logStd.shape()).muli(0.2).subi(0.05));
            }
            INDArray gamma = layer.getParam("gamma");
            gamma.assign(Nd4j.rand(DataType.FLOAT, gamma.shape()).addi(0.5));
            INDArray beta = layer.getParam("beta");
            beta.assign(Nd4j.rand(DataType.FLOAT, beta.shape()).subi(0.5));
        }
    }
}
