package dev.stride.engine.keras;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.KerasNames;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.TensorShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Keras model JSON ({@code model.to_json()}, or the config.json inside a .keras file) into a
 * {@link Network}: Keras 2 and 3, Sequential and Functional. Every failure is a {@link KerasJsonException} whose
 * message names the layer or JSON place; nothing else escapes.
 */
public final class KerasModelReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private KerasModelReader() {
    }

    public static Network read(Path file) throws KerasJsonException {
        return readModel(file).network();
    }

    /** Reads the model with its name and kind. */
    public static KerasModel readModel(Path file) throws KerasJsonException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            throw new KerasJsonException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return readModel(text);
    }

    public static Network read(String json) throws KerasJsonException {
        return readModel(json).network();
    }

    public static KerasModel readModel(String json) throws KerasJsonException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new KerasJsonException("not valid JSON: " + e.getOriginalMessage() + " (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")", e);
        }
        return modelFromTree(root);
    }

    /** True if the JSON tree looks like a Keras model (so the CLI can tell it from a Stride project). */
    public static boolean looksLikeKerasModel(JsonNode root) {
        JsonNode model = unwrap(root);
        return model != null && model.path("class_name").isTextual() && model.has("config");
    }

    public static Network fromTree(JsonNode root) throws KerasJsonException {
        return modelFromTree(root).network();
    }

    public static KerasModel modelFromTree(JsonNode root) throws KerasJsonException {
        try {
            return parse(root);
        } catch (KerasJsonException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Last line of defence for shapes of JSON nobody anticipated: still one clear message.
            throw new KerasJsonException("malformed Keras model JSON (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    private static JsonNode unwrap(JsonNode root) {
        if (root == null || !root.isObject()) {
            return null;
        }
        if (root.has("model_config") && root.get("model_config").isObject()) {
            return root.get("model_config");
        }
        return root;
    }

    private static KerasModel parse(JsonNode root) throws KerasJsonException {
        JsonNode model = unwrap(root);
        if (model == null) {
            throw new KerasJsonException("a Keras model JSON must be an object with \"class_name\" and \"config\"");
        }
        JsonNode className = model.get("class_name");
        if (className == null || !className.isTextual()) {
            throw new KerasJsonException("a Keras model JSON needs \"class_name\" (Sequential, Functional or Model)");
        }
        JsonNode config = model.get("config");
        String name = config != null && config.path("name").isTextual() ? config.get("name").asText() : null;
        switch (className.asText()) {
            case "Sequential":
                return new KerasModel(name == null ? "sequential" : name, true, sequential(model, config));
            case "Functional":
            case "Model":
                return new KerasModel(name == null ? "functional" : name, false, functional(config));
            default:
                throw new KerasJsonException("unsupported model class '" + className.asText()
                        + "'; Stride reads Sequential and Functional models");
        }
    }

    private record ParsedLayer(String name, String className, LayerSpec spec, boolean trainable, JsonNode json) {
    }

    private static List<JsonNode> layerList(JsonNode config, String where) throws KerasJsonException {
        JsonNode layers = config != null && config.isArray() ? config : config == null ? null : config.get("layers");
        if (layers == null || !layers.isArray()) {
            throw new KerasJsonException(where + ": \"config\".\"layers\" must be a list of layers");
        }
        List<JsonNode> list = new ArrayList<>();
        layers.forEach(list::add);
        return list;
    }

    private static ParsedLayer parseLayer(JsonNode layer, int index, Set<String> names) throws KerasJsonException {
        String where = "layer #" + (index + 1);
        if (!layer.isObject()) {
            throw new KerasJsonException(where + ": must be an object, got " + ConfigReader.abbreviate(layer));
        }
        JsonNode className = layer.get("class_name");
        if (className == null || !className.isTextual()) {
            throw new KerasJsonException(where + ": \"class_name\" is missing");
        }
        JsonNode config = layer.get("config");
        String name = null;
        if (layer.path("name").isTextual()) {
            name = layer.get("name").asText();
        } else if (config != null && config.path("name").isTextual()) {
            name = config.get("name").asText();
        }
        String canonical = KerasLayerCodec.canonicalClassName(className.asText());
        if (name == null || name.isBlank()) {
            String prefix = canonical == null ? KerasNames.snakeCase(className.asText()) : KerasNames.snakeCase(canonical);
            name = KerasNames.uniqueName(prefix, names);
        }
        where = "layer '" + name + "'";
        if (!names.add(name)) {
            throw new KerasJsonException(where + ": two layers have this name; Keras layer names are unique");
        }
        LayerSpec spec = KerasLayerCodec.fromConfig(className.asText(), config, where);
        boolean trainable = true;
        if (config != null && config.has("trainable")) {
            if (!config.get("trainable").isBoolean()) {
                throw new KerasJsonException(where + ": \"trainable\" must be true or false");
            }
            trainable = config.get("trainable").asBoolean();
        }
        return new ParsedLayer(name, className.asText(), spec, trainable, layer);
    }

    private static Network sequential(JsonNode model, JsonNode config) throws KerasJsonException {
        List<JsonNode> layers = layerList(config, "Sequential model");
        Set<String> names = new HashSet<>();
        List<ParsedLayer> parsed = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            parsed.add(parseLayer(layers.get(i), i, names));
        }
        List<LayerNode> nodes = new ArrayList<>();
        Map<NodeId, List<NodeId>> inputs = new HashMap<>();
        if (parsed.isEmpty() || !(parsed.get(0).spec() instanceof InputLayerSpec)) {
            InputLayerSpec input = inferredInput(model, config, layers.isEmpty() ? null : layers.get(0));
            String name = KerasNames.uniqueName("input_layer", names);
            names.add(name);
            parsed.add(0, new ParsedLayer(name, "InputLayer", input, true, null));
        }
        for (int i = 0; i < parsed.size(); i++) {
            ParsedLayer layer = parsed.get(i);
            if (i > 0 && layer.spec() instanceof InputLayerSpec) {
                throw new KerasJsonException("layer '" + layer.name() + "': a Sequential model has one InputLayer,"
                        + " at the start");
            }
            NodeId id = new NodeId("n" + (i + 1));
            nodes.add(new LayerNode(id, layer.name(), layer.spec(), layer.trainable()));
            if (i > 0) {
                inputs.put(id, List.of(new NodeId("n" + i)));
            }
        }
        return Network.of(nodes, inputs);
    }

    /** Keras 2 puts the input shape on the first layer; Keras 3 in build configs. */
    private static InputLayerSpec inferredInput(JsonNode model, JsonNode config, JsonNode firstLayer)
            throws KerasJsonException {
        List<JsonNode> candidates = new ArrayList<>();
        JsonNode firstConfig = firstLayer == null ? null : firstLayer.get("config");
        if (firstConfig != null && firstConfig.isObject()) {
            candidates.add(firstConfig.get("batch_input_shape"));
            candidates.add(firstConfig.get("batch_shape"));
        }
        if (firstLayer != null && firstLayer.isObject()) {
            candidates.add(firstLayer.path("build_config").get("input_shape"));
        }
        if (config != null && config.isObject()) {
            candidates.add(config.get("build_input_shape"));
        }
        candidates.add(model.path("build_config").get("input_shape"));
        for (JsonNode candidate : candidates) {
            if (candidate != null && candidate.isArray() && candidate.size() >= 1) {
                List<Integer> dims = new ConfigReader(model, "Sequential model input").shapeOf(candidate);
                Integer batch = dims.get(0) == TensorShape.UNKNOWN ? null : dims.get(0);
                return new InputLayerSpec(new TensorShape(dims.subList(1, dims.size())), batch);
            }
        }
        if (firstConfig != null && firstConfig.isObject() && firstConfig.get("input_shape") != null
                && firstConfig.get("input_shape").isArray()) {
            List<Integer> dims = new ConfigReader(model, "Sequential model input").shapeOf(firstConfig.get("input_shape"));
            return new InputLayerSpec(new TensorShape(dims), null);
        }
        throw new KerasJsonException("the Sequential model does not say its input shape: add an InputLayer"
                + " (keras.Input(shape=...)) or batch_input_shape on the first layer, or build the model before"
                + " saving it");
    }

    private static Network functional(JsonNode config) throws KerasJsonException {
        List<JsonNode> layers = layerList(config, "Functional model");
        Set<String> names = new HashSet<>();
        List<ParsedLayer> parsed = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            parsed.add(parseLayer(layers.get(i), i, names));
        }
        Map<String, NodeId> ids = new LinkedHashMap<>();
        List<LayerNode> nodes = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            ParsedLayer layer = parsed.get(i);
            NodeId id = new NodeId("n" + (i + 1));
            ids.put(layer.name(), id);
            nodes.add(new LayerNode(id, layer.name(), layer.spec(), layer.trainable()));
        }
        Map<NodeId, List<NodeId>> inputs = new HashMap<>();
        for (ParsedLayer layer : parsed) {
            List<String> sources = inboundNames(layer);
            List<NodeId> from = new ArrayList<>();
            for (String source : sources) {
                NodeId id = ids.get(source);
                if (id == null) {
                    throw new KerasJsonException("layer '" + layer.name() + "': its input '" + source
                            + "' is not a layer of this model");
                }
                from.add(id);
            }
            inputs.put(ids.get(layer.name()), from);
        }
        return Network.of(nodes, inputs);
    }

    /** The names of the layers feeding this one, from Keras 2 list-style or Keras 3 dict-style inbound nodes. */
    private static List<String> inboundNames(ParsedLayer layer) throws KerasJsonException {
        String where = "layer '" + layer.name() + "'";
        JsonNode inbound = layer.json().get("inbound_nodes");
        List<String> names = new ArrayList<>();
        if (inbound == null || inbound.isNull()) {
            return names;
        }
        if (!inbound.isArray()) {
            throw new KerasJsonException(where + ": \"inbound_nodes\" must be a list");
        }
        if (inbound.size() > 1) {
            throw new KerasJsonException(where + ": the layer is called " + inbound.size() + " times (a shared"
                    + " layer); Stride needs one layer per use, so duplicate it");
        }
        if (inbound.isEmpty()) {
            return names;
        }
        JsonNode call = inbound.get(0);
        if (call.isArray()) {
            // Keras 2: [[name, node_index, tensor_index, kwargs], ...]
            for (JsonNode tensor : call) {
                if (!tensor.isArray() || tensor.isEmpty() || !tensor.get(0).isTextual()) {
                    throw new KerasJsonException(where + ": an inbound node entry must be [\"layer name\", 0, 0, {}],"
                            + " got " + ConfigReader.abbreviate(tensor));
                }
                checkSingleOutput(where, tensor);
                names.add(tensor.get(0).asText());
            }
        } else if (call.isObject()) {
            // Keras 3: {"args": [...], "kwargs": {...}} with __keras_tensor__ entries anywhere in args
            collectKerasTensors(call.get("args"), names, where, 0);
        } else {
            throw new KerasJsonException(where + ": unreadable \"inbound_nodes\" entry "
                    + ConfigReader.abbreviate(call));
        }
        return names;
    }

    private static void checkSingleOutput(String where, JsonNode history) throws KerasJsonException {
        if (history.size() > 2 && history.get(2).isNumber() && history.get(2).asInt() != 0) {
            throw new KerasJsonException(where + ": uses output " + history.get(2).asInt() + " of layer '"
                    + history.get(0).asText() + "'; Stride layers have a single output");
        }
    }

    private static void collectKerasTensors(JsonNode node, List<String> names, String where, int depth)
            throws KerasJsonException {
        if (node == null || depth > 64) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                collectKerasTensors(item, names, where, depth + 1);
            }
        } else if (node.isObject()) {
            if ("__keras_tensor__".equals(node.path("class_name").asText())) {
                JsonNode history = node.path("config").get("keras_history");
                if (history == null || !history.isArray() || history.isEmpty() || !history.get(0).isTextual()) {
                    throw new KerasJsonException(where + ": a __keras_tensor__ without \"keras_history\"");
                }
                checkSingleOutput(where, history);
                names.add(history.get(0).asText());
            }
        }
    }
}
