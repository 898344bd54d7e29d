package dev.stride.app.editor;

import dev.stride.engine.edit.EditCommand;
import dev.stride.engine.edit.EditHistory;
import dev.stride.engine.edit.NetworkEdits;
import dev.stride.engine.model.Connection;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.project.NodePosition;
import dev.stride.engine.project.Project;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import javafx.geometry.Point2D;

/**
 * The designer's state and every gesture it understands: the network (changed only through the edit history),
 * its analysis, the selection, the card positions, the clipboard and the dirty flag. Never touches a Node, so
 * tests drive it without a Stage.
 */
public final class DesignerViewModel {
    /** Vertical distance between auto-laid-out rows, and the offset pasted copies get. */
    static final double PASTE_OFFSET = 30;

    private final ReadOnlyObjectWrapper<Network> network = new ReadOnlyObjectWrapper<>(this, "network");
    private final ReadOnlyObjectWrapper<NetworkAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ObservableSet<NodeId> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final ReadOnlyObjectWrapper<NodeId> focused = new ReadOnlyObjectWrapper<>(this, "focused");
    private final ObservableMap<NodeId, Point2D> positions = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");
    private final EditHistory history;
    /** Recovered or imported work counts as unsaved until it is saved. */
    private boolean unsavedOrigin;
    private long layoutRevision;
    private long savedLayoutRevision;
    private Clipboard clipboard;
    private Project base = Project.of(Network.empty());

    /** What was copied: nodes and the connections among them. */
    private record Clipboard(List<LayerNode> nodes, List<Connection> connections, Map<NodeId, Point2D> positions) {
    }

    public DesignerViewModel() {
        history = new EditHistory(Network.empty());
        publish();
        selection.addListener((javafx.collections.SetChangeListener<NodeId>) change ->
                focused.set(selection.size() == 1 ? selection.iterator().next() : null));
    }

    // --- state ---------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Network> networkProperty() {
        return network.getReadOnlyProperty();
    }

    public Network network() {
        return network.get();
    }

    public ReadOnlyObjectProperty<NetworkAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public NetworkAnalysis analysis() {
        return analysis.get();
    }

    /** The selected nodes; views may change it (click, rubber band, summary rows). */
    public ObservableSet<NodeId> selection() {
        return selection;
    }

    /** The one selected node whose properties the panel shows, or null. */
    public ReadOnlyObjectProperty<NodeId> focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    /** Top-left corner of each card on the canvas, in canvas coordinates. */
    public ObservableMap<NodeId, Point2D> positions() {
        return positions;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** What Undo would undo ("" when nothing), for the Edit menu. */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    public void select(NodeId id) {
        selection.clear();
        if (id != null) {
            selection.add(id);
        }
    }

    public void selectAll(Collection<NodeId> ids) {
        selection.clear();
        selection.addAll(ids);
    }

    // --- documents -----------------------------------------------------------------------------------------

    /** Replaces the document (new, open, template, recovery): history cleared, clean unless {@code dirtyNow}. */
    public void load(Network loaded, Map<NodeId, Point2D> layout, Path from, boolean dirtyNow) {
        if (base.network() != loaded) {
            base = Project.of(loaded);
        }
        history.reset(loaded);
        selection.clear();
        positions.clear();
        positions.putAll(layout);
        AutoLayout.placeMissing(loaded, positions);
        file.set(from);
        unsavedOrigin = dirtyNow;
        layoutRevision = 0;
        savedLayoutRevision = 0;
        publish();
    }

    /** Opens a project: its network and layout; training, dataset and notes are kept for saving. */
    public void load(Project project, Path from, boolean dirtyNow) {
        base = project;
        Map<NodeId, Point2D> layout = new HashMap<>();
        project.layout().forEach((id, at) -> layout.put(id, new Point2D(at.x(), at.y())));
        load(project.network(), layout, from, dirtyNow);
    }

    /** The document as a project to save: the current network and layout over what was opened. */
    public Project toProject() {
        Map<NodeId, NodePosition> layout = new LinkedHashMap<>();
        layoutSnapshot().forEach((id, at) -> layout.put(id, new NodePosition(at.getX(), at.getY())));
        return base.withNetwork(network()).withLayout(layout);
    }

    /** Marks the current state as saved to {@code to}. */
    public void markSaved(Path to) {
        file.set(to);
        history.markSaved();
        unsavedOrigin = false;
        savedLayoutRevision = layoutRevision;
        updateDirty();
    }

    /** The card positions to store in the project's layout block. */
    public Map<NodeId, Point2D> layoutSnapshot() {
        Map<NodeId, Point2D> snapshot = new LinkedHashMap<>();
        for (LayerNode node : network().nodes()) {
            Point2D at = positions.get(node.id());
            if (at != null) {
                snapshot.put(node.id(), at);
            }
        }
        return snapshot;
    }

    // --- edits ---------------------------------------------------------------------------------------------

    /** Adds a layer at a canvas point (or auto-placed when null) and selects it. */
    public NodeId addLayer(LayerSpec spec, Point2D at) {
        NodeId id = network().nextNodeId();
        String name = network().uniqueName(spec);
        apply("Add " + name, new NetworkEdits.AddLayer(new LayerNode(id, name, spec), List.of()));
        place(id, at);
        select(id);
        return id;
    }

    /** Adds a layer after the end of the pipeline (the last sink), connected to it: the palette's double-click. */
    public NodeId appendLayer(LayerSpec spec) {
        List<NodeId> sinks = network().sinks();
        NodeId tail = sinks.isEmpty() ? null : sinks.get(sinks.size() - 1);
        NodeId id = network().nextNodeId();
        String name = network().uniqueName(spec);
        apply("Add " + name, new NetworkEdits.AddLayer(new LayerNode(id, name, spec),
                tail == null ? List.of() : List.of(tail)));
        Point2D below = tail == null ? null : positions.get(tail);
        place(id, below == null ? null : below.add(0, AutoLayout.ROW_HEIGHT));
        select(id);
        return id;
    }

    /** Connects an output to an input; refuses self-loops and duplicates (the analysis explains the rest). */
    public boolean connect(NodeId from, NodeId to) {
        if (from.equals(to) || network().inputsOf(to).contains(from)) {
            return false;
        }
        apply("Connect " + nameOf(from) + " → " + nameOf(to), new NetworkEdits.Connect(from, to));
        return true;
    }

    public void disconnect(NodeId from, NodeId to) {
        apply("Disconnect " + nameOf(from) + " → " + nameOf(to), new NetworkEdits.Disconnect(from, to));
    }

    /** Puts a new layer on an existing connection: from → new → to, keeping the input's position in to's list. */
    public NodeId insertOnConnection(Connection connection, LayerSpec spec, Point2D at) {
        NodeId id = network().nextNodeId();
        String name = network().uniqueName(spec);
        apply("Insert " + name, EditCommand.of("Insert " + name, n -> {
            Network added = n.withNode(new LayerNode(id, name, spec)).connect(connection.from(), id);
            List<NodeId> inputs = new ArrayList<>(added.inputsOf(connection.to()));
            inputs.set(connection.inputIndex(), id);
            return added.withInputs(connection.to(), inputs);
        }));
        Point2D fromAt = positions.get(connection.from());
        Point2D toAt = positions.get(connection.to());
        if (at == null && fromAt != null && toAt != null) {
            at = fromAt.midpoint(toAt);
        }
        place(id, at);
        select(id);
        return id;
    }

    /**
     * Deletes the nodes. A deleted node with exactly one input is bridged (its consumers take that input), so
     * removing a layer from a pipeline keeps the pipeline whole.
     */
    public void delete(Collection<NodeId> ids) {
        Set<NodeId> doomed = new LinkedHashSet<>(ids);
        doomed.removeIf(id -> !network().contains(id));
        if (doomed.isEmpty()) {
            return;
        }
        String description = doomed.size() == 1 ? "Delete " + nameOf(doomed.iterator().next())
                : "Delete " + doomed.size() + " layers";
        apply(description, EditCommand.of(description, n -> {
            Network result = n;
            for (NodeId id : doomed) {
                List<NodeId> inputs = result.inputsOf(id);
                NodeId bridge = inputs.size() == 1 && !doomed.contains(inputs.get(0)) ? inputs.get(0) : null;
                for (NodeId consumer : result.consumersOf(id)) {
                    List<NodeId> rewired = new ArrayList<>();
                    for (NodeId input : result.inputsOf(consumer)) {
                        if (!input.equals(id)) {
                            rewired.add(input);
                        } else if (bridge != null && !rewired.contains(bridge)) {
                            rewired.add(bridge);
                        }
                    }
                    result = result.withInputs(consumer, rewired);
                }
                result = result.withoutNode(id);
            }
            return result;
        }));
        doomed.forEach(positions::remove);
        selection.removeAll(doomed);
    }

    public void deleteSelection() {
        delete(List.copyOf(selection));
    }

    /** Moves cards by a delta (drag, arrow-key nudge); a layout change marks the document dirty. */
    public void move(Collection<NodeId> ids, double dx, double dy) {
        for (NodeId id : ids) {
            Point2D at = positions.get(id);
            if (at != null) {
                positions.put(id, new Point2D(Math.max(0, at.getX() + dx), Math.max(0, at.getY() + dy)));
            }
        }
        layoutRevision++;
        updateDirty();
    }

    /** Re-runs the automatic layout for every card. */
    public void autoLayout() {
        positions.clear();
        AutoLayout.placeMissing(network(), positions);
        layoutRevision++;
        updateDirty();
    }

    /**
     * Replaces a layer's parameters after a change to {@code parameter} (its Keras name); changes of the same
     * parameter of the same layer in a row (spinner clicks, typing digits) become one undo step. A null parameter
     * never merges.
     */
    public void editSpec(NodeId id, LayerSpec spec, String description, String parameter) {
        if (network().node(id).spec().equals(spec)) {
            return;
        }
        apply(description, parameter == null ? EditCommand.of(description, n -> n.withSpec(id, spec))
                : new NetworkEdits.ChangeSpec(id, parameter, spec));
    }

    /** Ends a run of merging edits (an editor lost focus): the next change is its own undo step. */
    public void endMerge() {
        history.endMerge();
    }

    public boolean rename(NodeId id, String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || network().findByName(trimmed).isPresent()) {
            return false;
        }
        apply("Rename " + nameOf(id) + " to " + trimmed, new NetworkEdits.Rename(id, trimmed));
        return true;
    }

    public void copySelection() {
        if (selection.isEmpty()) {
            return;
        }
        List<LayerNode> nodes = network().nodes().stream().filter(n -> selection.contains(n.id())).toList();
        List<Connection> internal = network().connections().stream()
                .filter(c -> selection.contains(c.from()) && selection.contains(c.to())).toList();
        Map<NodeId, Point2D> at = new HashMap<>();
        nodes.forEach(n -> at.put(n.id(), positions.get(n.id())));
        clipboard = new Clipboard(nodes, internal, at);
    }

    public boolean canPaste() {
        return clipboard != null;
    }

    /** Pastes copies with fresh ids and names, offset from the originals, and selects them. */
    public List<NodeId> paste() {
        if (clipboard == null) {
            return List.of();
        }
        Clipboard clip = clipboard;
        Map<NodeId, LayerNode> copies = new LinkedHashMap<>();
        Network scratch = network();
        for (LayerNode original : clip.nodes()) {
            NodeId id = scratch.nextNodeId();
            LayerNode copy = new LayerNode(id, scratch.uniqueName(original.spec()), original.spec(),
                    original.trainable());
            scratch = scratch.withNode(copy);
            copies.put(original.id(), copy);
        }
        String description = copies.size() == 1 ? "Paste " + copies.values().iterator().next().name()
                : "Paste " + copies.size() + " layers";
        List<EditCommand> steps = new ArrayList<>();
        copies.values().forEach(copy -> steps.add(new NetworkEdits.AddLayer(copy, List.of())));
        clip.connections().forEach(c -> steps.add(new NetworkEdits.Connect(copies.get(c.from()).id(),
                copies.get(c.to()).id())));
        apply(description, new NetworkEdits.Batch(description, steps));
        copies.forEach((originalId, copy) -> {
            Point2D from = clip.positions().get(originalId);
            place(copy.id(), from == null ? null : from.add(PASTE_OFFSET, PASTE_OFFSET));
        });
        List<NodeId> ids = copies.values().stream().map(LayerNode::id).toList();
        selectAll(ids);
        return ids;
    }

    /** Copy then paste, leaving the clipboard as it was. */
    public List<NodeId> duplicateSelection() {
        Clipboard kept = clipboard;
        copySelection();
        List<NodeId> pasted = paste();
        clipboard = kept;
        return pasted;
    }

    public boolean undo() {
        if (!history.canUndo()) {
            return false;
        }
        history.undo();
        afterHistoryJump();
        return true;
    }

    public boolean redo() {
        if (!history.canRedo()) {
            return false;
        }
        history.redo();
        afterHistoryJump();
        return true;
    }

    // --- internals -----------------------------------------------------------------------------------------

    private void afterHistoryJump() {
        selection.removeIf(id -> !history.current().contains(id));
        AutoLayout.placeMissing(history.current(), positions);
        publish();
    }

    /** Every change to the network goes through here: the engine's history applies and records it. */
    private void apply(String description, EditCommand command) {
        history.execute(new Described(description, command));
        publish();
    }

    /** An engine command with the designer's wording (layer names, not ids) for the Edit menu. */
    private record Described(String description, EditCommand command) implements EditCommand {
        @Override
        public Network apply(Network network) {
            return command.apply(network);
        }

        @Override
        public Optional<String> mergeKey() {
            return command.mergeKey();
        }
    }

    private void place(NodeId id, Point2D at) {
        if (at != null) {
            positions.put(id, new Point2D(Math.max(0, at.getX()), Math.max(0, at.getY())));
        } else {
            AutoLayout.placeMissing(network(), positions);
        }
    }

    private String nameOf(NodeId id) {
        return network().find(id).map(LayerNode::name).orElse(id.value());
    }

    /** Analysis first, then the network: listeners of the network see the matching analysis. */
    private void publish() {
        Network current = history.current();
        analysis.set(ShapeInference.analyze(current));
        network.set(current);
        undoDescription.set(history.undoDescription().orElse(""));
        redoDescription.set(history.redoDescription().orElse(""));
        updateDirty();
    }

    private void updateDirty() {
        dirty.set(history.isDirty() || unsavedOrigin || layoutRevision != savedLayoutRevision);
    }

    Optional<LayerNode> focusedNode() {
        return Optional.ofNullable(focused.get()).flatMap(id -> network().find(id));
    }
}
