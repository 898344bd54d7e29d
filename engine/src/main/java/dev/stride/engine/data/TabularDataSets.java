package dev.stride.engine.data;

import dev.stride.engine.data.vision.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Feeds DL4J from a {@link TabularDataset}: features standardised with the training rows' mean and standard
 * deviation (so validation and test never leak into the scaling), one-hot labels.
 */
public final class TabularDataSets {

    /**
     * Per-feature mean and standard deviation of the training rows.
     *
     * @param mean one per feature
     * @param std  one per feature; 1 where a feature is constant
     */
    public record Standardisation(float[] mean, float[] std) {
        public Standardisation {
            mean = mean.clone();
            std = std.clone();
        }

        /** Fits to the given rows. */
        public static Standardisation fit(TabularDataset table, int[] rows) {
            int features = table.featureNames().size();
            double[] sum = new double[features];
            double[] squares = new double[features];
            for (int row : rows) {
                float[] values = table.features(row);
                for (int f = 0; f < features; f++) {
                    sum[f] += values[f];
                    squares[f] += (double) values[f] * values[f];
                }
            }
            float[] mean = new float[features];
            float[] std = new float[features];
            for (int f = 0; f < features; f++) {
                double m = sum[f] / Math.max(1, rows.length);
                double variance = squares[f] / Math.max(1, rows.length) - m * m;
                mean[f] = (float) m;
                std[f] = variance > 1e-12 ? (float) Math.sqrt(variance) : 1f;
            }
            return new Standardisation(mean, std);
        }
    }

    private TabularDataSets() {
    }

    /** The rows as one DataSet: features [rows, features], labels [rows, classes]. */
    public static DataSet toDataSet(TabularDataset table, int[] rows, Standardisation scaling) {
        int features = table.featureNames().size();
        int classes = table.classNames().size();
        float[] x = new float[rows.length * features];
        float[] y = new float[rows.length * classes];
        for (int r = 0; r < rows.length; r++) {
            float[] values = table.features(rows[r]);
            for (int f = 0; f < features; f++) {
                x[r * features + f] = (values[f] - scaling.mean()[f]) / scaling.std()[f];
            }
            y[r * classes + table.label(rows[r])] = 1f;
        }
        return new DataSet(Nd4j.create(x, new long[] {rows.length, features}, 'c'),
                Nd4j.create(y, new long[] {rows.length, classes}, 'c'));
    }

    /** Batches of the rows in an order shuffled by {@code seed}. */
    public static DataSetIterator iterator(TabularDataset table, int[] rows, Standardisation scaling, int batchSize,
                                           long seed) {
        int[] order = rows.clone();
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 0));
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        List<DataSet> examples = new ArrayList<>(toDataSet(table, order, scaling).asList());
        return new ListDataSetIterator<>(examples, batchSize);
    }
}
