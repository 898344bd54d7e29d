package dev.stride.engine.training;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training throughput as the PyTorch peers measure it: synthetic data in memory (uniform [0,1) pixels, random
 * labels, fixed seed), warm-up epochs, then timed epochs through a real {@link TrainingSession}; the median counts.
 */
public final class ThroughputBenchmark {
    private ThroughputBenchmark() {
    }

    /**
     * Result of a benchmark.
     *
     * @param imagesPerSecond   one figure per timed epoch
     * @param median            the median of those
     * @param meanLossPerEpoch  mean training loss per timed epoch (shows it really trained)
     */
    public record Result(List<Double> imagesPerSecond, double median, List<Double> meanLossPerEpoch) {
    }

    /**
     * Trains {@code network} on synthetic examples of {@code exampleShape} (the network's own input layout, without
     * the batch axis).
     */
    public static Result run(ComputationGraph network, long[] exampleShape, int classes, int examples, int batchSize,
                             long seed, int warmupEpochs, int timedEpochs) {
        DataSet data = syntheticData(exampleShape, classes, examples, seed);
        TrainingSettings settings = TrainingSettings.defaults().withEpochs(warmupEpochs + timedEpochs)
                .withBatchSize(batchSize).withSeed(seed);
        TrainingData batches = new TrainingData(new InMemoryDataSetIterator(data, batchSize, false, seed), null);
        TrainingEvent end = TrainingSession.create(network, settings, batches).runHere();
        if (!(end instanceof TrainingEvent.Finished finished)) {
            throw new IllegalStateException("benchmark training did not finish: " + end);
        }
        List<Double> rates = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (EpochMetrics epoch : finished.history().subList(warmupEpochs, finished.history().size())) {
            // The peers count steps × batch over the epoch's wall time, so do we.
            rates.add(epoch.imagesPerSecond());
            losses.add(epoch.loss());
        }
        List<Double> sorted = new ArrayList<>(rates);
        sorted.sort(Double::compare);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return new Result(rates, median, losses);
    }

    /** Uniform [0,1) features and one-hot random labels from a fixed seed. */
    public static DataSet syntheticData(long[] exampleShape, int classes, int examples, long seed) {
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = examples;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        var random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        INDArray features = Nd4j.rand(random, shape).castTo(DataType.FLOAT);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, examples, classes);
        java.util.Random labelRandom = new java.util.Random(seed);
        for (int i = 0; i < examples; i++) {
            labels.putScalar(i, labelRandom.nextInt(classes), 1f);
        }
        return new DataSet(features, labels);
    }
}
