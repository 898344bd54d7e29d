package dev.stride.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {

    @Test
    void sequentialNetworkGetsKerasAutomaticNamesAndAChain() {
        Network network = Network.sequential(InputLayerSpec.image(28, 28, 1), Conv2DSpec.of(32, 3),
                Conv2DSpec.of(64, 3), MaxPooling2DSpec.of(), Conv2DTransposeSpec.of(3, Size2D.square(2), Size2D.square(2)));

        assertThat(network.nodes()).extracting(LayerNode::name)
                .containsExactly("input_layer", "conv2d", "conv2d_1", "max_pooling2d", "conv2d_transpose");
        assertThat(network.connections()).hasSize(4);
        assertThat(network.sources()).containsExactly(NodeId.of("n1"));
        assertThat(network.sinks()).containsExactly(NodeId.of("n5"));
    }

    @Test
    void editsReturnNewNetworksAndLeaveTheOriginalUntouched() {
        Network original = Network.sequential(InputLayerSpec.vector(4), DenseSpec.of(3));
        Network changed = original.withSpec(NodeId.of("n2"), DenseSpec.of(5));

        assertThat(((DenseSpec) original.node(NodeId.of("n2")).spec()).units()).isEqualTo(3);
        assertThat(((DenseSpec) changed.node(NodeId.of("n2")).spec()).units()).isEqualTo(5);
        assertThat(changed.inputsOf(NodeId.of("n2"))).containsExactly(NodeId.of("n1"));
    }

    @Test
    void removingANodeRemovesItsConnections() {
        Network network = Network.sequential(InputLayerSpec.vector(4), DenseSpec.of(3), DenseSpec.of(2));
        Network removed = network.withoutNode(NodeId.of("n2"));

        assertThat(removed.size()).isEqualTo(2);
        assertThat(removed.connections()).isEmpty();
    }

    @Test
    void mergeInputsKeepTheirOrder() {
        Network network = Network.sequential(InputLayerSpec.image(8, 8, 3), Conv2DSpec.of(4, 1))
                .withLayer(Conv2DSpec.of(2, 1))
                .withLayer(ConcatenateSpec.of());
        network = network.connect(NodeId.of("n1"), NodeId.of("n3"))
                .connect(NodeId.of("n3"), NodeId.of("n4"))
                .connect(NodeId.of("n2"), NodeId.of("n4"));

        assertThat(network.inputsOf(NodeId.of("n4"))).containsExactly(NodeId.of("n3"), NodeId.of("n2"));
        assertThat(network.topologicalOrder()).isPresent();
    }

    @Test
    void aCycleHasNoTopologicalOrderAndItsNodesAreReported() {
        Network network = Network.sequential(InputLayerSpec.vector(4), DenseSpec.of(3), DenseSpec.of(3))
                .connect(NodeId.of("n3"), NodeId.of("n2"));

        assertThat(network.topologicalOrder()).isEmpty();
        assertThat(network.nodesOnCycles()).containsExactlyInAnyOrder(NodeId.of("n2"), NodeId.of("n3"));
    }

    @Test
    void duplicateNamesAndUnknownEndpointsAreRejected() {
        LayerNode a = new LayerNode(NodeId.of("a"), "dense", DenseSpec.of(1));
        LayerNode b = new LayerNode(NodeId.of("b"), "dense", DenseSpec.of(1));
        assertThatThrownBy(() -> Network.of(List.of(a, b), java.util.Map.of()))
                .hasMessageContaining("'dense'");
        assertThatThrownBy(() -> Network.of(List.of(a), java.util.Map.of(NodeId.of("a"), List.of(NodeId.of("x")))))
                .hasMessageContaining("unknown node x");
    }

    @Test
    void kerasSnakeCaseMatchesKerasForEveryKind() {
        assertThat(KerasNames.snakeCase("Conv2DTranspose")).isEqualTo("conv2d_transpose");
        assertThat(KerasNames.snakeCase("GlobalAveragePooling2D")).isEqualTo("global_average_pooling2d");
        assertThat(KerasNames.snakeCase("BatchNormalization")).isEqualTo("batch_normalization");
        assertThat(KerasNames.snakeCase("SpatialDropout2D")).isEqualTo("spatial_dropout2d");
        assertThat(KerasNames.snakeCase("UpSampling2D")).isEqualTo("up_sampling2d");
        assertThat(KerasNames.snakeCase("ZeroPadding2D")).isEqualTo("zero_padding2d");
    }

    @Test
    void initializerArgumentsAreNormalisedSoEqualOnesCompareEqual() {
        assertThat(Initializer.constant(1)).isEqualTo(new Initializer(Initializer.Kind.CONSTANT,
                java.util.Map.of("value", 1.0)));
        assertThat(Initializer.Kind.fromKeras("glorot_uniform")).isEqualTo(Initializer.Kind.GLOROT_UNIFORM);
        assertThatThrownBy(() -> new Initializer(Initializer.Kind.ZEROS, java.util.Map.of("value", 1)))
                .hasMessageContaining("Zeros has no argument 'value'");
    }
}
