package dev.stride.engine.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.model.AddSpec;
import dev.stride.engine.model.AllLayers;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KerasJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String resource(String name) throws IOException {
        try (InputStream in = KerasJsonTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The generated case the Keras 2 fixtures were converted from (tools/keras-fixtures/to_keras2.py). */
    private static JsonNode keras3Case(String kind, int layers) throws IOException {
        for (JsonNode c : MAPPER.readTree(resource("/keras3/cases.json")).get("cases")) {
            if (c.get("case").get("kind").asText().equals(kind) && c.get("case").get("layers").size() == layers
                    && c.has("model")) {
                return c;
            }
        }
        throw new AssertionError(kind);
    }

    /** Compares a network's analysis with what Keras 3 reported for the same model, layer by layer. */
    private static void assertMatchesKeras(Network network, JsonNode expected, boolean skipInput) {
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        assertThat(analysis.errors()).isEmpty();
        List<LayerNode> nodes = network.nodes().subList(skipInput ? 1 : 0, network.size());
        assertThat(nodes).hasSize(expected.size());
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode e = expected.get(i);
            LayerNode node = nodes.get(i);
            assertThat(node.name()).isEqualTo(e.get("name").asText());
            TensorShape shape = analysis.node(node.id()).orElseThrow().outputShape();
            JsonNode actualShape = MAPPER.valueToTree(shape.dims());
            assertThat(actualShape).isEqualTo(e.get("output_shape"));
            assertThat(analysis.node(node.id()).orElseThrow().totalParams()).isEqualTo(e.get("params").asLong());
        }
    }

    @Test
    void readsKeras2FunctionalWithListStyleInboundNodes() throws IOException, KerasJsonException {
        KerasModel model = KerasModelReader.readModel(resource("/keras2/functional-residual.json"));
        assertThat(model.sequential()).isFalse();
        Network network = model.network();
        LayerNode add = network.nodes().stream().filter(n -> n.spec() instanceof AddSpec).findFirst().orElseThrow();
        assertThat(network.inputsOf(add.id())).extracting(id -> network.node(id).spec().kerasClassName())
                .containsExactly("Conv2D", "BatchNormalization");
        assertMatchesKeras(network, keras3Case("residual", 0).get("expected"), false);
    }

    @Test
    void readsKeras2SequentialWithAnInputLayer() throws IOException, KerasJsonException {
        KerasModel model = KerasModelReader.readModel(resource("/keras2/sequential-mnist-convnet.json"));
        assertThat(model.sequential()).isTrue();
        assertMatchesKeras(model.network(), keras3Case("sequential", 7).get("expected"), true);
        assertThat(ShapeInference.analyze(model.network()).totalParams()).isEqualTo(34_826);
    }

    @Test
    void readsLegacySequentialWithBatchInputShapeOnTheFirstLayer() throws IOException, KerasJsonException {
        Network network = KerasModelReader.read(resource("/keras2/sequential-legacy-no-input.json"));
        assertThat(network.nodes().get(0).spec()).isEqualTo(InputLayerSpec.image(28, 28, 1));
        assertMatchesKeras(network, keras3Case("sequential", 7).get("expected"), true);
    }

    @Test
    void readsKeras3SequentialWithoutInputLayerFromItsBuildConfig() throws KerasJsonException {
        String json = "{\"module\":\"keras\",\"class_name\":\"Sequential\",\"config\":{\"name\":\"s\",\"layers\":["
                + "{\"module\":\"keras.layers\",\"class_name\":\"Dense\",\"config\":{\"name\":\"d\",\"units\":3},"
                + "\"build_config\":{\"input_shape\":[null,5]}}],\"build_input_shape\":[null,5]}}";
        Network network = KerasModelReader.read(json);
        assertThat(network.nodes().get(0).spec()).isEqualTo(InputLayerSpec.vector(5));
        assertThat(ShapeInference.analyze(network).totalParams()).isEqualTo(18);
    }

    @Test
    void roundTripIsLosslessForEveryLayerKind() throws KerasJsonException {
        Network network = AllLayers.network();
        String json = KerasModelWriter.write(network);
        Network back = KerasModelReader.read(json);
        assertThat(back.nodes()).extracting(LayerNode::name).isEqualTo(network.nodes().stream().map(LayerNode::name).toList());
        for (LayerNode node : network.nodes()) {
            LayerNode copy = back.findByName(node.name()).orElseThrow();
            assertThat(copy.spec()).isEqualTo(node.spec());
            assertThat(copy.trainable()).isEqualTo(node.trainable());
            assertThat(back.inputsOf(copy.id())).extracting(id -> back.node(id).name())
                    .isEqualTo(network.inputsOf(node.id()).stream().map(id -> network.node(id).name()).toList());
        }
        assertThat(KerasModelWriter.write(back)).isEqualTo(json);
    }

    @Test
    void everyKeras3ModelSurvivesReadWriteRead() throws IOException, KerasJsonException {
        int models = 0;
        for (JsonNode c : MAPPER.readTree(resource("/keras3/cases.json")).get("cases")) {
            if (!c.has("model")) {
                continue;
            }
            Network first = KerasModelReader.read(MAPPER.writeValueAsString(c.get("model")));
            Network second = KerasModelReader.read(KerasModelWriter.write(first));
            assertThat(second).as(c.get("id").asText()).isEqualTo(first);
            models++;
        }
        assertThat(models).isGreaterThan(400);
    }

    @Test
    void aChainIsWrittenAsSequentialAndABranchAsFunctional() {
        Network chain = Network.sequential(InputLayerSpec.image(8, 8, 1), Conv2DSpec.of(2, 3));
        assertThat(KerasModelWriter.toTree(chain).get("class_name").asText()).isEqualTo("Sequential");
        assertThat(KerasModelWriter.toTree(AllLayers.network()).get("class_name").asText()).isEqualTo("Functional");
        JsonNode add = KerasModelWriter.toTree(AllLayers.network()).get("config").get("layers").get(9);
        assertThat(add.get("inbound_nodes").get(0).get("args").get(0)).hasSize(2);
        assertThat(add.get("inbound_nodes").get(0).get("args").get(0).get(0).get("config").get("keras_history")
                .get(0).asText()).isEqualTo("max");
    }

    @Test
    void unsupportedLayersAreNamed() {
        String json = "{\"class_name\":\"Sequential\",\"config\":{\"layers\":[{\"class_name\":\"InputLayer\","
                + "\"config\":{\"batch_shape\":[null,4,3]}},{\"class_name\":\"LSTM\",\"config\":{\"name\":\"lstm\","
                + "\"units\":3}}]}}";
        assertThatThrownBy(() -> KerasModelReader.read(json))
                .hasMessageStartingWith("layer 'lstm': unsupported layer type 'LSTM'; Stride supports");
    }

    @Test
    void sharedLayersAndMultiOutputTensorsAreRefusedClearly() {
        String shared = "{\"class_name\":\"Functional\",\"config\":{\"layers\":[{\"class_name\":\"InputLayer\","
                + "\"name\":\"i\",\"config\":{\"batch_input_shape\":[null,4]},\"inbound_nodes\":[]},"
                + "{\"class_name\":\"Dense\",\"name\":\"d\",\"config\":{\"units\":4},\"inbound_nodes\":"
                + "[[[\"i\",0,0,{}]],[[\"d\",0,0,{}]]]}]}}";
        assertThatThrownBy(() -> KerasModelReader.read(shared)).hasMessageContaining("called 2 times (a shared layer)");
        String second = shared.replace("[[[\"i\",0,0,{}]],[[\"d\",0,0,{}]]]", "[[[\"i\",0,1,{}]]]");
        assertThatThrownBy(() -> KerasModelReader.read(second)).hasMessageContaining("uses output 1 of layer 'i'");
    }

    @Test
    void aSequentialWithoutAnyInputShapeSaysHowToFixIt() {
        String json = "{\"class_name\":\"Sequential\",\"config\":{\"layers\":[{\"class_name\":\"Dense\","
                + "\"config\":{\"units\":3}}]}}";
        assertThatThrownBy(() -> KerasModelReader.read(json)).hasMessageContaining("does not say its input shape")
                .hasMessageContaining("add an InputLayer");
    }

    @Test
    void badParameterValuesNameTheLayerAndKey() {
        String json = "{\"class_name\":\"Sequential\",\"config\":{\"layers\":[{\"class_name\":\"InputLayer\","
                + "\"config\":{\"batch_shape\":[null,8,8,1]}},{\"class_name\":\"Conv2D\",\"config\":{\"name\":\"c\","
                + "\"filters\":2,\"kernel_size\":[3,3,3]}}]}}";
        assertThatThrownBy(() -> KerasModelReader.read(json)).hasMessage(
                "layer 'c' (Conv2D): \"kernel_size\" must be an integer or a list of 2 integers, got [3,3,3]");
        assertThatThrownBy(() -> KerasModelReader.read("{\"class_name\": 5}"))
                .hasMessageContaining("needs \"class_name\"");
        assertThatThrownBy(() -> KerasModelReader.read("not json")).hasMessageStartingWith("not valid JSON");
    }

    @Test
    void dynamicDimensionsStayUnknown() throws KerasJsonException {
        String json = "{\"class_name\":\"Sequential\",\"config\":{\"layers\":[{\"class_name\":\"InputLayer\","
                + "\"config\":{\"batch_shape\":[1,7,null,5]}},{\"class_name\":\"Cropping2D\",\"config\":{"
                + "\"cropping\":[[1,2],[3,4]]}}]}}";
        Network network = KerasModelReader.read(json);
        assertThat(ShapeInference.analyze(network).node(NodeId.of("n2")).orElseThrow().outputShape())
                .isEqualTo(TensorShape.of(4, TensorShape.UNKNOWN, 5));
        assertThat(((InputLayerSpec) network.nodes().get(0).spec()).batchSize()).isEqualTo(1);
    }
}
