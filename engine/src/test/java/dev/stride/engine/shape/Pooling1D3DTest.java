package dev.stride.engine.shape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.model.AveragePooling3DSpec;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.MaxPooling1DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Size3D;
import dev.stride.engine.model.TensorShape;
import org.junit.jupiter.api.Test;

/** The diagnostics of 1-D and 3-D pooling; their shapes are held against Keras by KerasGroundTruthTest. */
class Pooling1D3DTest {

    private static NodeAnalysis pooled(TensorShape input, dev.stride.engine.model.LayerSpec pooling) {
        Network network = Network.sequential(InputLayerSpec.of(input), pooling);
        return ShapeInference.analyze(network).node(network.sinks().get(0)).orElseThrow();
    }

    @Test
    void stepsTheFloorDropsEarnAWarning() {
        NodeAnalysis node = pooled(TensorShape.of(5, 3), new MaxPooling1DSpec(2, null, Padding.VALID,
                DataFormat.CHANNELS_LAST));

        assertThat(node.outputShape()).isEqualTo(TensorShape.of(2, 3));
        assertThat(node.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).isEqualTo("with strides 2, no window covers the last step of the 5 input; use"
                    + " padding 'same' or an input size that fits");
        });
    }

    @Test
    void aPoolLargerThanTheVolumeIsAnErrorWithTheNumbers() {
        NodeAnalysis node = pooled(TensorShape.of(2, 1, 4, 4), new AveragePooling3DSpec(Size3D.of(2, 3, 3), null,
                Padding.VALID, DataFormat.CHANNELS_FIRST));

        assertThat(node.outputShape()).isNull();
        assertThat(node.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.parameter()).isEqualTo("pool_size");
            assertThat(d.message()).isEqualTo("pool 2×3×3 is larger than the 1×4×4 input; use padding 'same', a"
                    + " smaller pool, or a larger input");
        });
    }

    @Test
    void aSequenceLayerOnAnImageNamesTheShapeItNeeds() {
        NodeAnalysis node = pooled(TensorShape.of(5, 6, 4), MaxPooling1DSpec.of());

        assertThat(node.outputShape()).isNull();
        assertThat(node.diagnostics()).extracting(Diagnostic::message).containsExactly("MaxPooling1D needs a rank-2"
                + " input (steps, features) but gets shape 5×6×4 (rank 3); add a Reshape to that shape");
        assertThat(pooled(TensorShape.of(6, 6, 6, 2), new AveragePooling3DSpec(Size3D.cube(2), Size3D.of(1, 2, 3),
                Padding.SAME, DataFormat.CHANNELS_LAST)).outputShape()).isEqualTo(TensorShape.of(6, 3, 2, 2));
    }
}
