package dev.stride.engine.dl4j;

import dev.stride.engine.model.NodeId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The outcome of {@link Dl4jCompiler#compile}: a DL4J configuration when the design can be trained, and every
 * diagnostic either way.
 *
 * @param configuration the DL4J graph, or null when an ERROR diagnostic prevents it
 * @param diagnostics   what DL4J cannot express (errors) or expresses only approximately (warnings)
 * @param vertexOf      the DL4J vertex computing each design node (a Flatten maps to its input's vertex)
 * @param inputType     DL4J's input type, or null when the input layer was unusable
 * @param layout        the image layout the network expects its input in
 */
public record Dl4jCompilation(ComputationGraphConfiguration configuration, List<Dl4jDiagnostic> diagnostics,
                              Map<NodeId, String> vertexOf, InputType inputType, CNN2DFormat layout) {

    public Dl4jCompilation {
        diagnostics = List.copyOf(diagnostics);
        vertexOf = Map.copyOf(vertexOf);
    }

    public Optional<ComputationGraphConfiguration> configurationIfAny() {
        return Optional.ofNullable(configuration);
    }

    public List<Dl4jDiagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Dl4jDiagnostic.Severity.ERROR).toList();
    }

    /** An initialised network ready to train; throws {@link UnsupportedDesignException} naming every error. */
    public ComputationGraph newNetwork() {
        if (configuration == null) {
            throw new UnsupportedDesignException(diagnostics);
        }
        // A copy through JSON, as checkpoints and saved models make it: DL4J's clone() drops settings (MergeVertex's
        // clone is a default vertex, so channels-last images were joined along their height).
        ComputationGraphConfiguration copy = ComputationGraphConfiguration.fromJson(configuration.toJson());
        ComputationGraph graph = new ComputationGraph(copy);
        graph.init();
        return graph;
    }
}
