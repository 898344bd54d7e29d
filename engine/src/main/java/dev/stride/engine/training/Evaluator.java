package dev.stride.engine.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Runs a trained classifier over labelled data (inference mode) and over single inputs. */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * Evaluates every batch of {@code data} from its start.
     *
     * @param exampleIds the id of each example in iteration order (e.g. dataset indices), or null to number them
     *                   0, 1, 2, …
     */
    public static EvaluationReport evaluate(ComputationGraph network, DataSetIterator data, List<String> classNames,
                                            int[] exampleIds) {
        int classes = classNames.size();
        long[][] confusion = new long[classes][classes];
        List<List<List<Integer>>> cells = new ArrayList<>();
        for (int a = 0; a < classes; a++) {
            List<List<Integer>> row = new ArrayList<>();
            for (int p = 0; p < classes; p++) {
                row.add(new ArrayList<>());
            }
            cells.add(row);
        }
        data.reset();
        int position = 0;
        while (data.hasNext()) {
            DataSet batch = data.next();
            INDArray output = network.output(false, batch.getFeatures())[0];
            if (output.size(1) != classes) {
                throw new IllegalArgumentException("the network has " + output.size(1) + " outputs but the data has "
                        + classes + " classes");
            }
            long[] predicted = output.argMax(1).toLongVector();
            long[] actual = batch.getLabels().argMax(1).toLongVector();
            for (int i = 0; i < predicted.length; i++, position++) {
                int a = (int) actual[i];
                int p = (int) predicted[i];
                confusion[a][p]++;
                cells.get(a).get(p).add(exampleIds == null ? position : exampleIds[position]);
            }
        }
        List<List<List<Integer>>> frozen = new ArrayList<>();
        for (List<List<Integer>> row : cells) {
            frozen.add(row.stream().map(List::copyOf).toList());
        }
        return new EvaluationReport(classNames, confusion, List.copyOf(frozen));
    }

    /** A class and its probability. */
    public record Prediction(String label, int classIndex, double probability) {
    }

    /** The {@code k} most probable classes for one input (a batch of one), most probable first. */
    public static List<Prediction> topK(ComputationGraph network, INDArray input, List<String> classNames, int k) {
        INDArray output = network.output(false, input)[0];
        if (output.size(0) != 1) {
            throw new IllegalArgumentException("topK takes one input, got a batch of " + output.size(0));
        }
        List<Prediction> all = new ArrayList<>();
        for (int c = 0; c < output.size(1); c++) {
            String label = c < classNames.size() ? classNames.get(c) : "class " + c;
            all.add(new Prediction(label, c, output.getDouble(0, c)));
        }
        all.sort(Comparator.comparingDouble(Prediction::probability).reversed());
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
