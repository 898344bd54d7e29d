package dev.stride.engine.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.shape.Diagnostic;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.NodeAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `stride summary`: Keras's model.summary() for a project or a Keras model JSON, plus MACs. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print each layer's output shape, parameters and MACs, like Keras's model.summary().")
final class SummaryCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print machine-readable JSON instead of a table.")
    boolean json;

    @Parameters(index = "0", paramLabel = "FILE", description = "A .stride project or a Keras model JSON file.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DesignFile design;
        try {
            design = DesignFile.load(file);
        } catch (DesignFile.Unreadable e) {
            err.println("error: " + e.getMessage());
            return StrideCli.USAGE_ERROR;
        }
        Network network = design.network();
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        if (!analysis.isValid()) {
            for (Diagnostic diagnostic : analysis.errors()) {
                String where = diagnostic.node() == null ? design.modelName()
                        : network.node(diagnostic.node()).name();
                err.println("error: " + where + ": " + diagnostic.message());
            }
            return StrideCli.USAGE_ERROR;
        }
        List<LayerNode> rows = rows(network, design.sequential());
        if (json) {
            out.println(toJson(rows, analysis));
        } else {
            printTable(out, design.modelName(), rows, analysis);
            for (Diagnostic warning : analysis.warnings()) {
                String where = warning.node() == null ? design.modelName() : network.node(warning.node()).name();
                err.println("warning: " + where + ": " + warning.message());
            }
        }
        out.flush();
        return 0;
    }

    /** Keras lists a Sequential model's layers without its InputLayer; a Functional model's with them. */
    private static List<LayerNode> rows(Network network, boolean sequential) {
        List<LayerNode> rows = new ArrayList<>();
        for (LayerNode node : network.nodes()) {
            if (!(sequential && node.spec() instanceof InputLayerSpec)) {
                rows.add(node);
            }
        }
        return rows;
    }

    static String toJson(List<LayerNode> rows, NetworkAnalysis analysis) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ArrayNode layers = root.putArray("layers");
        for (LayerNode node : rows) {
            NodeAnalysis a = analysis.node(node.id()).orElseThrow();
            ObjectNode layer = layers.addObject();
            layer.put("name", node.name());
            layer.put("type", node.spec().kerasClassName());
            ArrayNode shape = layer.putArray("output_shape");
            for (int dim : a.outputShape().dims()) {
                if (dim == TensorShape.UNKNOWN) {
                    shape.addNull();
                } else {
                    shape.add(dim);
                }
            }
            layer.put("params", a.totalParams());
            layer.put("trainable_params", a.trainableParams());
            if (a.macs() < 0) {
                layer.putNull("macs");
            } else {
                layer.put("macs", a.macs());
            }
        }
        root.put("total_params", analysis.totalParams());
        root.put("trainable_params", analysis.trainableParams());
        root.put("non_trainable_params", analysis.nonTrainableParams());
        try {
            return JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static void printTable(PrintWriter out, String modelName, List<LayerNode> rows, NetworkAnalysis analysis) {
        List<String[]> cells = new ArrayList<>();
        for (LayerNode node : rows) {
            NodeAnalysis a = analysis.node(node.id()).orElseThrow();
            cells.add(new String[] {node.name() + " (" + node.spec().kerasClassName() + ")",
                    a.outputShape().toKerasString(), n(a.totalParams()), a.macs() < 0 ? "?" : n(a.macs())});
        }
        String[] header = {"Layer (type)", "Output Shape", "Param #", "MACs"};
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            for (String[] row : cells) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        int total = width[0] + width[1] + width[2] + width[3] + 9;
        out.println("Model: \"" + modelName + "\"");
        out.println("─".repeat(total));
        out.println(line(header, width));
        out.println("═".repeat(total));
        for (String[] row : cells) {
            out.println(line(row, width));
        }
        out.println("═".repeat(total));
        out.println("Total params: " + n(analysis.totalParams()) + " (" + bytes(analysis.parameterBytes()) + ")");
        out.println("Trainable params: " + n(analysis.trainableParams()));
        out.println("Non-trainable params: " + n(analysis.nonTrainableParams()));
        out.println("Total MACs per example: " + n(analysis.totalMacs()));
        out.println("Activation memory at batch " + analysis.batchSize() + ": " + bytes(analysis.activationBytes()));
    }

    private static String line(String[] row, int[] width) {
        return String.format(Locale.ROOT, "%-" + width[0] + "s   %-" + width[1] + "s   %" + width[2] + "s   %"
                + width[3] + "s", (Object[]) row);
    }

    private static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
