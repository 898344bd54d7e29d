package dev.stride.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.engine.dl4j.Dl4jCompiler;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.Padding;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

class FusedAdamUpdaterTest {

    @Test
    void takes_the_same_steps_as_dl4js_adam_on_views_with_an_offset_and_a_schedule() {
        // The views start 7 and 3 values into larger arrays.
        int length = KernelThreads.MIN_PARALLEL + 10_000; // parts of whole chunks and a partial one
        Adam config = Adam.builder().learningRateSchedule(new ExponentialSchedule(ScheduleType.ITERATION, 0.01, 0.9))
                .beta1(0.85).beta2(0.995).epsilon(1e-7).build();
        INDArray dl4jState = Nd4j.zeros(DataType.FLOAT, 1, 2 * length + 7)
                .get(NDArrayIndex.point(0), NDArrayIndex.interval(7, 2 * length + 7)).reshape(1, 2 * length);
        INDArray fusedState = Nd4j.zeros(DataType.FLOAT, 1, 2 * length + 3)
                .get(NDArrayIndex.point(0), NDArrayIndex.interval(3, 2 * length + 3)).reshape(1, 2 * length);
        GradientUpdater<?> dl4j = config.instantiate(dl4jState, true);
        FusedAdamUpdater fused = new FusedAdamUpdater((AdamUpdater) config.instantiate(fusedState, true));
        var random = Nd4j.getRandomFactory().getNewRandomInstance(5);
        for (int iteration = 0; iteration < 6; iteration++) {
            INDArray gradient = Nd4j.randn(random, new long[] {length}).castTo(DataType.FLOAT)
                    .muli(iteration % 2 == 0 ? 1e-3 : 10);
            INDArray expected = gradient.dup();
            INDArray actual = Nd4j.zeros(DataType.FLOAT, length + 5)
                    .get(NDArrayIndex.interval(5, length + 5)).assign(gradient);
            dl4j.applyUpdater(expected, iteration, 0);
            fused.applyUpdater(actual, iteration, 0);
            assertEquals(0, relativeDifference(expected, actual), 1e-5, "update at iteration " + iteration);
            assertEquals(0, relativeDifference(dl4jState, fusedState), 1e-5, "M and V at iteration " + iteration);
        }
        assertTrue(dl4jState.amaxNumber().doubleValue() > 1, "the state moved");
    }

    @Test
    void trains_a_network_to_the_same_weights_as_dl4js_adam() {
        Network network = Network.sequential(
                InputLayerSpec.image(10, 10, 1),
                Conv2DSpec.of(4, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                FlattenSpec.of(),
                DenseSpec.of(8, Activation.RELU),
                DenseSpec.of(3, Activation.SOFTMAX));
        SideBySideTraining.Twins twins = SideBySideTraining.Twins.of(network);
        ComputationGraph reference = twins.reference();
        ComputationGraph fused = twins.candidate();
        int blocks = FusedAdamUpdater.install(fused);
        assertTrue(blocks >= 1, "installed");
        assertEquals(blocks, FusedAdamUpdater.install(fused), "installing twice changes nothing");
        for (UpdaterBlock block : fused.getUpdater().getUpdaterBlocks()) {
            assertInstanceOf(FusedAdamUpdater.class, block.getGradientUpdater());
        }
        SideBySideTraining.assertSameWeights(reference, fused, fused::fit);
        assertEquals(0, relativeDifference(reference.getUpdater().getStateViewArray(),
                fused.getUpdater().getStateViewArray()), 1e-4, "same optimizer state, so checkpoints match");
    }

    @Test
    void leaves_networks_without_adam_alone() {
        Network network = Network.sequential(
                InputLayerSpec.image(6, 6, 1),
                Conv2DSpec.of(2, 3).withActivation(Activation.RELU),
                BatchNormalizationSpec.of(),
                FlattenSpec.of(),
                DenseSpec.of(2, Activation.SOFTMAX));
        TrainingSettings sgd = TrainingSettings.defaults().withOptimizer(TrainingSettings.Optimizer.SGD);
        assertEquals(0, FusedAdamUpdater.install(Dl4jCompiler.compile(network, sgd, CNN2DFormat.NCHW).newNetwork()));
    }

    private static double relativeDifference(INDArray expected, INDArray actual) {
        double scale = Math.max(1e-12, expected.amaxNumber().doubleValue());
        return expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue() / scale;
    }
}
