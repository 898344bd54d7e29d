package dev.stride.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.keras.KerasJsonException;
import dev.stride.engine.keras.KerasModelReader;
import dev.stride.engine.keras.KerasModelWriter;
import dev.stride.engine.model.AllLayers;
import dev.stride.engine.model.Network;
import dev.stride.engine.project.Project;
import dev.stride.engine.project.ProjectFile;
import dev.stride.engine.project.ProjectFileException;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds thousands of random and mutated project files and Keras model JSONs to the readers, the analysis and the
 * writers: every outcome must be a model or the reader's own checked exception, never anything else, never a hang.
 */
class FileFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int FILES_PER_KIND = 6_000;

    private final Random random = new Random(20261123);
    private int accepted;
    private int rejected;

    private static List<String> kerasSeeds() throws Exception {
        List<String> seeds = new ArrayList<>();
        try (InputStream in = FileFuzzTest.class.getResourceAsStream("/keras3/cases.json")) {
            JsonNode root = MAPPER.readTree(in);
            for (JsonNode c : root.get("cases")) {
                if (c.has("model") && seeds.size() < 60) {
                    seeds.add(MAPPER.writeValueAsString(c.get("model")));
                }
            }
        }
        seeds.add(KerasModelWriter.write(AllLayers.network()));
        try (InputStream in = FileFuzzTest.class.getResourceAsStream("/keras2/functional-residual.json")) {
            seeds.add(new String(in.readAllBytes()));
        }
        return seeds;
    }

    @Test
    void mutatedKerasJsonNeverEscapesAsAnException() throws Exception {
        List<String> seeds = kerasSeeds();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < FILES_PER_KIND; i++) {
                String text = mutate(seeds.get(random.nextInt(seeds.size())));
                try {
                    exercise(KerasModelReader.read(text));
                    accepted++;
                } catch (KerasJsonException e) {
                    assertThat(e.getMessage()).isNotBlank();
                    rejected++;
                } catch (Throwable t) {
                    throw new AssertionError("escaped for input:\n" + text, t);
                }
            }
        });
        assertThat(accepted).as("some mutants stay valid").isPositive();
        assertThat(rejected).as("most mutants are rejected cleanly").isPositive();
    }

    @Test
    void mutatedProjectFilesNeverEscapeAsAnException() throws Exception {
        List<String> seeds = List.of(ProjectFile.toJson(Project.of(AllLayers.network())),
                ProjectFile.toJson(Project.of(Network.sequential(
                        dev.stride.engine.model.InputLayerSpec.image(8, 8, 1),
                        dev.stride.engine.model.Conv2DSpec.of(2, 3)))));
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < FILES_PER_KIND; i++) {
                String text = mutate(seeds.get(random.nextInt(seeds.size())));
                try {
                    Project project = ProjectFile.standard().parse(text);
                    exercise(project.network());
                    ProjectFile.toJson(project);
                    accepted++;
                } catch (ProjectFileException e) {
                    assertThat(e.getMessage()).isNotBlank();
                    rejected++;
                } catch (Throwable t) {
                    throw new AssertionError("escaped for input:\n" + text, t);
                }
            }
        });
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    private static void exercise(Network network) throws Exception {
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        analysis.totalParams();
        analysis.activationBytes();
        String written = KerasModelWriter.write(network);
        // What Stride writes, Stride reads back, whatever the design's problems.
        assertThat(KerasModelReader.read(written).nodes()).hasSize(network.size());
    }

    // ---- mutations -----------------------------------------------------------------------------------------

    private String mutate(String seed) throws Exception {
        int rounds = 1 + random.nextInt(3);
        String text = seed;
        for (int r = 0; r < rounds; r++) {
            text = random.nextInt(3) == 0 ? mutateText(text) : mutateTree(text);
        }
        return text;
    }

    private String mutateText(String text) {
        if (text.isEmpty()) {
            return "{";
        }
        int at = random.nextInt(text.length());
        switch (random.nextInt(5)) {
            case 0:
                return text.substring(0, at);
            case 1:
                return text.substring(0, at) + (char) (32 + random.nextInt(95)) + text.substring(at);
            case 2:
                int end = Math.min(text.length(), at + 1 + random.nextInt(40));
                return text.substring(0, at) + text.substring(end);
            case 3:
                int stop = Math.min(text.length(), at + 1 + random.nextInt(60));
                return text.substring(0, stop) + text.substring(at, stop) + text.substring(stop);
            default:
                return "[".repeat(random.nextInt(3000)) + text;
        }
    }

    private String mutateTree(String text) throws Exception {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (Exception e) {
            return mutateText(text);
        }
        if (root == null || !root.isContainerNode()) {
            return text;
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && object.size() > 0) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            String key = keys.get(random.nextInt(keys.size()));
            if (random.nextInt(4) == 0) {
                object.remove(key);
            } else {
                object.set(key, randomValue(object.get(key)));
            }
        } else if (target instanceof ArrayNode array && array.size() > 0) {
            int index = random.nextInt(array.size());
            switch (random.nextInt(3)) {
                case 0 -> array.remove(index);
                case 1 -> array.insert(index, array.get(index).deepCopy());
                default -> array.set(index, randomValue(array.get(index)));
            }
        }
        return MAPPER.writeValueAsString(root);
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            Iterator<JsonNode> children = node.elements();
            while (children.hasNext()) {
                collect(children.next(), out);
            }
        }
    }

    private JsonNode randomValue(JsonNode old) {
        switch (random.nextInt(12)) {
            case 0:
                return JSON.nullNode();
            case 1:
                return JSON.numberNode(random.nextInt(7) - 2);
            case 2:
                return JSON.numberNode(random.nextInt());
            case 3:
                return JSON.numberNode(random.nextDouble() * 4 - 1);
            case 4:
                return JSON.textNode(List.of("same", "valid", "relu", "channels_first", "Conv2D", "Dense", "",
                        "__keras_tensor__", "LSTM", "n1", "input_layer").get(random.nextInt(11)));
            case 5:
                return JSON.booleanNode(random.nextBoolean());
            case 6:
                ArrayNode pair = JSON.arrayNode();
                pair.add(random.nextInt(9) - 1).add(random.nextInt(9) - 1);
                return pair;
            case 7:
                ArrayNode nested = JSON.arrayNode();
                nested.addArray().add(random.nextInt(4)).add(random.nextInt(4));
                nested.addArray().add(random.nextInt(4));
                return nested;
            case 8:
                return JSON.objectNode().set("class_name", JSON.textNode("__keras_tensor__"));
            case 9:
                return old == null ? JSON.objectNode() : JSON.arrayNode().add(old.deepCopy());
            case 10:
                return JSON.numberNode(Double.NaN);
            default:
                ObjectNode object = JSON.objectNode();
                object.put("class_name", "GlorotUniform");
                object.set("config", JSON.objectNode().put("seed", random.nextInt(3) - 1));
                return object;
        }
    }

    @Test
    void purelyRandomTextIsRejectedCleanly() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 500; i++) {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
                try {
                    KerasModelReader.read(text);
                } catch (KerasJsonException expected) {
                    // the only acceptable failure
                }
                try {
                    ProjectFile.standard().parse(text);
                } catch (ProjectFileException expected) {
                    // likewise
                }
            }
        });
    }
}
