package dev.stride.engine.export;

import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.NodeAnalysis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simple layered layout of a network for the SVG and PNG exports: each layer one rank below its deepest input,
 * boxes centred per rank, arrows from the bottom of a box to the top of the next.
 */
public record NetworkDiagram(int width, int height, List<Box> boxes, List<Arrow> arrows) {
    static final int BOX_WIDTH = 250;
    static final int BOX_HEIGHT = 62;
    static final int GAP_X = 36;
    static final int GAP_Y = 40;
    static final int MARGIN = 24;
    static final int LANE_GAP = 14;

    /** One layer's box with its three lines of text and fill colour (#rrggbb). */
    public record Box(NodeId id, int x, int y, int width, int height, String title, String shape, String params,
            String fill) {
    }

    /** A connection drawn as a polyline through {@code points}, its arrowhead at the last point. */
    public record Arrow(List<Point> points) {
        public Arrow {
            points = List.copyOf(points);
        }
    }

    /** A point in diagram coordinates. */
    public record Point(int x, int y) {
    }

    public static NetworkDiagram of(Network network, NetworkAnalysis analysis) {
        List<NodeId> order = network.topologicalOrder()
                .orElse(network.nodes().stream().map(LayerNode::id).toList());
        Map<NodeId, Integer> rank = new HashMap<>();
        for (NodeId id : order) {
            int r = 0;
            for (NodeId from : network.inputsOf(id)) {
                r = Math.max(r, rank.getOrDefault(from, 0) + 1);
            }
            rank.put(id, r);
        }
        Map<Integer, List<NodeId>> ranks = new LinkedHashMap<>();
        for (NodeId id : order) {
            ranks.computeIfAbsent(rank.get(id), k -> new ArrayList<>()).add(id);
        }
        int columns = ranks.values().stream().mapToInt(List::size).max().orElse(1);
        int longestTitle = network.nodes().stream()
                .mapToInt(n -> n.name().length() + n.spec().kerasClassName().length() + 3).max().orElse(0);
        // About 8 px per character of the 13 px bold title, so long names stay inside their box.
        int boxWidth = Math.max(BOX_WIDTH, 8 * longestTitle + 16);
        long skips = network.connections().stream()
                .filter(c -> rank.get(c.to()) - rank.get(c.from()) > 1).count();
        int lanesWidth = skips == 0 ? 0 : (int) (LANE_GAP * (skips + 1));
        int boxesWidth = columns * boxWidth + (columns - 1) * GAP_X;
        int width = 2 * MARGIN + boxesWidth + lanesWidth;
        int height = 2 * MARGIN + ranks.size() * BOX_HEIGHT + Math.max(ranks.size() - 1, 0) * GAP_Y;
        List<Box> boxes = new ArrayList<>();
        Map<NodeId, Box> byId = new HashMap<>();
        for (Map.Entry<Integer, List<NodeId>> entry : ranks.entrySet()) {
            List<NodeId> row = entry.getValue();
            int rowWidth = row.size() * boxWidth + (row.size() - 1) * GAP_X;
            int x = MARGIN + (boxesWidth - rowWidth) / 2;
            int y = MARGIN + entry.getKey() * (BOX_HEIGHT + GAP_Y);
            for (NodeId id : row) {
                LayerNode node = network.node(id);
                NodeAnalysis result = analysis.node(id).orElse(null);
                String shape = result == null || result.outputShape() == null
                        ? "shape: ?" : "output: " + result.outputShape();
                String params = result == null ? "" : SummaryWriter.grouped(result.totalParams()) + " params";
                Box box = new Box(id, x, y, boxWidth, BOX_HEIGHT,
                        node.name() + " (" + node.spec().kerasClassName() + ")", shape, params, fill(node.spec()));
                boxes.add(box);
                byId.put(id, box);
                x += boxWidth + GAP_X;
            }
        }
        List<Arrow> arrows = new ArrayList<>();
        int lane = 0;
        for (var connection : network.connections()) {
            Box from = byId.get(connection.from());
            Box to = byId.get(connection.to());
            if (rank.get(connection.to()) - rank.get(connection.from()) > 1) {
                // A skip connection goes round the boxes between, in its own lane on the right.
                int laneX = MARGIN + boxesWidth + LANE_GAP * (++lane);
                int fromY = from.y() + from.height() / 2;
                int toY = to.y() + to.height() / 2;
                arrows.add(new Arrow(List.of(new Point(from.x() + from.width(), fromY), new Point(laneX, fromY),
                        new Point(laneX, toY), new Point(to.x() + to.width(), toY))));
            } else {
                arrows.add(new Arrow(List.of(new Point(from.x() + from.width() / 2, from.y() + from.height()),
                        new Point(to.x() + to.width() / 2, to.y()))));
            }
        }
        return new NetworkDiagram(width, height, boxes, arrows);
    }

    private static String fill(LayerSpec spec) {
        String type = spec.kerasClassName();
        if (type.contains("Conv")) {
            return "#dbe9ff";
        } else if (type.contains("Pooling")) {
            return "#dff5e1";
        } else if (type.equals("Dense")) {
            return "#ffe9d6";
        } else if (type.equals("InputLayer")) {
            return "#eeeeee";
        }
        return "#f6f1ff";
    }
}
