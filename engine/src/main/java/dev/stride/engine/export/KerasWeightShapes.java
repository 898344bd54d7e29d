package dev.stride.engine.export;

import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.Conv2DTransposeSpec;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.DepthwiseConv2DSpec;
import dev.stride.engine.model.Initializer;
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

/** The weights each layer owns, by Keras weight name, with their shapes in Keras's layout and their initializers. */
public final class KerasWeightShapes {
    private KerasWeightShapes() {
    }

    /** One weight: its Keras layout and the initializer Keras would use for it. */
    public record WeightSlot(int[] shape, Initializer initializer) {
    }

    /** Per layer name (only layers with weights), per weight name in Keras's order. */
    public static Map<String, Map<String, WeightSlot>> of(Network network, NetworkAnalysis analysis) {
        Map<String, Map<String, WeightSlot>> result = new LinkedHashMap<>();
        for (LayerNode node : network.nodes()) {
            Map<String, WeightSlot> slots = forLayer(network, analysis, node);
            if (!slots.isEmpty()) {
                result.put(node.name(), slots);
            }
        }
        return result;
    }

    static Map<String, WeightSlot> forLayer(Network network, NetworkAnalysis analysis, LayerNode node) {
        Map<String, WeightSlot> slots = new LinkedHashMap<>();
        List<NodeId> inputs = network.inputsOf(node.id());
        if (inputs.isEmpty()) {
            return slots;
        }
        TensorShape in = analysis.node(inputs.get(0)).map(NodeAnalysis::outputShape).orElse(null);
        if (in == null) {
            return slots;
        }
        LayerSpec spec = node.spec();
        if (spec instanceof Conv2DSpec conv) {
            int channels = channels(in, conv.dataFormat());
            slots.put("kernel", new WeightSlot(new int[] {conv.kernelSize().height(), conv.kernelSize().width(),
                channels / Math.max(conv.groups(), 1), conv.filters()}, conv.kernelInitializer()));
            if (conv.useBias()) {
                slots.put("bias", new WeightSlot(new int[] {conv.filters()}, conv.biasInitializer()));
            }
        } else if (spec instanceof Conv2DTransposeSpec conv) {
            int channels = channels(in, conv.dataFormat());
            slots.put("kernel", new WeightSlot(new int[] {conv.kernelSize().height(), conv.kernelSize().width(),
                conv.filters(), channels}, conv.kernelInitializer()));
            if (conv.useBias()) {
                slots.put("bias", new WeightSlot(new int[] {conv.filters()}, conv.biasInitializer()));
            }
        } else if (spec instanceof DepthwiseConv2DSpec conv) {
            int channels = channels(in, conv.dataFormat());
            slots.put("kernel", new WeightSlot(new int[] {conv.kernelSize().height(), conv.kernelSize().width(),
                channels, conv.depthMultiplier()}, conv.depthwiseInitializer()));
            if (conv.useBias()) {
                slots.put("bias", new WeightSlot(new int[] {channels * conv.depthMultiplier()},
                        conv.biasInitializer()));
            }
        } else if (spec instanceof SeparableConv2DSpec conv) {
            int channels = channels(in, conv.dataFormat());
            slots.put("depthwise_kernel", new WeightSlot(new int[] {conv.kernelSize().height(),
                conv.kernelSize().width(), channels, conv.depthMultiplier()}, conv.depthwiseInitializer()));
            slots.put("pointwise_kernel", new WeightSlot(new int[] {1, 1, channels * conv.depthMultiplier(),
                conv.filters()}, conv.pointwiseInitializer()));
            if (conv.useBias()) {
                slots.put("bias", new WeightSlot(new int[] {conv.filters()}, conv.biasInitializer()));
            }
        } else if (spec instanceof BatchNormalizationSpec bn) {
            int axis = bn.axis() < 0 ? in.rank() + bn.axis() : bn.axis() - 1;
            int[] shape = {in.dim(axis)};
            if (bn.scale()) {
                slots.put("gamma", new WeightSlot(shape, bn.gammaInitializer()));
            }
            if (bn.center()) {
                slots.put("beta", new WeightSlot(shape, bn.betaInitializer()));
            }
            slots.put("moving_mean", new WeightSlot(shape, bn.movingMeanInitializer()));
            slots.put("moving_variance", new WeightSlot(shape, bn.movingVarianceInitializer()));
        } else if (spec instanceof DenseSpec dense) {
            slots.put("kernel", new WeightSlot(new int[] {in.dim(-1), dense.units()}, dense.kernelInitializer()));
            if (dense.useBias()) {
                slots.put("bias", new WeightSlot(new int[] {dense.units()}, dense.biasInitializer()));
            }
        }
        return slots;
    }

    private static int channels(TensorShape image, DataFormat format) {
        return format == DataFormat.CHANNELS_LAST ? image.dim(-1) : image.dim(0);
    }
}
