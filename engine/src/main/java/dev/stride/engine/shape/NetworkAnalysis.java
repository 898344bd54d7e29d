package dev.stride.engine.shape;

import dev.stride.engine.model.NodeId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link ShapeInference#analyze}: one {@link NodeAnalysis} per node (in the network's node order)
 * and every diagnostic, including those about the network as a whole, for a given batch size.
 */
public record NetworkAnalysis(Map<NodeId, NodeAnalysis> nodes, List<Diagnostic> diagnostics, int batchSize) {
    public NetworkAnalysis {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        diagnostics = List.copyOf(diagnostics);
    }

    public Optional<NodeAnalysis> node(NodeId id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    public boolean isValid() {
        return errors().isEmpty();
    }

    public long trainableParams() {
        return nodes.values().stream().mapToLong(NodeAnalysis::trainableParams).sum();
    }

    public long nonTrainableParams() {
        return nodes.values().stream().mapToLong(NodeAnalysis::nonTrainableParams).sum();
    }

    public long totalParams() {
        return trainableParams() + nonTrainableParams();
    }

    /** Sum of known MACs per example. */
    public long totalMacs() {
        return nodes.values().stream().mapToLong(n -> Math.max(n.macs(), 0)).sum();
    }

    /** float32 bytes of all activations for {@link #batchSize()} examples (what training holds for backprop). */
    public long activationBytes() {
        return nodes.values().stream().mapToLong(n -> n.activationBytes(batchSize)).sum();
    }

    public long parameterBytes() {
        return nodes.values().stream().mapToLong(NodeAnalysis::parameterBytes).sum();
    }
}
