package dev.stride.engine.training;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a classifier does on labelled examples: accuracy, per-class precision/recall/F1, the confusion matrix,
 * and for each cell the examples that landed there (so a dashboard can show them).
 *
 * @param classNames  class names in label order
 * @param confusion   counts: confusion[actual][predicted]
 * @param cellExamples example ids per cell, [actual][predicted] (ids as given to the evaluator)
 */
public record EvaluationReport(List<String> classNames, long[][] confusion, List<List<List<Integer>>> cellExamples) {

    public EvaluationReport {
        classNames = List.copyOf(classNames);
    }

    /** Precision, recall, F1 and support of one class. */
    public record ClassMetrics(String name, double precision, double recall, double f1, long support) {
    }

    public long total() {
        long total = 0;
        for (long[] row : confusion) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        long total = total();
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** Per-class metrics; precision of a never-predicted class is 0 (as scikit-learn's zero_division=0). */
    public List<ClassMetrics> perClass() {
        List<ClassMetrics> metrics = new ArrayList<>();
        for (int c = 0; c < confusion.length; c++) {
            long truePositive = confusion[c][c];
            long predicted = 0;
            long actual = 0;
            for (int o = 0; o < confusion.length; o++) {
                predicted += confusion[o][c];
                actual += confusion[c][o];
            }
            double precision = predicted == 0 ? 0 : (double) truePositive / predicted;
            double recall = actual == 0 ? 0 : (double) truePositive / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            metrics.add(new ClassMetrics(classNames.get(c), precision, recall, f1, actual));
        }
        return metrics;
    }

    /** The examples of class {@code actual} predicted as {@code predicted}. */
    public List<Integer> examples(int actual, int predicted) {
        return cellExamples.get(actual).get(predicted);
    }
}
