package dev.stride.engine.model;

import java.util.Objects;

/** A directed edge: the output of {@code from} feeds input number {@code inputIndex} of {@code to}. */
public record Connection(NodeId from, NodeId to, int inputIndex) {
    public Connection {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
