package dev.stride.engine.shape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.keras.KerasJsonException;
import dev.stride.engine.keras.KerasModelReader;
import dev.stride.engine.keras.KerasModelWriter;
import dev.stride.engine.model.AverageSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.MaximumSpec;
import dev.stride.engine.model.MinimumSpec;
import dev.stride.engine.model.MultiplySpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.SubtractSpec;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.project.Project;
import dev.stride.engine.project.ProjectFile;
import dev.stride.engine.project.ProjectFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Subtract, Multiply, Average, Maximum and Minimum: shapes by Keras's base_merge.py broadcasting, Subtract's
 * exactly-two-inputs rule (merging_test.py test_subtract_layer_inputs_length_errors), and their stable type names.
 */
class ElementwiseMergeTest {

    static Stream<LayerSpec> merges() {
        return Stream.of(new SubtractSpec(), new MultiplySpec(), new AverageSpec(), new MaximumSpec(),
                new MinimumSpec());
    }

    /** One InputLayer per shape, all feeding the merge node "merge". */
    private static Network merged(LayerSpec merge, TensorShape... shapes) {
        List<LayerNode> nodes = new ArrayList<>();
        List<NodeId> sources = new ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            NodeId id = NodeId.of("in" + i);
            nodes.add(new LayerNode(id, "input_" + i, InputLayerSpec.of(shapes[i])));
            sources.add(id);
        }
        nodes.add(new LayerNode(NodeId.of("merge"), "merge", merge));
        Map<NodeId, List<NodeId>> inputs = new HashMap<>();
        inputs.put(NodeId.of("merge"), sources);
        return Network.of(nodes, inputs);
    }

    private static NodeAnalysis mergeNode(Network network) {
        return ShapeInference.analyze(network).node(NodeId.of("merge")).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void broadcastsAsKerasAndHasNoWeights(LayerSpec merge) {
        NodeAnalysis node = mergeNode(merged(merge, TensorShape.of(3, 1, 5), TensorShape.of(4, 1)));

        assertThat(node.outputShape()).isEqualTo(TensorShape.of(3, 4, 5));
        assertThat(node.diagnostics()).isEmpty();
        assertThat(mergeNode(merged(merge, TensorShape.of(TensorShape.UNKNOWN, 4), TensorShape.of(3, 4)))
                .outputShape()).isEqualTo(TensorShape.of(TensorShape.UNKNOWN, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void mismatchedShapesAreAnErrorNamingTheLayerKind(LayerSpec merge) {
        NodeAnalysis node = mergeNode(merged(merge, TensorShape.of(4, 5), TensorShape.of(4, 6)));

        assertThat(node.outputShape()).isNull();
        assertThat(node.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.message()).startsWith(merge.kerasClassName() + " needs inputs of the same shape but gets");
        });
    }

    @Test
    void subtractTakesExactlyTwoInputs() {
        NodeAnalysis three = mergeNode(merged(new SubtractSpec(), TensorShape.of(4, 5), TensorShape.of(4, 5),
                TensorShape.of(4, 5)));
        NodeAnalysis one = mergeNode(merged(new SubtractSpec(), TensorShape.of(4, 5)));

        assertThat(three.outputShape()).isNull();
        assertThat(three.diagnostics()).extracting(Diagnostic::message)
                .contains("Subtract takes exactly 2 inputs (first minus second) but 3 are connected; connect exactly"
                        + " two branches");
        assertThat(one.outputShape()).isNull();
        assertThat(one.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).extracting(Diagnostic::message)
                .containsExactly("Subtract takes exactly 2 inputs (first minus second) but 1 is connected; connect"
                        + " exactly two branches");
        assertThat(mergeNode(merged(new MultiplySpec(), TensorShape.of(4, 5), TensorShape.of(4, 5),
                TensorShape.of(4, 5))).outputShape()).isEqualTo(TensorShape.of(4, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void projectFilesAndKerasJsonUseTheKerasClassName(LayerSpec merge)
            throws ProjectFileException, KerasJsonException {
        Network network = merged(merge, TensorShape.of(4, 5), TensorShape.of(4, 5));

        String project = ProjectFile.toJson(Project.of(network));
        String keras = KerasModelWriter.write(network);

        assertThat(project).contains("\"type\" : \"" + merge.kerasClassName() + "\"");
        assertThat(ProjectFile.standard().parse(project).network()).isEqualTo(network);
        assertThat(keras).contains("\"class_name\" : \"" + merge.kerasClassName() + "\"");
        assertThat(KerasModelReader.read(keras).findByName("merge").orElseThrow().spec()).isEqualTo(merge);
    }
}
