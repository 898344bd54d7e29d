package dev.stride.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.engine.dl4j.Dl4jCompiler;
import dev.stride.engine.model.Network;
import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Trains DL4J's reference and a candidate on the same batches (8 × 1×10×10 images, 3 classes) and compares them. */
final class SideBySideTraining {
    private SideBySideTraining() {
    }

    /** Two networks of {@code design} (input 10×10×1, 3 classes) with the same weights, Adam at 0.01. */
    record Twins(ComputationGraph reference, ComputationGraph candidate) {
        static Twins of(Network design) {
            TrainingSettings settings = TrainingSettings.defaults().withSeed(4).withLearningRate(0.01);
            ComputationGraph reference = Dl4jCompiler.compile(design, settings, CNN2DFormat.NCHW).newNetwork();
            ComputationGraph candidate = Dl4jCompiler.compile(design, settings, CNN2DFormat.NCHW).newNetwork();
            candidate.setParams(reference.params().dup());
            return new Twins(reference, candidate);
        }
    }

    /** Five steps each, then the candidate's weights must equal the reference's to 1e-4 of how far they moved. */
    static void assertSameWeights(ComputationGraph reference, ComputationGraph candidate,
            Consumer<DataSet> candidateStep) {
        INDArray initial = reference.params().dup();
        var random = Nd4j.getRandomFactory().getNewRandomInstance(9);
        for (int step = 0; step < 5; step++) {
            INDArray x = Nd4j.rand(random, 8, 1, 10, 10).castTo(DataType.FLOAT);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 3);
            for (int i = 0; i < 8; i++) {
                y.putScalar(i, (i + step) % 3, 1f);
            }
            reference.fit(new DataSet(x, y));
            candidateStep.accept(new DataSet(x, y));
        }
        double moved = reference.params().sub(initial).amaxNumber().doubleValue();
        assertTrue(moved > 0.02, "five steps at learning rate 0.01 moved the weights");
        assertEquals(0, reference.params().sub(candidate.params()).amaxNumber().doubleValue() / moved, 1e-4);
    }
}
