package dev.stride.engine.shape;

import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.TensorShape;
import java.util.ArrayList;
import java.util.HashMap;
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
        int n = nodes.size();
        List<Diagnostic> all = new ArrayList<>();
        if (n == 0) {
            all.add(Diagnostic.error(null, null, "the network is empty; add an InputLayer and at least one layer"));
            return new NetworkAnalysis(Map.of(), all, batchSize);
        }
        // Work on positions, not ids: one hash lookup per connection instead of several per step.
        Map<NodeId, Integer> position = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            position.put(nodes.get(i).id(), i);
        }
        int[][] inputs = new int[n][];
        int[] consumerCount = new int[n];
        for (int i = 0; i < n; i++) {
            List<NodeId> from = network.inputsOf(nodes.get(i).id());
            int[] indices = new int[from.size()];
            for (int k = 0; k < indices.length; k++) {
                indices[k] = position.get(from.get(k));
                consumerCount[indices[k]]++;
            }
            inputs[i] = indices;
        }
        int[][] consumers = new int[n][];
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) {
            consumers[i] = new int[consumerCount[i]];
        }
        for (int i = 0; i < n; i++) {
            for (int from : inputs[i]) {
                consumers[from][filled[from]++] = i;
            }
        }

        // Kahn's algorithm: whatever is left unvisited sits on or behind a cycle.
        int[] pending = new int[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            pending[i] = inputs[i].length;
            if (pending[i] == 0) {
                queue[tail++] = i;
            }
        }
        TensorShape[] shapes = new TensorShape[n];
        NodeAnalysis[] results = new NodeAnalysis[n];
        while (head < tail) {
            int i = queue[head++];
            NodeAnalysis analysis = analyzeNode(network, nodes, i, inputs[i], shapes, consumerCount[i]);
            results[i] = analysis;
            shapes[i] = analysis.outputShape();
            for (int consumer : consumers[i]) {
                if (--pending[consumer] == 0) {
                    queue[tail++] = consumer;
                }
            }
        }
        if (tail < n) {
            Set<NodeId> onCycle = network.nodesOnCycles();
            for (int i = 0; i < n; i++) {
                if (results[i] != null) {
                    continue;
                }
                LayerNode node = nodes.get(i);
                List<Diagnostic> diagnostics = new ArrayList<>();
                if (onCycle.contains(node.id())) {
                    diagnostics.add(Diagnostic.error(node.id(), null, "'" + node.name() + "' is part of a cycle"
                            + " (its output flows back into its own input); remove one of the connections on the"
                            + " loop, since a network must flow from inputs to outputs"));
                }
                results[i] = new NodeAnalysis(node.id(), null, 0, 0, 0, diagnostics);
            }
        }

        boolean hasOutput = false;
        Map<NodeId, NodeAnalysis> ordered = new LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            LayerNode node = nodes.get(i);
            if (!(node.spec() instanceof InputLayerSpec) && consumerCount[i] == 0) {
                hasOutput = true;
            }
            ordered.put(node.id(), results[i]);
            all.addAll(results[i].diagnostics());
        }
        if (!hasOutput) {
            all.add(Diagnostic.error(null, null, "the network has no output layer: every layer feeds another one"
                    + " or there are only inputs; end the network with a layer nothing consumes, e.g. Dense"));
        }
        return new NetworkAnalysis(ordered, all, batchSize);
    }

    private static NodeAnalysis analyzeNode(Network network, List<LayerNode> nodes, int index, int[] inputIndices,
            TensorShape[] shapes, int consumerCount) {
        LayerNode node = nodes.get(index);
        int networkSize = nodes.size();
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
        List<TensorShape> inputShapes = new ArrayList<>(inputIndices.length);
        for (int from : inputIndices) {
            TensorShape shape = shapes[from];
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
