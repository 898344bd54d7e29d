package dev.stride.engine.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Looks inside a trained network without exposing DL4J: evaluation on a held-out set, top-k predictions for one
 * image, the activations of every convolution and the first layer's kernels, all as plain arrays. Call it off the UI
 * thread and not while the network trains.
 */
public final class ModelInspector {
    private static final int BATCH = 128;
    private final ComputationGraph network;
    private final DataSet evaluationSet;
    private final List<String> labels;
    private final InputGeometry geometry;
    private final ImagePreprocessor preprocessor;
    private final boolean channelsLast;

    /** Turns a picture file into the network's input exactly as the training images were prepared. */
    @FunctionalInterface
    public interface ImagePreprocessor {
        ImagePixels load(java.nio.file.Path file) throws java.io.IOException;
    }

    public ModelInspector(ComputationGraph network, DataSet evaluationSet, List<String> labels,
                          InputGeometry geometry) {
        this(network, evaluationSet, labels, geometry, null, false);
    }

    /**
     * @param evaluationSet held-out examples, features channels first (NCHW) whatever the network's layout
     * @param preprocessor  the training data's own preprocessing for new pictures, or null when there is none
     * @param channelsLast  the network takes NHWC input (Keras's channels_last, as compiled designs do)
     */
    public ModelInspector(ComputationGraph network, DataSet evaluationSet, List<String> labels,
                          InputGeometry geometry, ImagePreprocessor preprocessor, boolean channelsLast) {
        this.preprocessor = preprocessor;
        this.channelsLast = channelsLast;
        this.network = Objects.requireNonNull(network, "network");
        this.evaluationSet = Objects.requireNonNull(evaluationSet, "evaluationSet");
        this.labels = List.copyOf(labels);
        this.geometry = Objects.requireNonNull(geometry, "geometry");
    }

    public List<String> labels() {
        return labels;
    }

    public InputGeometry geometry() {
        return geometry;
    }

    /** The training data's preprocessing for new pictures, when the data came from a dataset pipeline. */
    public java.util.Optional<ImagePreprocessor> preprocessor() {
        return java.util.Optional.ofNullable(preprocessor);
    }

    public int evaluationSize() {
        return evaluationSet.numExamples();
    }

    /** Runs the network over the whole evaluation set. */
    public RunEvaluation evaluate() {
        int n = evaluationSet.numExamples();
        int[] actual = new int[n];
        float[][] probabilities = new float[n][];
        INDArray labelArray = evaluationSet.getLabels();
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            INDArray features = evaluationSet.getFeatures().get(NDArrayIndex.interval(from, to));
            INDArray output = network.outputSingle(false, toNetworkLayout(features));
            for (int i = from; i < to; i++) {
                probabilities[i] = output.getRow(i - from).toFloatVector();
                actual[i] = RunEvaluation.argMax(labelArray.getRow(i).toFloatVector());
            }
        }
        return RunEvaluation.fromProbabilities(labels, actual, probabilities);
    }

    /** The evaluation set's image {@code index}, as the network saw it. */
    public ImagePixels example(int index) {
        INDArray row = evaluationSet.getFeatures().get(NDArrayIndex.point(index));
        return new ImagePixels(geometry.width(), geometry.height(), geometry.channels(),
                row.dup().reshape(geometry.valuesPerImage()).toFloatVector());
    }

    /** The class probabilities for one image, in label order. */
    public float[] predict(ImagePixels image) {
        return network.outputSingle(false, input(image)).getRow(0).toFloatVector();
    }

    /** The {@code k} most probable classes, most probable first. */
    public List<Prediction> topK(ImagePixels image, int k) {
        float[] probabilities = predict(image);
        Integer[] order = new Integer[probabilities.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(probabilities[b], probabilities[a]));
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, order.length); i++) {
            out.add(new Prediction(order[i], labels.get(order[i]), probabilities[order[i]]));
        }
        return out;
    }

    /** One class with its probability. */
    public record Prediction(int classIndex, String label, float probability) {
    }

    /** Activations of one convolution for one image: {@code channels} planes of height × width, channels first. */
    public record FeatureMap(String layer, int channels, int height, int width, float[] values) {
    }

    /** The output of every convolution layer for one image, in network order. */
    public List<FeatureMap> featureMaps(ImagePixels image) {
        Map<String, INDArray> activations = network.feedForward(input(image), false);
        List<FeatureMap> maps = new ArrayList<>();
        for (String name : convolutionNames()) {
            INDArray activation = activations.get(name);
            if (activation == null || activation.rank() != 4) {
                continue;
            }
            if (channelsLast) {
                activation = activation.permute(0, 3, 1, 2);
            }
            long[] shape = activation.shape();
            maps.add(new FeatureMap(name, (int) shape[1], (int) shape[2], (int) shape[3],
                    activation.dup().reshape(shape[1] * shape[2] * shape[3]).toFloatVector()));
        }
        return maps;
    }

    /** The first convolution's kernels: {@code filters × inputChannels} small images of kernel height × width. */
    public record Kernels(String layer, int filters, int inputChannels, int height, int width, float[] values) {
    }

    /** The first convolution's weights, or null when the network has no convolution. */
    public Kernels firstLayerKernels() {
        List<String> names = convolutionNames();
        if (names.isEmpty()) {
            return null;
        }
        INDArray weights = network.getLayer(names.get(0)).getParam("W");
        long[] shape = weights.shape(); // [out, in, kh, kw] in DL4J's NCHW convolution
        return new Kernels(names.get(0), (int) shape[0], (int) shape[1], (int) shape[2], (int) shape[3],
                weights.dup().reshape(weights.length()).toFloatVector());
    }

    private List<String> convolutionNames() {
        List<String> names = new ArrayList<>();
        int[] order = network.topologicalSortOrder();
        var vertices = network.getVertices();
        for (int index : order) {
            var vertex = vertices[index];
            if (!vertex.hasLayer()) {
                continue;
            }
            Layer layer = vertex.getLayer();
            if (layer.conf().getLayer() instanceof ConvolutionLayer) {
                names.add(vertex.getVertexName());
            }
        }
        return names;
    }

    private INDArray input(ImagePixels image) {
        if (image.values().length != geometry.valuesPerImage()) {
            throw new IllegalArgumentException("the network takes " + geometry.width() + "×" + geometry.height()
                    + "×" + geometry.channels() + " images, got " + image.width() + "×" + image.height() + "×"
                    + image.channels());
        }
        return toNetworkLayout(Nd4j.create(image.values(),
                new long[] {1, geometry.channels(), geometry.height(), geometry.width()}));
    }

    private INDArray toNetworkLayout(INDArray channelsFirst) {
        return channelsLast ? channelsFirst.permute(0, 2, 3, 1).dup() : channelsFirst;
    }
}
