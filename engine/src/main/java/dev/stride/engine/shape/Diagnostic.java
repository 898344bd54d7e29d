package dev.stride.engine.shape;

import dev.stride.engine.model.NodeId;
import java.util.Objects;

/**
 * One problem found by the analysis: on a node (null for the network as a whole) and optionally one of its Keras
 * parameters (e.g. {@code "kernel_size"}), with a message that names the numbers involved and a fix.
 */
public record Diagnostic(Severity severity, NodeId node, String parameter, String message) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(NodeId node, String parameter, String message) {
        return new Diagnostic(Severity.ERROR, node, parameter, message);
    }

    public static Diagnostic warning(NodeId node, String parameter, String message) {
        return new Diagnostic(Severity.WARNING, node, parameter, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
