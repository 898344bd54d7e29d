package dev.stride.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class OnnxExporterTest {

    static List<ExportFixtures.Named> networks() {
        return ExportFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void onnxRuntimeRunsTheExportAndProducesKerasOutputShapes(ExportFixtures.Named named) throws Exception {
        Network network = named.network();
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        byte[] model = OnnxExporter.export(network, analysis, InitialWeights.generate(network, analysis, 7),
                OnnxInputLayout.NCHW);

        TensorShape inputShape = analysis.node(network.sources().get(0)).orElseThrow().outputShape();
        long[] onnxInput = nchw(inputShape, network);
        float[] input = random(Math.toIntExact(2 * inputShape.elementCount()), 1);
        OnnxRuntimeHarness.Result result = OnnxRuntimeHarness.run(model, input, withBatch(2, onnxInput));

        TensorShape outputShape = analysis.node(network.sinks().get(0)).orElseThrow().outputShape();
        assertThat(result.shape()).containsExactly(withBatch(2, toLongs(outputShape)));
        for (float value : result.values()) {
            assertThat(value).isFinite();
        }
    }

    /** 5×5 ones, 2×2 ones kernel, stride 2 'same': TensorFlow pads 0 on top and 1 at the bottom. */
    @Test
    void samePaddingWithStrideTwoPutsTheExtraRowAtTheBottomAsTensorFlowDoes() throws Exception {
        Network network = Network.sequential(InputLayerSpec.image(5, 5, 1),
                Conv2DSpec.of(1, 2).withStrides(Size2D.square(2)).withPadding(Padding.SAME).withUseBias(false));
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        NetworkWeights weights = new NetworkWeights(Map.of("conv2d",
                Map.of("kernel", WeightTensor.filled(1f, 2, 2, 1, 1))));
        float[] ones = new float[25];
        Arrays.fill(ones, 1f);

        OnnxRuntimeHarness.Result result = OnnxRuntimeHarness.run(
                OnnxExporter.export(network, analysis, weights, OnnxInputLayout.NHWC), ones, 1, 5, 5, 1);

        assertThat(result.shape()).containsExactly(1, 3, 3, 1);
        assertThat(result.values()).containsExactly(4, 4, 2, 4, 4, 2, 2, 2, 1);
    }

    @Test
    void anUnsupportedSettingIsNamedWithItsLayer() {
        Network network = Network.of(List.of(
                        new LayerNode(NodeId.of("a"), "pixels", InputLayerSpec.image(4, 4, 1)),
                        new LayerNode(NodeId.of("b"), "smooth_up",
                                new UpSampling2DSpec(Size2D.square(2),
                                        dev.stride.engine.model.DataFormat.CHANNELS_LAST, "bicubic"))),
                Map.of(NodeId.of("b"), List.of(NodeId.of("a"))));
        NetworkAnalysis analysis = ShapeInference.analyze(network);

        assertThatThrownBy(() -> OnnxExporter.export(network, analysis, new NetworkWeights(Map.of()),
                OnnxInputLayout.NCHW))
                .isInstanceOf(UnsupportedLayerException.class)
                .hasMessageContaining("smooth_up").hasMessageContaining("bicubic");
    }

    static long[] nchw(TensorShape keras, Network network) {
        if (keras.rank() != 3) {
            return toLongs(keras);
        }
        boolean channelsLast = NetworkFormats.dataFormat(network) == dev.stride.engine.model.DataFormat.CHANNELS_LAST;
        return channelsLast ? new long[] {keras.dim(2), keras.dim(0), keras.dim(1)} : toLongs(keras);
    }

    static long[] toLongs(TensorShape shape) {
        return shape.dims().stream().mapToLong(Integer::longValue).toArray();
    }

    static long[] withBatch(long batch, long[] dims) {
        long[] result = new long[dims.length + 1];
        result[0] = batch;
        System.arraycopy(dims, 0, result, 1, dims.length);
        return result;
    }

    static float[] random(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }
}
