package dev.stride.app.editor;

import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;

/** Places cards: a pipeline runs top to bottom, parallel branches sit side by side. */
final class AutoLayout {
    static final double ROW_HEIGHT = 104;
    static final double COLUMN_WIDTH = 240;
    static final double MARGIN = 40;

    private AutoLayout() {
    }

    /** Gives every node without a position one: a full layout when none has one, else next to its input. */
    static void placeMissing(Network network, Map<NodeId, Point2D> positions) {
        boolean anyPlaced = network.nodes().stream().anyMatch(n -> positions.containsKey(n.id()));
        if (!anyPlaced) {
            positions.putAll(layout(network));
            return;
        }
        for (LayerNode node : network.nodes()) {
            if (!positions.containsKey(node.id())) {
                positions.put(node.id(), freeSpotNear(network, node.id(), positions));
            }
        }
    }

    /** A full layout: row = longest path from a source; within a row, ordered by the inputs' columns. */
    static Map<NodeId, Point2D> layout(Network network) {
        List<NodeId> order = network.topologicalOrder()
                .orElse(network.nodes().stream().map(LayerNode::id).toList());
        Map<NodeId, Integer> depth = new HashMap<>();
        for (NodeId id : order) {
            int d = 0;
            for (NodeId input : network.inputsOf(id)) {
                d = Math.max(d, depth.getOrDefault(input, -1) + 1);
            }
            depth.put(id, d);
        }
        Map<Integer, List<NodeId>> rows = new java.util.TreeMap<>();
        for (NodeId id : order) {
            rows.computeIfAbsent(depth.get(id), k -> new ArrayList<>()).add(id);
        }
        int widest = rows.values().stream().mapToInt(List::size).max().orElse(1);
        double centre = MARGIN + (widest - 1) * COLUMN_WIDTH / 2;
        Map<NodeId, Double> column = new HashMap<>();
        Map<NodeId, Point2D> result = new HashMap<>();
        for (Map.Entry<Integer, List<NodeId>> row : rows.entrySet()) {
            List<NodeId> ids = new ArrayList<>(row.getValue());
            Map<NodeId, Double> wish = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                NodeId id = ids.get(i);
                double sum = 0;
                int count = 0;
                for (NodeId input : network.inputsOf(id)) {
                    if (column.containsKey(input)) {
                        sum += column.get(input);
                        count++;
                    }
                }
                wish.put(id, count == 0 ? i : sum / count + i * 1e-3);
            }
            ids.sort((a, b) -> Double.compare(wish.get(a), wish.get(b)));
            for (int i = 0; i < ids.size(); i++) {
                double x = centre + (i - (ids.size() - 1) / 2.0) * COLUMN_WIDTH;
                column.put(ids.get(i), x);
                result.put(ids.get(i), new Point2D(x, MARGIN + row.getKey() * ROW_HEIGHT));
            }
        }
        return result;
    }

    private static Point2D freeSpotNear(Network network, NodeId id, Map<NodeId, Point2D> positions) {
        List<NodeId> inputs = network.inputsOf(id);
        Point2D anchor = inputs.isEmpty() ? null : positions.get(inputs.get(0));
        Point2D spot;
        if (anchor != null) {
            spot = anchor.add(0, ROW_HEIGHT);
        } else {
            double bottom = positions.values().stream().mapToDouble(Point2D::getY).max().orElse(MARGIN - ROW_HEIGHT);
            double left = positions.values().stream().mapToDouble(Point2D::getX).min().orElse(MARGIN);
            spot = new Point2D(left, bottom + ROW_HEIGHT);
        }
        while (occupied(spot, positions)) {
            spot = spot.add(COLUMN_WIDTH, 0);
        }
        return spot;
    }

    private static boolean occupied(Point2D spot, Map<NodeId, Point2D> positions) {
        return positions.values().stream().anyMatch(p -> Math.abs(p.getX() - spot.getX()) < COLUMN_WIDTH * 0.8
                && Math.abs(p.getY() - spot.getY()) < ROW_HEIGHT * 0.6);
    }
}
