package dev.stride.engine.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.bench.TrainingBenchmarkNetworks;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.AveragePooling2DSpec;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.DropoutSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.GlobalAveragePooling2DSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.NodeAnalysis;
import dev.stride.engine.shape.ShapeInference;
import dev.stride.engine.training.TrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DL4J's own shape inference and parameter counts agree with the engine's analysis, layer by layer. */
class Dl4jCompilerParityTest {

    static Stream<Network> namedNetworks() throws IOException {
        List<Network> networks = new ArrayList<>(List.of(TrainingBenchmarkNetworks.lenet().network(),
                TrainingBenchmarkNetworks.stridedNet().network()));
        networks.addAll(samples());
        return networks.stream();
    }

    /** Every sample project shipped in /samples (none until the samples land). */
    private static List<Network> samples() throws IOException {
        Path folder = Path.of("..", "samples").toAbsolutePath().normalize();
        List<Network> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(folder, 3)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".stride")).toList()) {
                found.add(readProject(file));
            }
        }
        return found;
    }

    private static Network readProject(Path file) {
        try {
            return dev.stride.engine.project.ProjectFile.read(file).network();
        } catch (dev.stride.engine.project.ProjectFileException e) {
            throw new AssertionError("sample " + file + " does not open: " + e.getMessage(), e);
        }
    }

    @ParameterizedTest
    @MethodSource("namedNetworks")
    void named_networks_agree_in_both_layouts(Network network) {
        assertParity(network, null);
        assertParity(network, CNN2DFormat.NCHW);
    }

    @Test
    void random_valid_networks_agree() {
        Random random = new Random(20261123);
        int checked = 0;
        for (int attempt = 0; attempt < 400 && checked < 40; attempt++) {
            Network network = randomNetwork(random);
            if (!ShapeInference.analyze(network).isValid()) {
                continue;
            }
            assertParity(network, attempt % 2 == 0 ? null : CNN2DFormat.NCHW);
            checked++;
        }
        assertThat(checked).isEqualTo(40);
    }

    private static void assertParity(Network network, CNN2DFormat layout) {
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        assertThat(analysis.errors()).isEmpty();
        TrainingSettings settings = TrainingSettings.defaults();
        Dl4jCompilation compilation = layout == null ? Dl4jCompiler.compile(network, settings)
                : Dl4jCompiler.compile(network, settings, layout);
        assertThat(compilation.errors()).isEmpty();
        Map<String, InputType> types = compilation.configuration().getLayerActivationTypes(compilation.inputType());
        ComputationGraph graph = compilation.newNetwork();
        long dl4jParams = 0;
        for (LayerNode node : network.nodes()) {
            NodeAnalysis expected = analysis.node(node.id()).orElseThrow();
            String vertex = compilation.vertexOf().get(node.id());
            if (node.spec() instanceof FlattenSpec) {
                // DL4J flattens inside the next Dense; the element count is what must agree.
                assertThat(elements(types.get(vertex))).as(node.name()).isEqualTo(expected.outputShape()
                        .elementCount());
                continue;
            }
            assertThat(shape(types.get(vertex), expected.outputShape()))
                    .as("output shape of %s", node.name()).isEqualTo(expected.outputShape());
            if (!(node.spec() instanceof InputLayerSpec) && graph.getVertex(vertex).hasLayer()) {
                long params = graph.getVertex(vertex).getLayer().numParams();
                assertThat(params).as("parameters of %s", node.name()).isEqualTo(expected.totalParams());
                dl4jParams += params;
            }
        }
        assertThat(graph.numParams()).isEqualTo(dl4jParams).isEqualTo(analysis.totalParams());
    }

    /** DL4J's type in the engine's axis order (the engine's shape says which order the design uses). */
    private static TensorShape shape(InputType type, TensorShape engine) {
        if (type instanceof InputType.InputTypeConvolutional c) {
            boolean channelsFirst = engine.rank() == 3 && engine.dim(0) == c.getChannels()
                    && !(engine.dim(2) == c.getChannels());
            return channelsFirst ? TensorShape.of((int) c.getChannels(), (int) c.getHeight(), (int) c.getWidth())
                    : TensorShape.of((int) c.getHeight(), (int) c.getWidth(), (int) c.getChannels());
        }
        if (type instanceof InputType.InputTypeFeedForward f) {
            return TensorShape.of((int) f.getSize());
        }
        throw new AssertionError("unexpected DL4J type " + type);
    }

    private static long elements(InputType type) {
        return type.arrayElementsPerExample();
    }

    private static Network randomNetwork(Random random) {
        List<LayerSpec> layers = new ArrayList<>();
        int size = 8 + random.nextInt(25);
        layers.add(InputLayerSpec.image(size, size + random.nextInt(5), 1 + random.nextInt(3)));
        int blocks = 1 + random.nextInt(3);
        for (int b = 0; b < blocks; b++) {
            Conv2DSpec conv = Conv2DSpec.of(1 + random.nextInt(8), 1 + random.nextInt(5))
                    .withStrides(Size2D.square(1 + random.nextInt(2)))
                    .withPadding(random.nextBoolean() ? Padding.SAME : Padding.VALID)
                    .withActivation(Activation.RELU);
            if (random.nextInt(4) == 0) {
                conv = conv.withStrides(Size2D.square(1)).withDilationRate(Size2D.square(2));
            }
            layers.add(conv);
            switch (random.nextInt(4)) {
                case 0 -> layers.add(MaxPooling2DSpec.of(Size2D.square(2)));
                case 1 -> layers.add(new AveragePooling2DSpec(Size2D.square(2), null,
                        random.nextBoolean() ? Padding.SAME : Padding.VALID,
                        dev.stride.engine.model.DataFormat.CHANNELS_LAST));
                case 2 -> layers.add(BatchNormalizationSpec.of());
                default -> layers.add(DropoutSpec.of(0.3));
            }
        }
        layers.add(random.nextBoolean() ? FlattenSpec.of() : GlobalAveragePooling2DSpec.of());
        if (random.nextBoolean()) {
            layers.add(DenseSpec.of(4 + random.nextInt(30), Activation.RELU));
        }
        layers.add(DenseSpec.of(2 + random.nextInt(9), Activation.SOFTMAX));
        return Network.sequential(layers.toArray(LayerSpec[]::new));
    }
}
