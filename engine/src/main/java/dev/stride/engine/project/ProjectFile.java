package dev.stride.engine.project;

import dev.stride.engine.export.AtomicFiles;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.keras.KerasJsonException;
import dev.stride.engine.keras.KerasLayerCodec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@code *.stride} project files: JSON with {@code "format": "stride-project"} and a
 * {@code "formatVersion"}; layers are stored under their Keras class names with Keras-style configs, older versions
 * are migrated on the JSON tree before binding, and writes are atomic (temporary file, then a move).
 */
public final class ProjectFile {
    /** The value of the {@code "format"} field. */
    public static final String FORMAT = "stride-project";
    /** The version this Stride writes. */
    public static final int CURRENT_VERSION = 1;
    /** The usual file name extension. */
    public static final String EXTENSION = ".stride";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final int currentVersion;
    private final List<ProjectMigration> migrations;

    private ProjectFile(int currentVersion, List<ProjectMigration> migrations) {
        this.currentVersion = currentVersion;
        this.migrations = List.copyOf(migrations);
    }

    /** The project file format of this Stride version, with every migration from older versions. */
    public static ProjectFile standard() {
        return new ProjectFile(CURRENT_VERSION, List.of());
    }

    /** A format with a different current version and migrations, for testing the migration machinery. */
    static ProjectFile withMigrations(int currentVersion, List<ProjectMigration> migrations) {
        return new ProjectFile(currentVersion, migrations);
    }

    public static Project read(Path file) throws ProjectFileException {
        return standard().load(file);
    }

    public static void write(Project project, Path file) throws ProjectFileException {
        standard().save(project, file);
    }

    public Project load(Path file) throws ProjectFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ProjectFileException("cannot read " + file + ": " + describe(e), e);
        }
        try {
            return parse(text);
        } catch (ProjectFileException e) {
            throw new ProjectFileException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    /** Parses project JSON text; errors name the JSON place, e.g. {@code network.layers[2].type}. */
    public Project parse(String text) throws ProjectFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProjectFileException("not valid JSON: " + e.getOriginalMessage() + " (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()) + ")", e);
        }
        try {
            return bind(root);
        } catch (ProjectFileException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new ProjectFileException("malformed project (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    private Project bind(JsonNode root) throws ProjectFileException {
        if (root == null || !root.isObject()) {
            throw new ProjectFileException("a project must be a JSON object with \"format\": \"" + FORMAT + "\"");
        }
        ObjectNode tree = ((ObjectNode) root).deepCopy();
        if (!FORMAT.equals(tree.path("format").asText(null))) {
            throw new ProjectFileException("\"format\" must be \"" + FORMAT + "\", got "
                    + tree.path("format").toString() + "; is this a Stride project?");
        }
        JsonNode versionNode = tree.get("formatVersion");
        if (versionNode == null || !versionNode.canConvertToInt() || !versionNode.isIntegralNumber()) {
            throw new ProjectFileException("\"formatVersion\" must be a whole number, got "
                    + (versionNode == null ? "nothing" : versionNode.toString()));
        }
        int version = versionNode.asInt();
        if (version > currentVersion) {
            throw new ProjectFileException("\"formatVersion\" " + version + " is newer than this Stride"
                    + " understands (up to " + currentVersion + "); update Stride to open it");
        }
        if (version < 1) {
            throw new ProjectFileException("\"formatVersion\" " + version + " is not a valid version (the first is 1)");
        }
        while (version < currentVersion) {
            ProjectMigration migration = migrationFrom(version);
            migration.migrate(tree);
            version++;
            tree.put("formatVersion", version);
        }
        Network network = network(tree.get("network"));
        return new Project(network, layout(tree.get("layout"), network), object(tree, "training"),
                object(tree, "dataset"), notes(tree.get("notes")));
    }

    private ProjectMigration migrationFrom(int version) throws ProjectFileException {
        for (ProjectMigration migration : migrations) {
            if (migration.fromVersion() == version) {
                return migration;
            }
        }
        throw new ProjectFileException("no migration from formatVersion " + version + " to " + (version + 1));
    }

    private static ObjectNode object(ObjectNode tree, String key) throws ProjectFileException {
        JsonNode value = tree.get(key);
        if (value == null || value.isNull()) {
            return JSON.objectNode();
        }
        if (!value.isObject()) {
            throw new ProjectFileException("\"" + key + "\" must be an object, got " + abbreviate(value));
        }
        return (ObjectNode) value;
    }

    private static String notes(JsonNode value) throws ProjectFileException {
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new ProjectFileException("\"notes\" must be text, got " + abbreviate(value));
        }
        return value.asText();
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static Network network(JsonNode value) throws ProjectFileException {
        if (value == null || !value.isObject()) {
            throw new ProjectFileException("\"network\" must be an object with \"layers\"");
        }
        JsonNode layers = value.get("layers");
        if (layers == null || !layers.isArray()) {
            throw new ProjectFileException("network.layers must be a list");
        }
        List<LayerNode> nodes = new ArrayList<>();
        Map<NodeId, List<String>> inputIds = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            String place = "network.layers[" + i + "]";
            JsonNode layer = layers.get(i);
            if (!layer.isObject()) {
                throw new ProjectFileException(place + " must be an object");
            }
            String id = text(layer, "id", place);
            String type = text(layer, "type", place);
            String name = text(layer, "name", place);
            if (!ids.add(id)) {
                throw new ProjectFileException(place + ".id: \"" + id + "\" is used by two layers");
            }
            if (!names.add(name)) {
                throw new ProjectFileException(place + ".name: \"" + name + "\" is used by two layers");
            }
            if (KerasLayerCodec.canonicalClassName(type) == null) {
                throw new ProjectFileException(place + ".type: unknown layer type '" + type + "'; known types: "
                        + String.join(", ", KerasLayerCodec.SUPPORTED));
            }
            LayerSpec spec;
            try {
                spec = KerasLayerCodec.fromConfig(type, layer.get("config"), place + ".config");
            } catch (KerasJsonException e) {
                throw new ProjectFileException(e.getMessage(), e);
            }
            JsonNode trainable = layer.get("trainable");
            if (trainable != null && !trainable.isBoolean()) {
                throw new ProjectFileException(place + ".trainable must be true or false");
            }
            NodeId nodeId = new NodeId(id);
            nodes.add(new LayerNode(nodeId, name, spec, trainable == null || trainable.asBoolean()));
            List<String> from = new ArrayList<>();
            JsonNode inputs = layer.get("inputs");
            if (inputs != null && !inputs.isNull()) {
                if (!inputs.isArray()) {
                    throw new ProjectFileException(place + ".inputs must be a list of layer ids");
                }
                for (JsonNode input : inputs) {
                    if (!input.isTextual() || input.asText().isBlank()) {
                        throw new ProjectFileException(place + ".inputs must contain layer ids, got "
                                + abbreviate(input));
                    }
                    from.add(input.asText());
                }
            }
            inputIds.put(nodeId, from);
        }
        Map<NodeId, List<NodeId>> inputs = new HashMap<>();
        int index = 0;
        for (Map.Entry<NodeId, List<String>> entry : inputIds.entrySet()) {
            List<NodeId> from = new ArrayList<>();
            for (String id : entry.getValue()) {
                if (!ids.contains(id)) {
                    throw new ProjectFileException("network.layers[" + index + "].inputs: no layer has the id \""
                            + id + "\"");
                }
                from.add(new NodeId(id));
            }
            inputs.put(entry.getKey(), from);
            index++;
        }
        return Network.of(nodes, inputs);
    }

    private static String text(JsonNode layer, String key, String place) throws ProjectFileException {
        JsonNode value = layer.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ProjectFileException(place + "." + key + " must be non-empty text");
        }
        return value.asText();
    }

    private static Map<NodeId, NodePosition> layout(JsonNode value, Network network) throws ProjectFileException {
        Map<NodeId, NodePosition> positions = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return positions;
        }
        if (!value.isObject()) {
            throw new ProjectFileException("\"layout\" must be an object");
        }
        JsonNode nodes = value.get("nodes");
        if (nodes == null || nodes.isNull()) {
            return positions;
        }
        if (!nodes.isObject()) {
            throw new ProjectFileException("layout.nodes must be an object mapping layer ids to {\"x\", \"y\"}");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = nodes.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String place = "layout.nodes." + field.getKey();
            JsonNode position = field.getValue();
            if (!position.path("x").isNumber() || !position.path("y").isNumber()) {
                throw new ProjectFileException(place + " must be {\"x\": number, \"y\": number}");
            }
            NodeId id = new NodeId(field.getKey().isBlank() ? "?" : field.getKey());
            if (network.contains(id)) {
                // Positions of deleted nodes are dropped rather than failing the whole project.
                positions.put(id, new NodePosition(position.get("x").asDouble(), position.get("y").asDouble()));
            }
        }
        return positions;
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    /** The project as a JSON tree in the current format. */
    public static ObjectNode toTree(Project project) {
        ObjectNode root = JSON.objectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", CURRENT_VERSION);
        ObjectNode network = root.putObject("network");
        ArrayNode layers = network.putArray("layers");
        for (LayerNode node : project.network().nodes()) {
            ObjectNode layer = layers.addObject();
            layer.put("id", node.id().value());
            layer.put("type", node.spec().kerasClassName());
            layer.put("name", node.name());
            layer.put("trainable", node.trainable());
            ArrayNode inputs = layer.putArray("inputs");
            project.network().inputsOf(node.id()).forEach(id -> inputs.add(id.value()));
            layer.set("config", KerasLayerCodec.toConfig(node.spec()));
        }
        // Positions in the network's node order, so the same project always writes the same bytes.
        ObjectNode nodes = root.putObject("layout").putObject("nodes");
        for (LayerNode node : project.network().nodes()) {
            NodePosition position = project.layout().get(node.id());
            if (position != null) {
                nodes.putObject(node.id().value()).put("x", position.x()).put("y", position.y());
            }
        }
        root.set("training", project.training());
        root.set("dataset", project.dataset());
        root.put("notes", project.notes());
        return root;
    }

    public static String toJson(Project project) {
        try {
            return MAPPER.writeValueAsString(toTree(project)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a project tree always serialises", e);
        }
    }

    /** Writes atomically: a temporary file in the same folder, then a move over the target. */
    public void save(Project project, Path file) throws ProjectFileException {
        writeAtomically(file, toJson(project));
    }

    /** Writes text to {@code file} through a temporary sibling and an atomic move, so a crash never leaves half a file. */
    public static void writeAtomically(Path file, String text) throws ProjectFileException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            // A project goes where the user chose: a missing folder is a mistake to report, not to create.
            throw new ProjectFileException("cannot write " + file + ": the folder " + folder + " does not exist");
        }
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new ProjectFileException("cannot write " + file + ": " + describe(e), e);
        }
    }
}
