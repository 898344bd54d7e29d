package dev.stride.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.engine.dl4j.Dl4jCompiler;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.DropoutSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Regularizer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class TrainingKernelsTest {

    @Test
    void relu_gradient_equals_dl4js_for_views_c_and_f_order_and_lengths_that_are_not_whole_chunks() {
        var random = Nd4j.getRandomFactory().getNewRandomInstance(2);
        for (char order : new char[] {'c', 'f'}) {
            for (long[] shape : new long[][] {{3, 5, 7, 11}, {2, 4096 + 17}, {1}}) {
                INDArray z = Nd4j.randn(random, shape).castTo(DataType.FLOAT).dup(order);
                INDArray upstream = Nd4j.randn(random, shape).castTo(DataType.FLOAT).dup(order);
                z.putScalar(0, 0f); // ReLU's gradient at exactly 0 is 0 in DL4J
                INDArray expected = new ActivationReLU().backprop(z.dup(order), upstream.dup(order)).getFirst();
                INDArray actual = new ReluBackprop().backprop(z, upstream).getFirst();
                assertEquals(expected, actual, order + " " + java.util.Arrays.toString(shape));
            }
        }
        // A view that starts 5 values into its buffer.
        INDArray backing = Nd4j.randn(random, new long[] {1, 1005}).castTo(DataType.FLOAT);
        INDArray z = backing.get(NDArrayIndex.point(0), NDArrayIndex.interval(5, 1005)).reshape(10, 100);
        INDArray upstream = Nd4j.randn(random, new long[] {10, 100}).castTo(DataType.FLOAT);
        assertEquals(new ActivationReLU().backprop(z.dup(), upstream.dup()).getFirst(),
                new ReluBackprop().backprop(z, upstream).getFirst());
    }

    @Test
    void relu_gradient_at_special_values_matches_dl4j() {
        float[] specials = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
            -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f, Float.MIN_NORMAL};
        INDArray z = Nd4j.createFromArray(specials);
        INDArray upstream = Nd4j.linspace(DataType.FLOAT, 1, specials.length, 1);
        INDArray expected = new ActivationReLU().backprop(z.dup(), upstream.dup()).getFirst();
        assertEquals(expected, new ReluBackprop().backprop(z, upstream).getFirst());
        assertEquals(5, expected.gt(0).castTo(DataType.INT).sumNumber().intValue(), "+inf, MIN_VALUE, MAX_VALUE, 1 "
                + "and MIN_NORMAL pass; 0, -0, NaN and negatives do not: " + expected);
    }

    @Test
    void dropout_keeps_the_retain_fraction_scales_by_one_over_p_and_backprops_through_the_same_values() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 50, 2000).addi(0.5);
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, 50, 2000);
        MaskedDropout dropout = new MaskedDropout();
        Nd4j.getRandom().setSeed(12);
        dropout.applyDropout(x, out, 0.75);
        INDArray kept = out.neq(0);
        double fraction = kept.castTo(DataType.DOUBLE).meanNumber().doubleValue();
        assertEquals(0.75, fraction, 0.005, "kept fraction of 100,000 values");
        assertEquals(x.mul(1f / 0.75f).mul(kept.castTo(DataType.FLOAT)), out, "kept values are x/p, others 0");

        INDArray upstream = Nd4j.rand(DataType.FLOAT, 50, 2000).addi(0.5);
        INDArray gradient = Nd4j.createUninitialized(DataType.FLOAT, 50, 2000);
        dropout.backprop(upstream, gradient);
        assertEquals(upstream.mul(1f / 0.75f).mul(kept.castTo(DataType.FLOAT)), gradient, "same mask, same scale");

        INDArray again = Nd4j.createUninitialized(DataType.FLOAT, 50, 2000);
        Nd4j.getRandom().setSeed(12);
        new MaskedDropout().applyDropout(x, again, 0.75);
        assertEquals(out, again, "ND4J's seed fixes the mask");
        dropout.applyDropout(x, again, 0.75);
        assertFalse(out.equals(again), "a new mask each step");
    }

    @Test
    void dropout_layers_get_the_java_helper_and_their_saved_configuration_is_unchanged() throws Exception {
        Network network = Network.sequential(
                InputLayerSpec.image(10, 10, 1),
                Conv2DSpec.of(4, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                DropoutSpec.of(0.25),
                FlattenSpec.of(),
                DenseSpec.of(8, Activation.RELU),
                DropoutSpec.of(0.5),
                DenseSpec.of(3, Activation.SOFTMAX));
        ComputationGraph graph = Dl4jCompiler.compile(network, TrainingSettings.defaults(), CNN2DFormat.NCHW)
                .newNetwork();
        String before = graph.getConfiguration().toJson();
        TrainingKernels kernels = TrainingKernels.install(graph);
        assertEquals(before, graph.getConfiguration().toJson());
        var helperField = org.deeplearning4j.nn.conf.dropout.Dropout.class.getDeclaredField("helper");
        helperField.setAccessible(true);
        int helpers = 0;
        for (var layer : graph.getLayers()) {
            var dropout = layer.conf().getLayer().getIDropout();
            if (dropout != null) {
                assertInstanceOf(MaskedDropout.class, helperField.get(dropout), layer.conf().getLayer().getLayerName());
                helpers++;
            }
        }
        assertEquals(2, helpers);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 8, 3);
        labels.getColumn(2).assign(1);
        INDArray initial = graph.params().dup();
        kernels.fit(new DataSet(Nd4j.rand(DataType.FLOAT, 8, 1, 10, 10), labels));
        assertTrue(graph.params().sub(initial).amaxNumber().doubleValue() > 0, "it trained");
        var failures = org.deeplearning4j.nn.conf.dropout.Dropout.class.getDeclaredField("helperCountFail");
        failures.setAccessible(true);
        for (var layer : graph.getLayers()) {
            var dropout = layer.conf().getLayer().getIDropout();
            if (dropout != null) {
                assertEquals(0, failures.get(dropout), "the helper ran without falling back");
            }
        }
    }

    @Test
    void only_plain_relu_is_replaced() {
        assertTrue(ReluBackprop.replaces(new ActivationReLU()));
        assertFalse(ReluBackprop.replaces(new ActivationReLU(6.0, null, null)), "ReLU6");
        assertFalse(ReluBackprop.replaces(new ActivationReLU(null, null, 0.1)), "leaky");
        assertFalse(ReluBackprop.replaces(new ReluBackprop()));
        assertFalse(ReluBackprop.replaces(null));
    }

    @Test
    void trains_like_dl4j_and_leaves_dl4js_classes_in_the_configuration_between_steps() {
        Network network = Network.sequential(
                InputLayerSpec.image(10, 10, 1),
                Conv2DSpec.of(4, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                FlattenSpec.of(),
                DenseSpec.of(8, Activation.LINEAR),
                ActivationSpec.of(Activation.RELU),
                DenseSpec.of(3, Activation.SOFTMAX));
        SideBySideTraining.Twins twins = SideBySideTraining.Twins.of(network);
        ComputationGraph reference = twins.reference();
        ComputationGraph withKernels = twins.candidate();
        var originalActivation = ((BaseLayer) withKernels.getLayer(0).conf().getLayer()).getActivationFn();
        TrainingKernels kernels = TrainingKernels.install(withKernels);

        SideBySideTraining.assertSameWeights(reference, withKernels, kernels::fit);
        assertSame(originalActivation, ((BaseLayer) withKernels.getLayer(0).conf().getLayer()).getActivationFn());
        String saved = withKernels.getConfiguration().toJson();
        assertFalse(saved.contains(ReluBackprop.class.getSimpleName()), "a checkpoint names DL4J's ReLU");
        assertTrue(saved.contains(ActivationReLU.class.getName()));
    }

    @Test
    void dense_relu_layers_train_like_dl4j_and_are_dl4js_own_layers_between_steps() {
        Network network = Network.sequential(
                InputLayerSpec.image(10, 10, 1),
                FlattenSpec.of(),
                DenseSpec.of(16, Activation.RELU),
                DenseSpec.of(8, Activation.RELU),
                DenseSpec.of(3, Activation.SOFTMAX));
        SideBySideTraining.Twins twins = SideBySideTraining.Twins.of(network);
        TrainingKernels kernels = TrainingKernels.install(twins.candidate());

        SideBySideTraining.assertSameWeights(twins.reference(), twins.candidate(), kernels::fit);
        for (var layer : twins.candidate().getLayers()) {
            assertFalse(layer instanceof DenseReluLayer, "between steps the graph holds DL4J's layers");
        }
        for (var vertex : twins.candidate().getVertices()) {
            assertFalse(vertex.hasLayer() && vertex.getLayer() instanceof DenseReluLayer, vertex.getVertexName());
        }
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 5})
    void dense_relu_backprop_from_the_forward_output_equals_dl4js_recomputation(int batch) {
        Network network = Network.sequential(InputLayerSpec.image(4, 3, 2), FlattenSpec.of(),
                DenseSpec.of(7, Activation.RELU), DenseSpec.of(3, Activation.SOFTMAX));
        ComputationGraph graph = SideBySideTraining.Twins.of(network).candidate();
        graph.initGradientsView();
        var dense = graph.getLayer(0);
        assertTrue(DenseReluLayer.appliesTo(dense));
        var random = Nd4j.getRandomFactory().getNewRandomInstance(3);
        INDArray input = Nd4j.randn(random, new long[] {batch, 24}).castTo(DataType.FLOAT);
        INDArray epsilon = Nd4j.randn(random, new long[] {batch, 7}).castTo(DataType.FLOAT);
        var workspaces = org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();

        dense.setInput(input, workspaces);
        dense.activate(true, workspaces);
        var expected = dense.backpropGradient(epsilon.dup(), workspaces);
        INDArray expectedWeights = expected.getFirst().getGradientFor("W").dup();
        INDArray expectedBias = expected.getFirst().getGradientFor("b").dup();
        dense.getGradientsViewArray().assign(Float.NaN);

        var wrapper = new DenseReluLayer(dense);
        wrapper.setInput(input, workspaces);
        INDArray output = wrapper.activate(true, workspaces);
        assertTrue(output.lt(0).castTo(DataType.INT).sumNumber().intValue() == 0
                && output.eq(0).castTo(DataType.INT).sumNumber().intValue() > 0, "some units are cut by ReLU");
        var actual = wrapper.backpropGradient(epsilon.dup(), workspaces);

        assertEquals(expected.getSecond(), actual.getSecond(), "gradient for the layer below");
        assertEquals(expectedWeights, actual.getFirst().getGradientFor("W"));
        assertEquals(expectedBias, actual.getFirst().getGradientFor("b"));
        assertEquals(0, dense.getGradientsViewArray().isNaN().castTo(DataType.INT).sumNumber().intValue(),
                "the network's own gradient views were written");
    }

    @Test
    void regularized_networks_train_like_dl4j_with_the_cached_views_updater_blocks() {
        Network network = Network.sequential(
                InputLayerSpec.image(10, 10, 1),
                Conv2DSpec.of(4, 3).withPadding(Padding.SAME).withActivation(Activation.RELU)
                        .withKernelRegularizer(Regularizer.l2(0.1)),
                FlattenSpec.of(),
                DenseSpec.of(8, Activation.RELU).withKernelRegularizer(Regularizer.l1(0.05)),
                DenseSpec.of(3, Activation.SOFTMAX));
        SideBySideTraining.Twins twins = SideBySideTraining.Twins.of(network);
        TrainingKernels kernels = TrainingKernels.install(twins.candidate());
        assertTrue(twins.candidate().getUpdater().getUpdaterBlocks().stream()
                .allMatch(block -> block instanceof CachedViewsUpdaterBlock));

        SideBySideTraining.assertSameWeights(twins.reference(), twins.candidate(), kernels::fit);
    }
}
