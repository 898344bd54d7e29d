package dev.stride.engine.shape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.DropoutSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.TensorShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** keras.io "Simple MNIST convnet": the published model.summary() numbers. */
class SimpleMnistConvnetTest {

    static Network simpleMnistConvnet() {
        return Network.sequential(
                InputLayerSpec.image(28, 28, 1),
                Conv2DSpec.of(32, 3).withActivation(Activation.RELU),
                MaxPooling2DSpec.of(),
                Conv2DSpec.of(64, 3).withActivation(Activation.RELU),
                MaxPooling2DSpec.of(),
                FlattenSpec.of(),
                DropoutSpec.of(0.5),
                DenseSpec.of(10, Activation.SOFTMAX));
    }

    @Test
    void reproducesThePublishedSummary() {
        Network network = simpleMnistConvnet();
        NetworkAnalysis analysis = ShapeInference.analyze(network);

        List<LayerNode> nodes = network.nodes();
        assertThat(nodes.stream().map(n -> analysis.node(n.id()).orElseThrow().outputShape()).toList())
                .containsExactly(TensorShape.of(28, 28, 1), TensorShape.of(26, 26, 32), TensorShape.of(13, 13, 32),
                        TensorShape.of(11, 11, 64), TensorShape.of(5, 5, 64), TensorShape.of(1600),
                        TensorShape.of(1600), TensorShape.of(10));
        assertThat(nodes.stream().map(n -> analysis.node(n.id()).orElseThrow().totalParams()).toList())
                .containsExactly(0L, 320L, 0L, 18_496L, 0L, 0L, 0L, 16_010L);
        assertThat(analysis.totalParams()).isEqualTo(34_826);
        assertThat(analysis.trainableParams()).isEqualTo(34_826);
        assertThat(analysis.nonTrainableParams()).isZero();
        assertThat(analysis.errors()).isEmpty();
        // 11×11 pooled 2×2 drops the last row and column: legal, but worth a warning.
        assertThat(analysis.warnings()).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("the last row and the last column of the 11×11"));
    }

    @Test
    void macsAndMemoryFollowFromTheShapes() {
        NetworkAnalysis analysis = ShapeInference.analyze(simpleMnistConvnet(), 10);
        long conv1 = 26L * 26 * 32 * 3 * 3 * 1;
        long conv2 = 11L * 11 * 64 * 3 * 3 * 32;
        long dense = 1600L * 10;
        assertThat(analysis.totalMacs()).isEqualTo(conv1 + conv2 + dense);
        assertThat(analysis.parameterBytes()).isEqualTo(34_826L * 4);
        long activations = 28 * 28 + 26 * 26 * 32 + 13 * 13 * 32 + 11 * 11 * 64 + 5 * 5 * 64 + 1600 + 1600 + 10;
        assertThat(analysis.activationBytes()).isEqualTo(activations * 10 * 4);
    }
}
