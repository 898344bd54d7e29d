package dev.stride.engine.training;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Batches of examples held in memory, optionally in a new seeded order each epoch (so the same seed gives the same
 * batches), the last batch possibly smaller.
 */
public final class InMemoryDataSetIterator implements DataSetIterator {
    private static final long serialVersionUID = 1L;

    private final DataSet data;
    private final int batchSize;
    private final boolean shuffle;
    private final Random random;
    private int[] order;
    private int cursor;
    private transient DataSetPreProcessor preProcessor;

    public InMemoryDataSetIterator(DataSet data, int batchSize, boolean shuffle, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.random = new Random(seed);
        reset();
    }

    public int numExamples() {
        return data.numExamples();
    }

    @Override
    public DataSet next(int num) {
        int end = Math.min(cursor + num, order.length);
        int[] rows = java.util.Arrays.copyOfRange(order, cursor, end);
        cursor = end;
        INDArray features;
        INDArray labels;
        if (!shuffle) {
            var range = org.nd4j.linalg.indexing.NDArrayIndex.interval(rows[0], rows[0] + rows.length);
            features = data.getFeatures().get(range).dup();
            labels = data.getLabels().get(range).dup();
        } else {
            features = rowsOf(data.getFeatures(), rows);
            labels = rowsOf(data.getLabels(), rows);
        }
        DataSet batch = new DataSet(features, labels);
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    private static INDArray rowsOf(INDArray array, int[] rows) {
        var indexes = new org.nd4j.linalg.indexing.INDArrayIndex[array.rank()];
        long[] wanted = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            wanted[i] = rows[i];
        }
        indexes[0] = new org.nd4j.linalg.indexing.SpecifiedIndex(wanted);
        for (int d = 1; d < indexes.length; d++) {
            indexes[d] = org.nd4j.linalg.indexing.NDArrayIndex.all();
        }
        return array.get(indexes).dup('c');
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public int inputColumns() {
        return (int) (data.getFeatures().length() / data.numExamples());
    }

    @Override
    public int totalOutcomes() {
        return (int) data.getLabels().size(1);
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        int n = data.numExamples();
        order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        cursor = 0;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
