package dev.stride.engine.export;

import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.shape.Diagnostic;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.NodeAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A network's summary as Keras's {@code model.summary()} lays it out, in Markdown or in plain text. */
public final class SummaryWriter {
    private static final String[] HEADERS = {"Layer (type)", "Output shape", "Param #", "Connected to"};

    private SummaryWriter() {
    }

    /** A Markdown document: title, a table with one row per layer, the totals and any diagnostics. */
    public static String markdown(Network network, NetworkAnalysis analysis, String title) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        md.append("| ").append(String.join(" | ", HEADERS)).append(" |\n");
        md.append("|---|---|---:|---|\n");
        for (String[] row : rows(network, analysis)) {
            md.append("| ");
            for (int i = 0; i < row.length; i++) {
                md.append(row[i].replace("|", "\\|")).append(i + 1 < row.length ? " | " : " |\n");
            }
        }
        md.append('\n');
        for (String line : totals(analysis)) {
            md.append("- ").append(line).append('\n');
        }
        List<String> diagnostics = diagnostics(network, analysis);
        if (!diagnostics.isEmpty()) {
            md.append("\n## Diagnostics\n\n");
            diagnostics.forEach(d -> md.append("- ").append(d).append('\n'));
        }
        return md.toString();
    }

    /** A fixed-width text table as Keras prints it. */
    public static String text(Network network, NetworkAnalysis analysis, String title) {
        List<String[]> rows = rows(network, analysis);
        int[] widths = new int[HEADERS.length];
        for (int i = 0; i < HEADERS.length; i++) {
            widths[i] = HEADERS[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        int total = 0;
        for (int width : widths) {
            total += width + 3;
        }
        String heavy = "=".repeat(total - 3) + "\n";
        String light = "-".repeat(total - 3) + "\n";
        StringBuilder text = new StringBuilder("Model: \"").append(title).append("\"\n");
        text.append(heavy).append(line(HEADERS, widths)).append(heavy);
        for (int r = 0; r < rows.size(); r++) {
            text.append(line(rows.get(r), widths)).append(r + 1 < rows.size() ? light : heavy);
        }
        for (String line : totals(analysis)) {
            text.append(line).append('\n');
        }
        List<String> diagnostics = diagnostics(network, analysis);
        if (!diagnostics.isEmpty()) {
            text.append("\nDiagnostics:\n");
            diagnostics.forEach(d -> text.append("  ").append(d).append('\n'));
        }
        return text.toString();
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            // Parameter counts are right-aligned as in Keras.
            line.append(i == 2 ? " ".repeat(widths[i] - cell.length()) + cell
                    : cell + " ".repeat(widths[i] - cell.length()));
            if (i + 1 < cells.length) {
                line.append("   ");
            }
        }
        return line.toString().stripTrailing() + "\n";
    }

    private static List<String[]> rows(Network network, NetworkAnalysis analysis) {
        List<NodeId> order = network.topologicalOrder().orElse(network.nodes().stream().map(LayerNode::id).toList());
        List<String[]> rows = new ArrayList<>();
        for (NodeId id : order) {
            LayerNode node = network.node(id);
            NodeAnalysis result = analysis.node(id).orElse(null);
            String shape = result == null || result.outputShape() == null ? "?" : result.outputShape().toKerasString();
            String params = result == null ? "?" : grouped(result.totalParams());
            String inputs = network.inputsOf(id).stream().map(i -> network.node(i).name())
                    .collect(Collectors.joining(", "));
            rows.add(new String[] {node.name() + " (" + node.spec().kerasClassName() + ")", shape, params,
                inputs.isEmpty() ? "-" : inputs});
        }
        return rows;
    }

    private static List<String> totals(NetworkAnalysis analysis) {
        return List.of(
                "Total params: " + grouped(analysis.totalParams()) + " (" + bytes(analysis.parameterBytes()) + ")",
                "Trainable params: " + grouped(analysis.trainableParams()),
                "Non-trainable params: " + grouped(analysis.nonTrainableParams()),
                "Multiply-accumulates per example: " + (analysis.totalMacs() < 0 ? "unknown"
                        : grouped(analysis.totalMacs())),
                "Activation memory for a batch of " + analysis.batchSize() + ": " + bytes(analysis.activationBytes()));
    }

    private static List<String> diagnostics(Network network, NetworkAnalysis analysis) {
        List<String> lines = new ArrayList<>();
        for (Diagnostic diagnostic : analysis.diagnostics()) {
            String where = diagnostic.node() == null ? "" : network.find(diagnostic.node())
                    .map(n -> n.name() + ": ").orElse("");
            lines.add((diagnostic.isError() ? "error: " : "warning: ") + where + diagnostic.message());
        }
        return lines;
    }

    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String bytes(long value) {
        if (value < 1024) {
            return value + " B";
        }
        if (value < 1024L * 1024) {
            return String.format(Locale.ROOT, "%.2f KB", value / 1024.0);
        }
        if (value < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f MB", value / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", value / (1024.0 * 1024 * 1024));
    }
}
