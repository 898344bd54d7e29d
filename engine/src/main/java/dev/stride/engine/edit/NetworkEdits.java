package dev.stride.engine.edit;

import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The edit commands the designer issues: add, remove, rename, change parameters, connect, disconnect, batches. */
public final class NetworkEdits {
    private NetworkEdits() {
    }

    /** Adds a node fed by {@code inputs} (in order). */
    public record AddLayer(LayerNode node, List<NodeId> inputs) implements EditCommand {
        public AddLayer {
            Objects.requireNonNull(node, "node");
            inputs = List.copyOf(inputs);
        }

        @Override
        public String description() {
            return "Add " + node.name();
        }

        @Override
        public Network apply(Network network) {
            if (network.contains(node.id())) {
                throw new IllegalArgumentException("a node " + node.id() + " already exists");
            }
            return network.withNode(node).withInputs(node.id(), inputs);
        }
    }

    /** Removes a node and its connections. */
    public record RemoveLayer(NodeId id) implements EditCommand {
        @Override
        public String description() {
            return "Delete " + id;
        }

        @Override
        public Network apply(Network network) {
            network.node(id);
            return network.withoutNode(id);
        }
    }

    /** Renames a layer. */
    public record Rename(NodeId id, String name) implements EditCommand {
        @Override
        public String description() {
            return "Rename to " + name;
        }

        @Override
        public Network apply(Network network) {
            return network.withName(id, name);
        }
    }

    /**
     * Replaces a node's spec after a change to {@code parameter}; successive changes of the same parameter of the
     * same node (a slider drag, typing digits) merge into one undo step.
     */
    public record ChangeSpec(NodeId id, String parameter, LayerSpec spec) implements EditCommand {
        @Override
        public String description() {
            return "Change " + parameter;
        }

        @Override
        public Network apply(Network network) {
            return network.withSpec(id, spec);
        }

        @Override
        public Optional<String> mergeKey() {
            return Optional.of("spec:" + id + ":" + parameter);
        }
    }

    /** Connects {@code from} as the last input of {@code to}. */
    public record Connect(NodeId from, NodeId to) implements EditCommand {
        @Override
        public String description() {
            return "Connect " + from + " to " + to;
        }

        @Override
        public Network apply(Network network) {
            network.node(from);
            return network.connect(from, to);
        }
    }

    /** Removes the connection(s) from {@code from} into {@code to}. */
    public record Disconnect(NodeId from, NodeId to) implements EditCommand {
        @Override
        public String description() {
            return "Disconnect " + from + " from " + to;
        }

        @Override
        public Network apply(Network network) {
            return network.disconnect(from, to);
        }
    }

    /** Several commands as one undo step, e.g. "Insert BatchNormalization" = add + rewire. */
    public record Batch(String description, List<EditCommand> commands) implements EditCommand {
        public Batch {
            Objects.requireNonNull(description, "description");
            commands = List.copyOf(commands);
        }

        @Override
        public Network apply(Network network) {
            Network result = network;
            for (EditCommand command : commands) {
                result = command.apply(result);
            }
            return result;
        }
    }
}
