package dev.stride.engine.training;

import java.util.Optional;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The batches a session trains on and, optionally, those it validates on after each epoch.
 *
 * @param train       training batches; reset at the start of every epoch (shuffling is the iterator's job)
 * @param validation  validation batches, or null
 */
public record TrainingData(DataSetIterator train, DataSetIterator validation) {

    public TrainingData {
        if (train == null) {
            throw new IllegalArgumentException("training data must not be null");
        }
    }

    public Optional<DataSetIterator> validationIfAny() {
        return Optional.ofNullable(validation);
    }

    /**
     * Splits in-memory examples as Keras's validation_split does (the last fraction, before shuffling) and batches
     * them; the training part is reshuffled every epoch with a generator seeded from {@code seed}.
     */
    public static TrainingData split(DataSet all, double validationSplit, int batchSize, long seed) {
        int total = all.numExamples();
        int validationCount = (int) Math.floor(total * validationSplit);
        if (validationSplit > 0 && validationCount == 0) {
            validationCount = 1;
        }
        if (validationCount >= total) {
            throw new IllegalArgumentException("validation_split " + validationSplit + " leaves no training "
                    + "examples out of " + total + "; lower it");
        }
        int trainCount = total - validationCount;
        DataSet train = slice(all, 0, trainCount);
        DataSetIterator validation = validationCount == 0 ? null
                : new InMemoryDataSetIterator(slice(all, trainCount, total), batchSize, false, seed);
        return new TrainingData(new InMemoryDataSetIterator(train, batchSize, true, seed), validation);
    }

    private static DataSet slice(DataSet all, int from, int to) {
        var range = org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to);
        var features = all.getFeatures().get(range).dup();
        var labels = all.getLabels().get(range).dup();
        return new DataSet(features, labels);
    }
}
