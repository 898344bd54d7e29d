package dev.stride.engine.project;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@code *.stride} file holds: the network, canvas positions, and the training and dataset settings,
 * which stay opaque JSON here (their owners, engine.training and engine.data, bind them) so the project format does
 * not depend on those packages.
 */
public record Project(Network network, Map<NodeId, NodePosition> layout, ObjectNode training, ObjectNode dataset,
        String notes) {

    public Project {
        Objects.requireNonNull(network, "network");
        layout = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(layout, "layout")));
        training = training == null ? JsonNodeFactory.instance.objectNode() : training.deepCopy();
        dataset = dataset == null ? JsonNodeFactory.instance.objectNode() : dataset.deepCopy();
        notes = notes == null ? "" : notes;
    }

    /** A project with just a network. */
    public static Project of(Network network) {
        return new Project(network, Map.of(), null, null, "");
    }

    /** A defensive copy: ObjectNodes are mutable. */
    @Override
    public ObjectNode training() {
        return training.deepCopy();
    }

    @Override
    public ObjectNode dataset() {
        return dataset.deepCopy();
    }

    public Project withNetwork(Network value) {
        return new Project(value, layout, training, dataset, notes);
    }

    public Project withLayout(Map<NodeId, NodePosition> value) {
        return new Project(network, value, training, dataset, notes);
    }

    public Project withTraining(ObjectNode value) {
        return new Project(network, layout, value, dataset, notes);
    }

    public Project withDataset(ObjectNode value) {
        return new Project(network, layout, training, value, notes);
    }

    public Project withNotes(String value) {
        return new Project(network, layout, training, dataset, value);
    }
}
