package dev.stride.engine.dl4j;

import dev.stride.engine.export.NetworkFormats;
import dev.stride.engine.export.NetworkWeights;
import dev.stride.engine.export.WeightTensor;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.Conv2DTransposeSpec;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.DepthwiseConv2DSpec;
import dev.stride.engine.model.DropoutSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.NodeAnalysis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a DL4J ComputationGraph's parameters into framework-neutral {@link NetworkWeights} in Keras's layout, for the
 * ONNX export of a trained model. Layers are found by their Keras names (the DL4J vertex names).
 *
 * <p>DL4J layouts handled: convolution W (out, in, kh, kw); Deconvolution2D W (in, out, kh, kw); DepthwiseConvolution2D
 * W (kh, kw, in, multiplier); SeparableConvolution2D W (multiplier, in, kh, kw) and pW (out, in·multiplier, 1, 1); Dense
 * W (in, out), whose rows follow DL4J's flattening order, reordered to Keras's (H, W, C) when a channels_last Flatten
 * fed it through DL4J's NCHW preprocessor; BatchNormalization gamma, beta, mean and either var or, DL4J's default,
 * log10stdev, whose square of the power of ten is the variance (DL4J adds eps at inference as ONNX does); biases (1, n).
 */
public final class Dl4jWeights {
    private Dl4jWeights() {
    }

    /** Reads a graph whose vertices are named after the design's layers (as the generated DL4J Java names them). */
    public static NetworkWeights read(ComputationGraph graph, Network network, NetworkAnalysis analysis) {
        Map<NodeId, String> byName = new LinkedHashMap<>();
        network.nodes().forEach(node -> byName.put(node.id(), node.name()));
        return read(graph, network, analysis, byName);
    }

    /** Reads a graph built by {@link Dl4jCompiler}, whose compilation says which vertex computes each layer. */
    public static NetworkWeights read(ComputationGraph graph, Dl4jCompilation compilation, Network network,
            NetworkAnalysis analysis) {
        return read(graph, network, analysis, compilation.vertexOf());
    }

    private static NetworkWeights read(ComputationGraph graph, Network network, NetworkAnalysis analysis,
            Map<NodeId, String> vertexOf) {
        Map<String, Map<String, WeightTensor>> layers = new LinkedHashMap<>();
        boolean channelsLast = isChannelsLast(network);
        for (LayerNode node : network.nodes()) {
            String vertex = vertexOf.get(node.id());
            if (vertex == null || node.spec() instanceof FlattenSpec
                    || !graph.getConfiguration().getVertices().containsKey(vertex)) {
                continue; // Flatten and other layers DL4J expresses without a vertex of their own
            }
            Layer layer = graph.getLayer(vertex);
            if (layer == null || layer.numParams() == 0) {
                continue;
            }
            Map<String, INDArray> params = layer.paramTable();
            Map<String, WeightTensor> weights = new LinkedHashMap<>();
            if (node.spec() instanceof Conv2DSpec || node.spec() instanceof Conv2DTransposeSpec) {
                weights.put("kernel", tensor(params.get("W").permute(2, 3, 1, 0)));
                bias(params, weights);
            } else if (node.spec() instanceof DepthwiseConv2DSpec) {
                weights.put("kernel", tensor(params.get("W")));
                bias(params, weights);
            } else if (node.spec() instanceof SeparableConv2DSpec) {
                weights.put("depthwise_kernel", tensor(params.get("W").permute(2, 3, 1, 0)));
                weights.put("pointwise_kernel", tensor(params.get("pW").permute(2, 3, 1, 0)));
                bias(params, weights);
            } else if (node.spec() instanceof DenseSpec) {
                WeightTensor kernel = tensor(params.get("W"));
                TensorShape flattened = flattenedImage(network, analysis, node.id());
                if (flattened != null && channelsLast && flattensChannelsFirst(graph, network, node.id(), vertexOf)) {
                    kernel = chwRowsToHwc(kernel, flattened);
                }
                weights.put("kernel", kernel);
                bias(params, weights);
            } else if (node.spec() instanceof BatchNormalizationSpec) {
                weights.put("gamma", vector(params.get("gamma")));
                weights.put("beta", vector(params.get("beta")));
                weights.put("moving_mean", vector(params.get("mean")));
                if (params.containsKey("var")) {
                    weights.put("moving_variance", vector(params.get("var")));
                } else {
                    float[] logStd = vector(params.get("log10stdev")).values();
                    float[] variance = new float[logStd.length];
                    for (int i = 0; i < logStd.length; i++) {
                        double std = Math.pow(10, logStd[i]);
                        variance[i] = (float) (std * std);
                    }
                    weights.put("moving_variance", new WeightTensor(new int[] {variance.length}, variance));
                }
            }
            if (!weights.isEmpty()) {
                layers.put(node.name(), weights);
            }
        }
        return new NetworkWeights(layers);
    }

    /**
     * The (H, W, C) image a Flatten turned into this Dense layer's input, looking back through layers that keep the
     * order of values (Dropout, Activation); null when the Dense does not read a flattened image.
     */
    private static TensorShape flattenedImage(Network network, NetworkAnalysis analysis, NodeId dense) {
        NodeId current = dense;
        while (true) {
            List<NodeId> inputs = network.inputsOf(current);
            if (inputs.size() != 1) {
                return null;
            }
            LayerSpec spec = network.node(inputs.get(0)).spec();
            if (spec instanceof FlattenSpec) {
                List<NodeId> beforeFlatten = network.inputsOf(inputs.get(0));
                if (beforeFlatten.size() != 1) {
                    return null;
                }
                TensorShape shape = analysis.node(beforeFlatten.get(0)).map(NodeAnalysis::outputShape).orElse(null);
                return shape != null && shape.rank() == 3 ? shape : null;
            }
            if (!(spec instanceof DropoutSpec || spec instanceof ActivationSpec)) {
                return null;
            }
            current = inputs.get(0);
        }
    }

    /** True unless DL4J's preprocessor between the Flatten and this layer flattens in NHWC order. */
    private static boolean flattensChannelsFirst(ComputationGraph graph, Network network, NodeId dense,
            Map<NodeId, String> vertexOf) {
        NodeId current = dense;
        while (current != null) {
            GraphVertex vertex = graph.getConfiguration().getVertices().get(vertexOf.get(current));
            if (vertex instanceof LayerVertex layerVertex
                    && layerVertex.getPreProcessor() instanceof CnnToFeedForwardPreProcessor cnn) {
                return cnn.getFormat() != CNN2DFormat.NHWC;
            }
            List<NodeId> inputs = network.inputsOf(current);
            if (inputs.size() != 1) {
                return true;
            }
            if (network.node(inputs.get(0)).spec() instanceof FlattenSpec) {
                // The compiler gives Flatten a vertex of its own that flattens in the layout DL4J computes in.
                GraphVertex flatten = graph.getConfiguration().getVertices().get(vertexOf.get(inputs.get(0)));
                return !(flatten instanceof org.deeplearning4j.nn.conf.graph.PreprocessorVertex preprocessor
                        && preprocessor.getPreProcessor() instanceof CnnToFeedForwardPreProcessor cnn
                        && cnn.getFormat() == CNN2DFormat.NHWC);
            }
            current = inputs.get(0);
        }
        return true;
    }

    /** Reorders a Dense kernel's rows from (C, H, W) flattening order to Keras's (H, W, C). */
    static WeightTensor chwRowsToHwc(WeightTensor kernel, TensorShape hwc) {
        int h = hwc.dim(0);
        int w = hwc.dim(1);
        int c = hwc.dim(2);
        int units = kernel.dim(1);
        return kernel.reshape(c, h, w, units).transpose(1, 2, 0, 3).reshape(h * w * c, units);
    }

    private static void bias(Map<String, INDArray> params, Map<String, WeightTensor> weights) {
        if (params.containsKey("b")) {
            weights.put("bias", vector(params.get("b")));
        }
    }

    private static WeightTensor vector(INDArray array) {
        float[] values = array.dup('c').castTo(DataType.FLOAT).data().asFloat();
        return new WeightTensor(new int[] {values.length}, values);
    }

    private static WeightTensor tensor(INDArray array) {
        INDArray contiguous = array.dup('c').castTo(DataType.FLOAT);
        long[] shape = contiguous.shape();
        int[] dims = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = Math.toIntExact(shape[i]);
        }
        return new WeightTensor(dims, contiguous.data().asFloat());
    }

    private static boolean isChannelsLast(Network network) {
        return NetworkFormats.dataFormat(network) == DataFormat.CHANNELS_LAST;
    }
}
