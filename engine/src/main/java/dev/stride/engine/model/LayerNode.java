package dev.stride.engine.model;

import java.util.Objects;

/**
 * One layer in a {@link Network}: a stable id, the user-visible (Keras) name, what it computes and whether its
 * weights are trained (Keras's {@code trainable}; frozen layers count as non-trainable parameters).
 */
public record LayerNode(NodeId id, String name, LayerSpec spec, boolean trainable) {
    public LayerNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
    }

    /** A trainable layer, the Keras default. */
    public LayerNode(NodeId id, String name, LayerSpec spec) {
        this(id, name, spec, true);
    }

    public LayerNode withSpec(LayerSpec value) {
        return new LayerNode(id, name, value, trainable);
    }

    public LayerNode withName(String value) {
        return new LayerNode(id, value, spec, trainable);
    }

    public LayerNode withTrainable(boolean value) {
        return new LayerNode(id, name, spec, value);
    }
}
