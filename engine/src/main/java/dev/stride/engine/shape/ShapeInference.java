package dev.stride.engine.shape;

import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.TensorShape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keras-exact shape inference over a whole {@link Network}: output shapes, parameter counts, MACs and memory per
 * node, plus every problem as a {@link Diagnostic}. Pure and fast enough to run on every edit; it never throws for a
 * bad design.
 */
public final class ShapeInference {
    /** The batch size memory figures use unless the caller names one. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    private ShapeInference() {
    }

    public static NetworkAnalysis analyze(Network network) {
        return analyze(network, DEFAULT_BATCH_SIZE);
    }

    /** Analyses every node; memory figures are for {@code batchSize} examples. */
    public static NetworkAnalysis analyze(Network network, int batchSize) {
        List<LayerNode> nodes = network.nodes();
        List<Diagnostic> all = new ArrayList<>();
        Map<NodeId, List<NodeId>> consumers = new HashMap<>();
        Map<NodeId, Integer> pending = new HashMap<>();
        for (LayerNode node : nodes) {
            List<NodeId> inputs = network.inputsOf(node.id());
            pending.put(node.id(), inputs.size());
            for (NodeId from : inputs) {
                consumers.computeIfAbsent(from, k -> new ArrayList<>()).add(node.id());
            }
        }
        if (nodes.isEmpty()) {
            all.add(Diagnostic.error(null, null, "the network is empty; add an InputLayer and at least one layer"));
            return new NetworkAnalysis(Map.of(), all, batchSize);
        }

        // Kahn's algorithm: whatever is left unvisited sits on or behind a cycle.
        ArrayDeque<NodeId> ready = new ArrayDeque<>();
        for (LayerNode node : nodes) {
            if (pending.get(node.id()) == 0) {
                ready.add(node.id());
            }
        }
        Map<NodeId, TensorShape> shapes = new HashMap<>();
        Map<NodeId, NodeAnalysis> results = new HashMap<>();
        Set<NodeId> visited = new HashSet<>();
        while (!ready.isEmpty()) {
            NodeId id = ready.poll();
            visited.add(id);
            NodeAnalysis analysis = analyzeNode(network, network.node(id), shapes,
                    consumers.getOrDefault(id, List.of()).size(), nodes.size());
            results.put(id, analysis);
            if (analysis.outputShape() != null) {
                shapes.put(id, analysis.outputShape());
            }
            for (NodeId consumer : consumers.getOrDefault(id, List.of())) {
                if (pending.merge(consumer, -1, Integer::sum) == 0) {
                    ready.add(consumer);
                }
            }
        }
        if (visited.size() < nodes.size()) {
            Set<NodeId> onCycle = network.nodesOnCycles();
            for (LayerNode node : nodes) {
                if (visited.contains(node.id())) {
                    continue;
                }
                List<Diagnostic> diagnostics = new ArrayList<>();
                if (onCycle.contains(node.id())) {
                    diagnostics.add(Diagnostic.error(node.id(), null, "'" + node.name() + "' is part of a cycle"
                            + " (its output flows back into its own input); remove one of the connections on the"
                            + " loop, since a network must flow from inputs to outputs"));
                }
                results.put(node.id(), new NodeAnalysis(node.id(), null, 0, 0, 0, diagnostics));
            }
        }

        boolean hasOutput = false;
        for (LayerNode node : nodes) {
            if (!(node.spec() instanceof InputLayerSpec) && consumers.getOrDefault(node.id(), List.of()).isEmpty()) {
                hasOutput = true;
            }
        }
        Map<NodeId, NodeAnalysis> ordered = new LinkedHashMap<>();
        for (LayerNode node : nodes) {
            NodeAnalysis analysis = results.get(node.id());
            ordered.put(node.id(), analysis);
            all.addAll(analysis.diagnostics());
        }
        if (!hasOutput) {
            all.add(Diagnostic.error(null, null, "the network has no output layer: every layer feeds another one"
                    + " or there are only inputs; end the network with a layer nothing consumes, e.g. Dense"));
        }
        return new NetworkAnalysis(ordered, all, batchSize);
    }

    private static NodeAnalysis analyzeNode(Network network, LayerNode node, Map<NodeId, TensorShape> shapes,
            int consumerCount, int networkSize) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<NodeId> inputs = network.inputsOf(node.id());
        boolean isInput = node.spec() instanceof InputLayerSpec;
        if (isInput) {
            if (!inputs.isEmpty()) {
                diagnostics.add(Diagnostic.error(node.id(), null, "an InputLayer takes no inputs but "
                        + Texts.plural(inputs.size(), "layer") + " feed '" + node.name() + "'; remove those"
                        + " connections"));
                return new NodeAnalysis(node.id(), null, 0, 0, 0, diagnostics);
            }
            if (consumerCount == 0 && networkSize > 1) {
                diagnostics.add(Diagnostic.warning(node.id(), null, "input '" + node.name() + "' is not connected"
                        + " to any layer; connect it or delete it"));
            }
        } else if (inputs.isEmpty()) {
            diagnostics.add(Diagnostic.error(node.id(), null, "'" + node.name() + "' has no input; connect the"
                    + " output of an InputLayer or another layer to it"));
            return new NodeAnalysis(node.id(), null, 0, 0, 0, diagnostics);
        } else if (!node.spec().isMerge() && inputs.size() > 1) {
            diagnostics.add(Diagnostic.error(node.id(), null, node.spec().kerasClassName() + " takes one input but "
                    + inputs.size() + " are connected; join them first with Add or Concatenate"));
            return new NodeAnalysis(node.id(), null, 0, 0, 0, diagnostics);
        } else if (node.spec().isMerge() && inputs.size() == 1) {
            diagnostics.add(Diagnostic.warning(node.id(), null, node.spec().kerasClassName() + " has only one"
                    + " input, so it passes it through unchanged; connect a second branch"));
        }
        List<TensorShape> inputShapes = new ArrayList<>(inputs.size());
        for (NodeId from : inputs) {
            TensorShape shape = shapes.get(from);
            if (shape == null) {
                // The upstream problem already has its diagnostic; repeating it here would only add noise.
                return new NodeAnalysis(node.id(), null, 0, 0, 0, diagnostics);
            }
            inputShapes.add(shape);
        }
        LayerOutcome outcome;
        try {
            outcome = LayerRules.apply(node, inputShapes, diagnostics);
        } catch (RuntimeException e) {
            // A rule bug must not take the editor down: report it on the node instead.
            diagnostics.add(Diagnostic.error(node.id(), null, "Stride could not analyse this layer ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); please report it"));
            outcome = null;
        }
        if (outcome != null && LayerRules.appliesSoftmax(node.spec()) && consumerCount > 0) {
            diagnostics.add(Diagnostic.warning(node.id(), "activation", "softmax turns values into probabilities"
                    + " and belongs on the last layer, but '" + node.name() + "' feeds another layer; use 'relu'"
                    + " here and softmax at the output"));
        }
        if (outcome == null) {
            return new NodeAnalysis(node.id(), null, 0, 0, 0, diagnostics);
        }
        if (!node.trainable()) {
            // A frozen layer (Keras trainable=False) keeps its weights, all of them non-trainable.
            return new NodeAnalysis(node.id(), outcome.shape(), 0, outcome.trainable() + outcome.nonTrainable(),
                    outcome.macs(), diagnostics);
        }
        return new NodeAnalysis(node.id(), outcome.shape(), outcome.trainable(), outcome.nonTrainable(),
                outcome.macs(), diagnostics);
    }
}
