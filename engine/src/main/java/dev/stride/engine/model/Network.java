package dev.stride.engine.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable graph of layers: nodes in insertion order, and for every node the ordered list of nodes feeding it
 * (order matters for Concatenate). Every edit returns a new network and leaves this one untouched.
 *
 * <p>The network only guarantees referential integrity (connections name existing nodes, ids and names are unique);
 * a cycle, a dangling node or a layer with too many inputs is representable so that the analysis can explain it.
 */
public final class Network {
    private static final Network EMPTY = new Network(List.of(), Map.of());

    private final List<LayerNode> nodes;
    private final Map<NodeId, LayerNode> byId;
    private final Map<NodeId, List<NodeId>> inputs;

    private Network(List<LayerNode> nodes, Map<NodeId, List<NodeId>> inputs) {
        Map<NodeId, LayerNode> index = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (LayerNode node : nodes) {
            if (index.put(node.id(), node) != null) {
                throw new IllegalArgumentException("two nodes have the id " + node.id());
            }
            if (!names.add(node.name())) {
                throw new IllegalArgumentException("two layers are named '" + node.name() + "'");
            }
        }
        Map<NodeId, List<NodeId>> copy = new HashMap<>();
        for (Map.Entry<NodeId, List<NodeId>> entry : inputs.entrySet()) {
            if (!index.containsKey(entry.getKey())) {
                throw new IllegalArgumentException("connection into unknown node " + entry.getKey());
            }
            for (NodeId from : entry.getValue()) {
                if (!index.containsKey(from)) {
                    throw new IllegalArgumentException("connection from unknown node " + from);
                }
            }
            if (!entry.getValue().isEmpty()) {
                copy.put(entry.getKey(), List.copyOf(entry.getValue()));
            }
        }
        this.nodes = List.copyOf(nodes);
        this.byId = Collections.unmodifiableMap(index);
        this.inputs = Collections.unmodifiableMap(copy);
    }

    /** A network without layers. */
    public static Network empty() {
        return EMPTY;
    }

    /** A network built from nodes and, per node, its ordered inputs. */
    public static Network of(List<LayerNode> nodes, Map<NodeId, List<NodeId>> inputs) {
        return new Network(nodes, inputs);
    }

    /** A pipeline: each layer feeds the next; ids n1, n2, … and Keras's automatic names (conv2d, conv2d_1, …). */
    public static Network sequential(LayerSpec... specs) {
        Network network = empty();
        NodeId previous = null;
        for (LayerSpec spec : specs) {
            NodeId id = network.nextNodeId();
            network = network.withNode(new LayerNode(id, network.uniqueName(spec), spec));
            if (previous != null) {
                network = network.connect(previous, id);
            }
            previous = id;
        }
        return network;
    }

    /** All nodes in insertion order. */
    public List<LayerNode> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    public boolean contains(NodeId id) {
        return byId.containsKey(id);
    }

    public Optional<LayerNode> find(NodeId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The node with this id; throws if absent (use {@link #find} when absence is expected). */
    public LayerNode node(NodeId id) {
        LayerNode node = byId.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return node;
    }

    public Optional<LayerNode> findByName(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The nodes feeding {@code id}, in input order. */
    public List<NodeId> inputsOf(NodeId id) {
        return inputs.getOrDefault(id, List.of());
    }

    /** The nodes that {@code id} feeds, in node order (a node appears once per connection). */
    public List<NodeId> consumersOf(NodeId id) {
        List<NodeId> consumers = new ArrayList<>();
        for (LayerNode node : nodes) {
            for (NodeId from : inputsOf(node.id())) {
                if (from.equals(id)) {
                    consumers.add(node.id());
                }
            }
        }
        return consumers;
    }

    /** Every edge, in node order then input order. */
    public List<Connection> connections() {
        List<Connection> connections = new ArrayList<>();
        for (LayerNode node : nodes) {
            List<NodeId> from = inputsOf(node.id());
            for (int i = 0; i < from.size(); i++) {
                connections.add(new Connection(from.get(i), node.id(), i));
            }
        }
        return connections;
    }

    /** Nodes without inputs (normally the InputLayers). */
    public List<NodeId> sources() {
        return nodes.stream().map(LayerNode::id).filter(id -> inputsOf(id).isEmpty()).toList();
    }

    /** Nodes nothing consumes (the model's outputs). */
    public List<NodeId> sinks() {
        Set<NodeId> consumed = new HashSet<>();
        inputs.values().forEach(consumed::addAll);
        return nodes.stream().map(LayerNode::id).filter(id -> !consumed.contains(id)).toList();
    }

    /**
     * The nodes ordered so that every node comes after its inputs, ties kept in insertion order; empty when the
     * graph has a cycle.
     */
    public Optional<List<NodeId>> topologicalOrder() {
        Map<NodeId, Integer> pending = new HashMap<>();
        Map<NodeId, List<NodeId>> consumers = new HashMap<>();
        Map<NodeId, Integer> position = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeId id = nodes.get(i).id();
            position.put(id, i);
            List<NodeId> from = inputsOf(id);
            pending.put(id, from.size());
            for (NodeId source : from) {
                consumers.computeIfAbsent(source, k -> new ArrayList<>()).add(id);
            }
        }
        java.util.PriorityQueue<NodeId> ready =
                new java.util.PriorityQueue<>((a, b) -> Integer.compare(position.get(a), position.get(b)));
        for (LayerNode node : nodes) {
            if (pending.get(node.id()) == 0) {
                ready.add(node.id());
            }
        }
        List<NodeId> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            NodeId id = ready.poll();
            order.add(id);
            for (NodeId consumer : consumers.getOrDefault(id, List.of())) {
                if (pending.merge(consumer, -1, Integer::sum) == 0) {
                    ready.add(consumer);
                }
            }
        }
        return order.size() == nodes.size() ? Optional.of(order) : Optional.empty();
    }

    /** The nodes on some cycle (empty for a DAG), for diagnostics. */
    public Set<NodeId> nodesOnCycles() {
        Set<NodeId> onCycle = new HashSet<>();
        for (LayerNode node : nodes) {
            if (reaches(node.id(), node.id())) {
                onCycle.add(node.id());
            }
        }
        return onCycle;
    }

    private boolean reaches(NodeId start, NodeId target) {
        Deque<NodeId> stack = new ArrayDeque<>(consumersOf(start));
        Set<NodeId> seen = new HashSet<>();
        while (!stack.isEmpty()) {
            NodeId id = stack.pop();
            if (id.equals(target)) {
                return true;
            }
            if (seen.add(id)) {
                stack.addAll(consumersOf(id));
            }
        }
        return false;
    }

    /** An id no node uses yet: n1, n2, …. */
    public NodeId nextNodeId() {
        for (int i = nodes.size() + 1; ; i++) {
            NodeId candidate = new NodeId("n" + i);
            if (!byId.containsKey(candidate)) {
                return candidate;
            }
        }
    }

    /** Keras's automatic name for a new layer of this kind: conv2d, then conv2d_1, …. */
    public String uniqueName(LayerSpec spec) {
        return KerasNames.uniqueName(spec.kerasNamePrefix(), nodes.stream().map(LayerNode::name).toList());
    }

    /** Adds the node, or replaces the node with the same id in place (its connections stay). */
    public Network withNode(LayerNode node) {
        List<LayerNode> changed = new ArrayList<>(nodes);
        int index = indexOf(node.id());
        if (index >= 0) {
            changed.set(index, node);
        } else {
            changed.add(node);
        }
        return new Network(changed, inputs);
    }

    /** Adds a layer with a fresh id and Keras's automatic name. */
    public Network withLayer(LayerSpec spec) {
        return withNode(new LayerNode(nextNodeId(), uniqueName(spec), spec));
    }

    /** Removes the node and every connection into or out of it. */
    public Network withoutNode(NodeId id) {
        if (!contains(id)) {
            return this;
        }
        List<LayerNode> changed = new ArrayList<>(nodes);
        changed.remove(indexOf(id));
        Map<NodeId, List<NodeId>> rewired = new HashMap<>();
        inputs.forEach((to, from) -> {
            if (!to.equals(id)) {
                rewired.put(to, from.stream().filter(f -> !f.equals(id)).toList());
            }
        });
        return new Network(changed, rewired);
    }

    public Network withSpec(NodeId id, LayerSpec spec) {
        return withNode(node(id).withSpec(spec));
    }

    public Network withName(NodeId id, String name) {
        return withNode(node(id).withName(name));
    }

    /** Appends {@code from} to the inputs of {@code to}. */
    public Network connect(NodeId from, NodeId to) {
        return connect(from, to, inputsOf(to).size());
    }

    /** Inserts {@code from} as input number {@code index} of {@code to}. */
    public Network connect(NodeId from, NodeId to, int index) {
        List<NodeId> changed = new ArrayList<>(inputsOf(to));
        changed.add(index, from);
        return withInputs(to, changed);
    }

    /** Removes every connection from {@code from} into {@code to}. */
    public Network disconnect(NodeId from, NodeId to) {
        return withInputs(to, inputsOf(to).stream().filter(f -> !f.equals(from)).toList());
    }

    /** Replaces the ordered inputs of {@code to}. */
    public Network withInputs(NodeId to, List<NodeId> from) {
        node(to);
        Map<NodeId, List<NodeId>> changed = new HashMap<>(inputs);
        changed.put(to, from);
        return new Network(nodes, changed);
    }

    private int indexOf(NodeId id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Network that && nodes.equals(that.nodes) && inputs.equals(that.inputs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodes, inputs);
    }

    @Override
    public String toString() {
        return "Network" + nodes.stream().map(LayerNode::name).toList() + " " + connections().size() + " connections";
    }
}
