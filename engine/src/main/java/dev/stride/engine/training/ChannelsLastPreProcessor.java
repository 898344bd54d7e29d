package dev.stride.engine.training;

import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;

/**
 * Turns channels-first image batches (NCHW, as engine.data produces them) into channels-last (NHWC), the layout
 * of designs compiled with Keras's default data_format.
 */
public final class ChannelsLastPreProcessor implements DataSetPreProcessor {
    private static final long serialVersionUID = 1L;

    @Override
    public void preProcess(DataSet batch) {
        if (batch.getFeatures().rank() == 4) {
            batch.setFeatures(batch.getFeatures().permute(0, 2, 3, 1).dup());
        }
    }
}
