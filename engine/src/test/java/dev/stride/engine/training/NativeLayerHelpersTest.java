package dev.stride.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.engine.dl4j.Dl4jCompiler;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Size2D;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The oneDNN helpers and the convolution cache must train exactly what DL4J's own layers train. */
class NativeLayerHelpersTest {

    @ParameterizedTest(name = "{0}x{0} kernel, stride {1}, dilation {2}, {3}, bias {4}, batch {5}, channels {6}")
    @CsvSource({"5, 1, 1, Same, true, 6, 1", "3, 2, 1, Truncate, true, 6, 1", "3, 1, 1, Same, false, 6, 1",
            "4, 3, 1, Truncate, true, 6, 1", "3, 1, 1, Same, true, 1, 1", "15, 1, 1, Truncate, true, 3, 1",
            "3, 16, 1, Truncate, true, 2, 1", "7, 2, 1, Truncate, true, 5, 3", "3, 2, 1, Same, true, 4, 3",
            "3, 1, 2, Same, true, 3, 2", "2, 3, 3, Truncate, true, 3, 2"})
    void the_input_layer_helper_gives_the_true_weight_and_bias_gradients(int kernel, int stride, int dilation,
            ConvolutionMode mode, boolean withBias, int batch, int channels) {
        var random = Nd4j.getRandomFactory().getNewRandomInstance(7);
        INDArray input = Nd4j.rand(random, batch, channels, 17, 15).castTo(DataType.FLOAT);
        INDArray weights = Nd4j.randn(random, new long[] {5, channels, kernel, kernel}).castTo(DataType.FLOAT);
        INDArray bias = withBias ? Nd4j.randn(random, new long[] {5}).castTo(DataType.FLOAT) : null;
        int effective = (kernel - 1) * dilation + 1;
        long outH = mode == ConvolutionMode.Same ? (17 + stride - 1) / stride : (17 - effective) / stride + 1;
        long outW = mode == ConvolutionMode.Same ? (15 + stride - 1) / stride : (15 - effective) / stride + 1;
        INDArray delta = Nd4j.randn(random, new long[] {batch, 5, outH, outW}).castTo(DataType.FLOAT);
        int[] k = {kernel, kernel};
        int[] s = {stride, stride};
        int[] d = {dilation, dilation};
        int[] pad = {0, 0};

        int[] topLeft = mode == ConvolutionMode.Same ? ConvolutionUtils.getSameModeTopLeftPadding(
                new int[] {(int) outH, (int) outW}, new int[] {17, 15}, k, s, d) : pad;
        INDArray expectedW = Nd4j.zeros(DataType.FLOAT, 5, channels, kernel, kernel);
        INDArray expectedB = Nd4j.zeros(DataType.FLOAT, 5);
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < 5; o++) {
                for (int y = 0; y < outH; y++) {
                    for (int x = 0; x < outW; x++) {
                        double g = delta.getDouble(n, o, y, x);
                        expectedB.putScalar(o, expectedB.getDouble(o) + g);
                        for (int c = 0; c < channels; c++) {
                            for (int i = 0; i < kernel; i++) {
                                for (int j = 0; j < kernel; j++) {
                                    int row = y * stride + i * dilation - topLeft[0];
                                    int column = x * stride + j * dilation - topLeft[1];
                                    if (row >= 0 && row < 17 && column >= 0 && column < 15) {
                                        expectedW.putScalar(new long[] {o, c, i, j}, expectedW.getDouble(o, c, i, j)
                                                + g * input.getDouble(n, c, row, column));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        INDArray actualW = Nd4j.zeros(DataType.FLOAT, 5, channels, kernel, kernel);
        INDArray actualB = withBias ? Nd4j.zeros(DataType.FLOAT, 5) : null;
        var result = new InputConvolutionHelper(DataType.FLOAT).backpropGradient(input, weights, bias, delta, k, s,
                pad, actualB, actualW, new ActivationIdentity(), null, null, null, mode, d, CNN2DFormat.NCHW,
                LayerWorkspaceMgr.noWorkspaces());

        assertTrue(expectedW.sumNumber().doubleValue() != 0, "the reference gradient is not trivial");
        assertEquals(0, maxDifference(expectedW, actualW), 1e-3 * expectedW.amaxNumber().doubleValue());
        if (withBias) {
            assertEquals(0, maxDifference(expectedB, actualB), 1e-3 * expectedB.amaxNumber().doubleValue());
        }
        assertEquals(java.util.Arrays.toString(input.shape()), java.util.Arrays.toString(result.getSecond().shape()));

        // The helper picks one of two routes by the patch matrix's size; the patch route is checked here for all.
        var geometry = new PatchGradient.Geometry(channels, 17, 15, kernel, kernel, stride, stride, dilation, dilation,
                topLeft[0], topLeft[1], (int) outH, (int) outW);
        float[] sums = PatchGradient.sums(input, delta, geometry);
        int taps = channels * kernel * kernel;
        INDArray patchW = Nd4j.create(DataType.FLOAT, 5, taps);
        INDArray patchB = Nd4j.create(DataType.FLOAT, 5);
        for (int o = 0; o < 5; o++) {
            for (int t = 0; t < taps; t++) {
                patchW.putScalar(o, t, sums[o * (taps + 1) + t]);
            }
            patchB.putScalar(o, sums[o * (taps + 1) + taps]);
        }
        assertEquals(0, maxDifference(expectedW, patchW.reshape(expectedW.shape())),
                1e-3 * expectedW.amaxNumber().doubleValue());
        assertEquals(0, maxDifference(expectedB, patchB), 1e-3 * expectedB.amaxNumber().doubleValue());
    }

    @ParameterizedTest(name = "activations {0}")
    @CsvSource({"'8,5,6,7'", "'16,12,1,1'", "'1,4,3,3'", "'1,6,1,1'", "'3,7,45,45'", "'40,300,1,1'", "'4,8,90,90'"})
    void channel_batch_norm_matches_dl4js_onednn_helper(String dims) {
        long[] shape = java.util.Arrays.stream(dims.split(",")).mapToLong(Long::parseLong).toArray();
        var random = Nd4j.getRandomFactory().getNewRandomInstance(5);
        INDArray x = Nd4j.rand(random, shape).castTo(DataType.FLOAT).muli(3).addi(1);
        INDArray dy = Nd4j.randn(random, shape).castTo(DataType.FLOAT);
        long channels = shape[1];
        INDArray gamma = Nd4j.rand(random, 1, channels).castTo(DataType.FLOAT).addi(0.5);
        INDArray beta = Nd4j.randn(random, new long[] {1, channels}).castTo(DataType.FLOAT);
        INDArray globalMean = Nd4j.zeros(DataType.FLOAT, 1, channels);
        INDArray globalVar = Nd4j.ones(DataType.FLOAT, 1, channels);
        var workspaces = LayerWorkspaceMgr.noWorkspaces();

        var expected = new org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper(DataType.FLOAT);
        BatchNormPass expectedPass = BatchNormPass.run(expected, x, dy, gamma, beta, globalMean, globalVar);
        INDArray expectedOut = expectedPass.out();
        INDArray expectedDGamma = expectedPass.dGamma();
        INDArray expectedDBeta = expectedPass.dBeta();
        INDArray expectedDx = expectedPass.dx();

        var actual = new ChannelBatchNormHelper();
        BatchNormPass actualPass = BatchNormPass.run(actual, x, dy, gamma, beta, globalMean, globalVar);
        INDArray actualOut = actualPass.out();
        INDArray actualDGamma = actualPass.dGamma();
        INDArray actualDBeta = actualPass.dBeta();
        INDArray actualDx = actualPass.dx();

        assertEquals(0, maxDifference(expected.getMeanCache(DataType.FLOAT), actual.getMeanCache(DataType.FLOAT)), 1e-4, "mean");
        assertEquals(0, maxDifference(expected.getVarCache(DataType.FLOAT), actual.getVarCache(DataType.FLOAT)), 1e-3, "variance");
        assertEquals(0, maxDifference(expectedOut, actualOut), 1e-4, "output");
        // Sums over N·H·W values: oneDNN accumulates in float, so compare relative to their size.
        double sumScale = Math.max(1, expectedDGamma.amaxNumber().doubleValue());
        assertEquals(0, maxDifference(expectedDGamma, actualDGamma) / sumScale, 1e-5, "dgamma");
        assertEquals(0, maxDifference(expectedDBeta, actualDBeta) / sumScale, 1e-5, "dbeta");
        assertEquals(0, maxDifference(expectedDx, actualDx), 1e-4, "dx");

        INDArray runningMean = Nd4j.rand(random, 1, channels).castTo(DataType.FLOAT);
        INDArray runningVar = Nd4j.rand(random, 1, channels).castTo(DataType.FLOAT).addi(0.5);
        assertEquals(0, maxDifference(
                expected.preOutput(x, false, shape, gamma, beta, runningMean, runningVar, 0.99, 1e-3,
                        CNN2DFormat.NCHW, workspaces),
                actual.preOutput(x, false, shape, gamma, beta, runningMean, runningVar, 0.99, 1e-3,
                        CNN2DFormat.NCHW, workspaces)), 1e-4, "inference output");
    }

    @Test
    void batch_norm_backprop_after_a_forward_pass_it_did_not_run_is_left_to_dl4j() {
        INDArray gamma = Nd4j.ones(DataType.FLOAT, 1, 3);
        INDArray beta = Nd4j.zeros(DataType.FLOAT, 1, 3);
        INDArray zeros = Nd4j.zeros(DataType.FLOAT, 1, 3);
        var workspaces = LayerWorkspaceMgr.noWorkspaces();
        var helper = new ChannelBatchNormHelper();
        INDArray small = Nd4j.rand(DataType.FLOAT, 2, 3, 4, 4);
        assertTrue(helper.preOutput(small, true, small.shape(), gamma, beta, zeros, zeros, 0.9, 1e-3,
                CNN2DFormat.NCHW, workspaces) != null);
        // The next forward pass is one the helper does not handle (here: channels last); its statistics are stale.
        INDArray channelsLast = Nd4j.rand(DataType.FLOAT, 2, 4, 4, 3);
        assertEquals(null, helper.preOutput(channelsLast, true, channelsLast.shape(), gamma, beta, zeros, zeros,
                0.9, 1e-3, CNN2DFormat.NHWC, workspaces));
        assertEquals(null, helper.backpropGradient(small, small, small.shape(), gamma, beta,
                Nd4j.zeros(DataType.FLOAT, 1, 3), Nd4j.zeros(DataType.FLOAT, 1, 3), 1e-3, CNN2DFormat.NCHW,
                workspaces), "no gradient from statistics of an earlier batch");
    }

    @Test
    void helpers_and_the_convolution_cache_train_the_same_weights_as_dl4js_own_layers() {
        Network network = Network.sequential(
                InputLayerSpec.image(12, 12, 1),
                Conv2DSpec.of(4, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                BatchNormalizationSpec.of(),
                Conv2DSpec.of(6, 3).withStrides(Size2D.square(2)).withPadding(Padding.SAME)
                        .withActivation(Activation.RELU),
                MaxPooling2DSpec.of(Size2D.square(2)),
                FlattenSpec.of(),
                DenseSpec.of(8, Activation.RELU),
                BatchNormalizationSpec.of(),
                DenseSpec.of(3, Activation.SOFTMAX));
        // Plain SGD: Adam would blow up rounding noise in the biases before BatchNormalization (true gradient 0).
        TrainingSettings settings = TrainingSettings.defaults().withSeed(3).withLearningRate(0.1)
                .withOptimizer(TrainingSettings.Optimizer.SGD);
        ComputationGraphConfiguration compiled = Dl4jCompiler.compile(network, settings, CNN2DFormat.NCHW)
                .configurationIfAny().orElseThrow();
        assertEquals(CacheMode.DEVICE, compiled.getCacheMode(), "the compiler keeps forward outputs for backprop");

        ComputationGraph withHelpers = new ComputationGraph(compiled.clone());
        withHelpers.init();
        assertTrue(NativeLayerHelpers.install(withHelpers) >= 4, "conv, batch-norm and pooling helpers installed");
        ComputationGraphConfiguration plain = compiled.clone();
        plain.setCacheMode(CacheMode.NONE);
        ComputationGraph reference = new ComputationGraph(plain);
        reference.init();
        reference.setParams(withHelpers.params().dup());

        var random = Nd4j.getRandomFactory().getNewRandomInstance(11);
        INDArray initial = withHelpers.params().dup();
        for (int step = 0; step < 4; step++) {
            INDArray x = Nd4j.rand(random, 16, 1, 12, 12).castTo(DataType.FLOAT);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 3);
            for (int i = 0; i < 16; i++) {
                y.putScalar(i, (i + step) % 3, 1f);
            }
            // Same weights (and batch-norm statistics) on both sides, then compare every gradient.
            withHelpers.setParams(reference.params().dup());
            computeBoth(reference, withHelpers, x, y);
            assertEquals(reference.score(), withHelpers.score(), 1e-5, "score at step " + step);
            for (var entry : reference.gradient().gradientForVariable().entrySet()) {
                INDArray expected = entry.getValue();
                double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
                assertEquals(0, maxDifference(expected,
                        withHelpers.gradient().gradientForVariable().get(entry.getKey())) / scale, 1e-4,
                        "step " + step + ", gradient of " + entry.getKey());
            }
            reference.fit(new DataSet(x, y));
            withHelpers.fit(new DataSet(x, y));
        }
        assertTrue(maxDifference(initial, reference.params()) > 1e-3, "training changed the weights");
        for (var layer : withHelpers.getLayers()) {
            assertEquals(0, helperFailures(layer), layer.getConfig().getLayerName() + ": its helper ran without failing");
        }
    }

    @Test
    void channels_last_networks_get_only_helpers_whose_gradients_equal_dl4js() {
        Network network = Network.sequential(
                InputLayerSpec.image(12, 12, 1),
                Conv2DSpec.of(4, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                MaxPooling2DSpec.of(Size2D.square(2)),
                Conv2DSpec.of(6, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                MaxPooling2DSpec.of(Size2D.square(2)),
                FlattenSpec.of(),
                DenseSpec.of(3, Activation.SOFTMAX));
        TrainingSettings settings = TrainingSettings.defaults().withSeed(3);
        ComputationGraph reference = Dl4jCompiler.compile(network, settings, CNN2DFormat.NHWC).newNetwork();
        ComputationGraph withHelpers = Dl4jCompiler.compile(network, settings, CNN2DFormat.NHWC).newNetwork();
        withHelpers.setParams(reference.params().dup());
        assertEquals(2, NativeLayerHelpers.install(withHelpers), "pooling only: DL4J's conv helper is wrong in NHWC");
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 12, 12, 1);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 3);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 3, 1f);
        }
        computeBoth(reference, withHelpers, x, y);
        for (var entry : reference.gradient().gradientForVariable().entrySet()) {
            INDArray expected = entry.getValue();
            double scale = Math.max(1e-6, expected.amaxNumber().doubleValue());
            assertEquals(0, maxDifference(expected, withHelpers.gradient().gradientForVariable().get(entry.getKey()))
                    / scale, 1e-4, "gradient of " + entry.getKey());
        }
    }

    @Test
    void dilated_convolutions_keep_dl4js_own_code_because_libnd4js_onednn_rejects_them() throws Exception {
        Network network = Network.sequential(
                InputLayerSpec.image(16, 16, 1),
                Conv2DSpec.of(4, 3).withDilationRate(Size2D.square(2)).withActivation(Activation.RELU),
                Conv2DSpec.of(4, 3).withActivation(Activation.RELU),
                FlattenSpec.of(),
                DenseSpec.of(3, Activation.SOFTMAX));
        ComputationGraph graph = Dl4jCompiler.compile(network, TrainingSettings.defaults(), CNN2DFormat.NCHW)
                .newNetwork();
        assertEquals(1, NativeLayerHelpers.install(graph), "only the undilated convolution gets a helper");
        var helper = org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class.getDeclaredField("helper");
        helper.setAccessible(true);
        assertEquals(null, helper.get(graph.getLayer(0)));
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 4, 3);
        labels.getColumn(1).assign(1);
        graph.fit(new DataSet(Nd4j.rand(DataType.FLOAT, 4, 1, 16, 16), labels));
        for (var layer : graph.getLayers()) {
            assertEquals(0, helperFailures(layer), layer.getConfig().getLayerName());
        }
    }

    /** Gradients and scores of both networks for the same batch. */
    private static void computeBoth(ComputationGraph reference, ComputationGraph candidate, INDArray x, INDArray y) {
        for (ComputationGraph graph : new ComputationGraph[] {reference, candidate}) {
            graph.setInputs(x);
            graph.setLabels(y);
            graph.computeGradientAndScore();
        }
    }

    /** One training step of a batch-norm helper: forward in training mode, then backward. */
    private record BatchNormPass(INDArray out, INDArray dGamma, INDArray dBeta, INDArray dx) {
        static BatchNormPass run(org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper helper,
                INDArray x, INDArray dy, INDArray gamma, INDArray beta, INDArray globalMean, INDArray globalVar) {
            var workspaces = LayerWorkspaceMgr.noWorkspaces();
            long channels = x.size(1);
            INDArray out = helper.preOutput(x, true, x.shape(), gamma, beta, globalMean, globalVar, 0.99, 1e-3,
                    CNN2DFormat.NCHW, workspaces);
            INDArray dGamma = Nd4j.zeros(DataType.FLOAT, 1, channels);
            INDArray dBeta = Nd4j.zeros(DataType.FLOAT, 1, channels);
            INDArray dx = helper.backpropGradient(x, dy, x.shape(), gamma, beta, dGamma, dBeta, 1e-3,
                    CNN2DFormat.NCHW, workspaces).getSecond();
            return new BatchNormPass(out, dGamma, dBeta, dx);
        }
    }

    /** DL4J counts a helper's failures and then silently uses its own code: that must not happen here. */
    private static int helperFailures(Object layer) {
        for (Class<?> type = layer.getClass(); type != null; type = type.getSuperclass()) {
            try {
                var field = type.getDeclaredField("helperCountFail");
                field.setAccessible(true);
                return field.getInt(layer);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return 0;
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }
}
