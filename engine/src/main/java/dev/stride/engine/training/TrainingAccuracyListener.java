package dev.stride.engine.training;

import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.deeplearning4j.nn.layers.LossLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures training accuracy from the forward pass that training already does, as Keras does, instead of a second
 * pass: DL4J hands listeners the input of the output layer, and the class with the largest pre-activation is the
 * predicted class for softmax (and pre-activation &gt; 0 for one sigmoid unit).
 */
final class TrainingAccuracyListener extends BaseTrainingListener {
    private final String inputVertex;
    private final LayerVertex outputVertex;
    private INDArray labels;
    private long correct;
    private long counted;

    private TrainingAccuracyListener(String inputVertex, LayerVertex outputVertex) {
        this.inputVertex = inputVertex;
        this.outputVertex = outputVertex;
    }

    /** A listener for the graph's single dense output layer, or null when the graph has another kind of output. */
    static TrainingAccuracyListener attachableTo(ComputationGraph graph) {
        var conf = graph.getConfiguration();
        if (conf.getNetworkOutputs().size() != 1) {
            return null;
        }
        String output = conf.getNetworkOutputs().get(0);
        GraphVertex vertex = graph.getVertex(output);
        var inputs = conf.getVertexInputs().get(output);
        if (!(vertex instanceof LayerVertex layerVertex) || inputs == null || inputs.size() != 1
                || !(layerVertex.getLayer() instanceof BaseOutputLayer<?>
                        || layerVertex.getLayer() instanceof LossLayer)) {
            return null;
        }
        return new TrainingAccuracyListener(inputs.get(0), layerVertex);
    }

    void startBatch(INDArray batchLabels) {
        this.labels = batchLabels;
    }

    void resetEpoch() {
        correct = 0;
        counted = 0;
    }

    /** Accuracy over the batches since the last reset, or NaN when none were measured. */
    double accuracy() {
        return counted == 0 ? Double.NaN : (double) correct / counted;
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        INDArray input = activations.get(inputVertex);
        if (input == null || labels == null) {
            return;
        }
        InputPreProcessor preProcessor = outputVertex.getLayerPreProcessor();
        if (preProcessor != null) {
            input = preProcessor.preProcess(input, (int) input.size(0), LayerWorkspaceMgr.noWorkspaces());
        }
        if (input.rank() != 2) {
            return;
        }
        var layer = outputVertex.getLayer();
        INDArray preActivation;
        if (layer instanceof LossLayer) {
            // A design ending in Dense then a separate Activation: the loss layer's input is already the scores.
            preActivation = input;
        } else {
            INDArray weights = layer.getParam("W");
            if (weights == null) {
                return;
            }
            preActivation = input.castTo(weights.dataType()).mmul(weights);
            INDArray bias = layer.getParam("b");
            if (bias != null) {
                preActivation.addiRowVector(bias);
            }
        }
        correct += correctPredictions(preActivation, labels, 0.0);
        counted += labels.size(0);
        labels = null;
    }

    /**
     * Correct predictions in a batch: the largest score per row, or for a single output a score above
     * {@code singleOutputThreshold} (0 for pre-activations, 0.5 for sigmoid probabilities).
     */
    static long correctPredictions(INDArray scores, INDArray labels, double singleOutputThreshold) {
        if (scores.size(1) == 1) {
            double threshold = singleOutputThreshold;
            INDArray predicted = scores.gt(threshold).castTo(labels.dataType());
            INDArray truth = labels.gt(0.5).castTo(labels.dataType());
            return predicted.eq(truth).castTo(labels.dataType()).sumNumber().longValue();
        }
        INDArray predicted = scores.argMax(1);
        INDArray truth = labels.argMax(1);
        return predicted.eq(truth).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
    }
}
