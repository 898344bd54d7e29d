package dev.stride.engine.shape;

import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.TensorShape;
import java.util.List;
import java.util.Objects;

/**
 * What the analysis learnt about one node: its output shape (null when it has an error or an input does), its
 * parameter counts, multiply-accumulates per example (−1 when a dimension is unknown) and its diagnostics.
 */
public record NodeAnalysis(
        NodeId node,
        TensorShape outputShape,
        long trainableParams,
        long nonTrainableParams,
        long macs,
        List<Diagnostic> diagnostics) {

    /** Bytes per value: Stride trains in float32. */
    public static final int BYTES_PER_VALUE = 4;

    public NodeAnalysis {
        Objects.requireNonNull(node, "node");
        diagnostics = List.copyOf(diagnostics);
    }

    public long totalParams() {
        return trainableParams + nonTrainableParams;
    }

    public boolean hasOutput() {
        return outputShape != null;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** float32 bytes of this node's output for a batch; 0 when unknown. */
    public long activationBytes(int batchSize) {
        if (outputShape == null || outputShape.elementCount() < 0) {
            return 0;
        }
        return outputShape.elementCount() * batchSize * BYTES_PER_VALUE;
    }

    /** float32 bytes of this node's weights. */
    public long parameterBytes() {
        return totalParams() * BYTES_PER_VALUE;
    }
}
