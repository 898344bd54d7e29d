package dev.stride.engine.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.NodeAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a {@link Network} as Keras 3 model JSON, the format {@code keras.models.model_from_json} reads: a
 * Sequential model for a plain chain that starts with its InputLayer, a Functional model otherwise.
 */
public final class KerasModelWriter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private KerasModelWriter() {
    }

    /** True for a chain that Keras would write as a Sequential model: InputLayer first, each layer feeding the next. */
    public static boolean isSequential(Network network) {
        List<LayerNode> nodes = network.nodes();
        if (nodes.isEmpty() || !(nodes.get(0).spec() instanceof InputLayerSpec)) {
            return false;
        }
        if (!network.inputsOf(nodes.get(0).id()).isEmpty()) {
            return false;
        }
        for (int i = 1; i < nodes.size(); i++) {
            if (!network.inputsOf(nodes.get(i).id()).equals(List.of(nodes.get(i - 1).id()))
                    || nodes.get(i).spec() instanceof InputLayerSpec) {
                return false;
            }
        }
        return true;
    }

    public static String write(Network network) {
        try {
            return MAPPER.writeValueAsString(toTree(network));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode toTree(Network network) {
        boolean sequential = isSequential(network);
        ObjectNode root = JSON.objectNode();
        root.put("module", sequential ? "keras" : "keras.src.models.functional");
        root.put("class_name", sequential ? "Sequential" : "Functional");
        ObjectNode config = root.putObject("config");
        config.put("name", sequential ? "sequential" : "functional");
        config.put("trainable", true);
        config.set("dtype", dtypePolicy());
        ArrayNode layers = config.putArray("layers");
        NetworkAnalysis analysis = sequential ? null : ShapeInference.analyze(network);
        for (LayerNode node : network.nodes()) {
            ObjectNode layer = layers.addObject();
            layer.put("module", "keras.layers");
            layer.put("class_name", node.spec().kerasClassName());
            ObjectNode layerConfig = layer.putObject("config");
            layerConfig.put("name", node.name());
            if (!(node.spec() instanceof InputLayerSpec)) {
                layerConfig.put("trainable", node.trainable());
                layerConfig.set("dtype", dtypePolicy());
            }
            layerConfig.setAll(KerasLayerCodec.toConfig(node.spec()));
            layer.putNull("registered_name");
            if (!sequential) {
                layer.put("name", node.name());
                ArrayNode inbound = layer.putArray("inbound_nodes");
                List<NodeId> inputs = network.inputsOf(node.id());
                if (!inputs.isEmpty()) {
                    ObjectNode call = inbound.addObject();
                    ArrayNode args = call.putArray("args");
                    ArrayNode target = node.spec().isMerge() ? args.addArray() : args;
                    for (NodeId from : inputs) {
                        target.add(kerasTensor(network.node(from).name(), analysis.node(from).orElse(null)));
                    }
                    call.putObject("kwargs");
                }
            }
        }
        if (!sequential) {
            ArrayNode inputLayers = config.putArray("input_layers");
            ArrayNode outputLayers = config.putArray("output_layers");
            for (LayerNode node : network.nodes()) {
                if (node.spec() instanceof InputLayerSpec) {
                    inputLayers.addArray().add(node.name()).add(0).add(0);
                }
            }
            for (NodeId sink : network.sinks()) {
                LayerNode node = network.node(sink);
                if (!(node.spec() instanceof InputLayerSpec)) {
                    outputLayers.addArray().add(node.name()).add(0).add(0);
                }
            }
        }
        root.putNull("registered_name");
        return root;
    }

    private static ObjectNode kerasTensor(String layerName, NodeAnalysis source) {
        ObjectNode tensor = JSON.objectNode();
        tensor.put("class_name", "__keras_tensor__");
        ObjectNode config = tensor.putObject("config");
        if (source != null && source.outputShape() != null) {
            ArrayNode shape = config.putArray("shape");
            shape.addNull();
            for (int dim : source.outputShape().dims()) {
                if (dim == TensorShape.UNKNOWN) {
                    shape.addNull();
                } else {
                    shape.add(dim);
                }
            }
        } else {
            config.putNull("shape");
        }
        config.put("dtype", "float32");
        config.putArray("keras_history").add(layerName).add(0).add(0);
        return tensor;
    }

    private static ObjectNode dtypePolicy() {
        ObjectNode policy = JSON.objectNode();
        policy.put("module", "keras");
        policy.put("class_name", "DTypePolicy");
        policy.putObject("config").put("name", "float32");
        policy.putNull("registered_name");
        return policy;
    }
}
