package dev.stride.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds `stride summary --json` against Keras 3 itself: every case in keras3/cases.json was built by real Keras
 * (tools/keras-fixtures/generate.py), which recorded its model JSON and what Keras reports per layer, or the error
 * Keras raised. Stride must agree on every shape and parameter count, and reject what Keras rejects.
 */
class KerasGroundTruthTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path folder;

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = KerasGroundTruthTest.class.getResourceAsStream("/keras3/cases.json")) {
            JsonNode root = MAPPER.readTree(in);
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                cases.add(Arguments.of(c.get("id").asText() + " " + describe(c.get("case")), c));
            }
            return cases.stream();
        }
    }

    private static String describe(JsonNode c) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode layer : c.get("layers")) {
            sb.append(layer.get(0).asText()).append(layer.get(1).toString()).append(' ');
        }
        return sb.append("on ").append(c.get("inputs")).toString();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run summary(JsonNode model, String id) throws IOException {
        Path file = folder.resolve(id + ".json");
        Files.writeString(file, MAPPER.writeValueAsString(model));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StrideCli.run(new String[] {"summary", "--json", file.toString()}, new PrintWriter(out),
                new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithKeras(String name, JsonNode c) throws IOException {
        String id = c.get("id").asText();
        if (c.has("error")) {
            Run run = summary(hypotheticalModel(c.get("case")), id);
            assertThat(run.exit()).as("Keras said: %s%nStride printed: %s", c.get("error").asText(), run.out())
                    .isEqualTo(2);
            assertThat(run.err()).startsWith("error: ").doesNotContain("Exception");
            return;
        }
        Run run = summary(c.get("model"), id);
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode actual = MAPPER.readTree(run.out());
        JsonNode expected = c.get("expected");
        assertThat(actual.get("layers")).hasSize(expected.size());
        long total = 0;
        long trainable = 0;
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            JsonNode a = actual.get("layers").get(i);
            assertThat(a.get("name")).isEqualTo(e.get("name"));
            assertThat(a.get("type")).isEqualTo(e.get("type"));
            assertThat(a.get("output_shape")).as("output shape of %s", e.get("name")).isEqualTo(e.get("output_shape"));
            assertThat(a.get("params").asLong()).as("params of %s", e.get("name")).isEqualTo(e.get("params").asLong());
            assertThat(a.get("trainable_params").asLong()).isEqualTo(e.get("trainable_params").asLong());
            total += e.get("params").asLong();
            trainable += e.get("trainable_params").asLong();
        }
        assertThat(actual.get("total_params").asLong()).isEqualTo(total);
        assertThat(actual.get("trainable_params").asLong()).isEqualTo(trainable);
        assertThat(actual.get("non_trainable_params").asLong()).isEqualTo(total - trainable);
    }

    /** What model.to_json() would have written had Keras accepted the configuration. */
    private static JsonNode hypotheticalModel(JsonNode c) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode model = f.objectNode();
        boolean sequential = c.get("kind").asText().equals("sequential");
        model.put("class_name", sequential ? "Sequential" : "Functional");
        ObjectNode config = model.putObject("config");
        ArrayNode layers = config.putArray("layers");
        List<String> inputNames = new ArrayList<>();
        int index = 0;
        for (JsonNode shape : c.get("inputs")) {
            ObjectNode input = layers.addObject();
            input.put("class_name", "InputLayer");
            String name = "input_" + index++;
            inputNames.add(name);
            input.put("name", name);
            ObjectNode inputConfig = input.putObject("config");
            inputConfig.put("name", name);
            ArrayNode batchShape = inputConfig.putArray("batch_shape").addNull();
            shape.forEach(batchShape::add);
            input.putArray("inbound_nodes");
        }
        String previous = null;
        int layerIndex = 0;
        for (JsonNode layerCase : c.get("layers")) {
            ObjectNode layer = layers.addObject();
            layer.put("class_name", layerCase.get(0).asText());
            String name = "layer_" + layerIndex++;
            layer.put("name", name);
            ObjectNode layerConfig = ((ObjectNode) layerCase.get(1)).deepCopy();
            layerConfig.put("name", name);
            layer.set("config", layerConfig);
            ArrayNode call = layer.putArray("inbound_nodes").addArray();
            for (String source : previous == null ? inputNames : List.of(previous)) {
                call.addArray().add(source).add(0).add(0).addObject();
            }
            previous = name;
        }
        return model;
    }
}
