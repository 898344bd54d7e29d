package dev.stride.engine.training;

import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Wraps an iterator and turns one feature into NaN in the first batch of a chosen epoch. */
final class PoisonedIterator implements DataSetIterator {
    private final DataSetIterator inner;
    private final int poisonedEpoch;
    private int epoch;
    private boolean first;

    PoisonedIterator(DataSetIterator inner, int poisonedEpoch) {
        this.inner = inner;
        this.poisonedEpoch = poisonedEpoch;
    }

    @Override
    public DataSet next(int num) {
        return next();
    }

    @Override
    public DataSet next() {
        DataSet batch = inner.next();
        if (first && epoch == poisonedEpoch) {
            batch.getFeatures().putScalar(0, Double.NaN);
        }
        first = false;
        return batch;
    }

    @Override
    public boolean hasNext() {
        return inner.hasNext();
    }

    @Override
    public void reset() {
        inner.reset();
        epoch++;
        first = true;
    }

    @Override
    public int inputColumns() {
        return inner.inputColumns();
    }

    @Override
    public int totalOutcomes() {
        return inner.totalOutcomes();
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
    public int batch() {
        return inner.batch();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        inner.setPreProcessor(preProcessor);
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return inner.getPreProcessor();
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
