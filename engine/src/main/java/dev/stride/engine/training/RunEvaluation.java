package dev.stride.engine.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How a trained classifier did on an evaluation set, example by example: the confusion matrix (with the examples in
 * every cell), per-class precision, recall and F1, and the most confidently wrong predictions.
 */
public final class RunEvaluation {
    private final List<String> labels;
    private final int[] actual;
    private final int[] predicted;
    private final float[] confidence;
    private final int[][] counts;

    /**
     * @param labels     class names, index = class
     * @param actual     the true class of every example
     * @param predicted  the predicted class of every example
     * @param confidence the probability the network gave its predicted class
     */
    public RunEvaluation(List<String> labels, int[] actual, int[] predicted, float[] confidence) {
        this.labels = List.copyOf(labels);
        if (actual.length != predicted.length || actual.length != confidence.length) {
            throw new IllegalArgumentException("actual, predicted and confidence must have one entry per example, got "
                    + actual.length + ", " + predicted.length + " and " + confidence.length);
        }
        this.actual = actual.clone();
        this.predicted = predicted.clone();
        this.confidence = confidence.clone();
        int classes = this.labels.size();
        counts = new int[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || actual[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("example " + i + " has class " + actual[i] + " -> " + predicted[i]
                        + " outside the " + classes + " labels");
            }
            counts[actual[i]][predicted[i]]++;
        }
    }

    /** Evaluates class probabilities (one row per example) against the true classes. */
    public static RunEvaluation fromProbabilities(List<String> labels, int[] actual, float[][] probabilities) {
        int[] predicted = new int[actual.length];
        float[] confidence = new float[actual.length];
        for (int i = 0; i < actual.length; i++) {
            int best = argMax(probabilities[i]);
            predicted[i] = best;
            confidence[i] = probabilities[i][best];
        }
        return new RunEvaluation(labels, actual, predicted, confidence);
    }

    public static int argMax(float[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }

    public List<String> labels() {
        return labels;
    }

    public int classes() {
        return labels.size();
    }

    public int total() {
        return actual.length;
    }

    /** Examples of class {@code actualClass} predicted as {@code predictedClass}. */
    public int count(int actualClass, int predictedClass) {
        return counts[actualClass][predictedClass];
    }

    /** The largest cell, for scaling a heatmap. */
    public int maxCount() {
        int max = 0;
        for (int[] row : counts) {
            for (int value : row) {
                max = Math.max(max, value);
            }
        }
        return max;
    }

    /** Indices (into the evaluation set) of the examples in one cell, in order. */
    public int[] examplesIn(int actualClass, int predictedClass) {
        int[] out = new int[counts[actualClass][predictedClass]];
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == actualClass && predicted[i] == predictedClass) {
                out[n++] = i;
            }
        }
        return out;
    }

    public double accuracy() {
        if (actual.length == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return (double) correct / actual.length;
    }

    /** Of the examples predicted as {@code c}, the fraction that are {@code c}; NaN when none was predicted. */
    public double precision(int c) {
        int predictedAsC = 0;
        for (int[] row : counts) {
            predictedAsC += row[c];
        }
        return predictedAsC == 0 ? Double.NaN : (double) counts[c][c] / predictedAsC;
    }

    /** Of the examples of class {@code c}, the fraction predicted as {@code c}; NaN when the class is absent. */
    public double recall(int c) {
        int ofC = 0;
        for (int value : counts[c]) {
            ofC += value;
        }
        return ofC == 0 ? Double.NaN : (double) counts[c][c] / ofC;
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Examples of class {@code c} in the evaluation set (the row sum). */
    public int support(int c) {
        int sum = 0;
        for (int value : counts[c]) {
            sum += value;
        }
        return sum;
    }

    public int actualClassOf(int example) {
        return actual[example];
    }

    public int predictedClassOf(int example) {
        return predicted[example];
    }

    public float confidenceOf(int example) {
        return confidence[example];
    }

    /** The wrong predictions the network was surest of, surest first. */
    public List<WrongPrediction> mostConfidentlyWrong(int limit) {
        List<WrongPrediction> wrong = new ArrayList<>();
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] != predicted[i]) {
                wrong.add(new WrongPrediction(i, actual[i], predicted[i], confidence[i]));
            }
        }
        wrong.sort(Comparator.comparingDouble(WrongPrediction::confidence).reversed()
                .thenComparingInt(WrongPrediction::example));
        return List.copyOf(wrong.subList(0, Math.min(limit, wrong.size())));
    }

    /** One misclassified example: its index in the evaluation set, true and predicted class, and the confidence. */
    public record WrongPrediction(int example, int actualClass, int predictedClass, float confidence) {
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunEvaluation that && labels.equals(that.labels)
                && java.util.Arrays.equals(actual, that.actual) && java.util.Arrays.equals(predicted, that.predicted);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, java.util.Arrays.hashCode(actual), java.util.Arrays.hashCode(predicted));
    }
}
