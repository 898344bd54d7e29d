package dev.stride.engine.training;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Stride's Java kernels for a CPU training step: {@link ReluBackprop} stands in for DL4J's ReLU while
 * {@link #fit} runs, and is taken out again before it returns, so the network's configuration (which checkpoints
 * and saved models serialize) always names DL4J's own classes between steps. {@link FusedAdamUpdater} and
 * {@link MaskedDropout} (as the helper of each fixed-rate dropout) are installed once: neither is part of the
 * configuration; nor is {@link CachedViewsUpdaterBlock}, which takes the place of each updater block.
 * {@link DenseReluLayer} stands in for dense ReLU layers during a step, like {@link ReluBackprop}.
 * {@code -Dstride.javaKernels=false} keeps DL4J's code throughout.
 */
final class TrainingKernels {
    /** {@code LayerVertex.layer}, which has no setter; null where a DL4J lacks it (no layer then stands in). */
    private static final Field VERTEX_LAYER = vertexLayerField();
    private final ComputationGraph network;
    private final List<Swap> swaps = new ArrayList<>();
    private final List<LayerSwap> layerSwaps = new ArrayList<>();

    /** A DL4J activation in a layer's configuration, and what stands in for it during a step. */
    private record Swap(IActivation original, IActivation replacement, Consumer<IActivation> setter) {
    }

    /** A layer of the graph (in its vertex and in the graph's list of layers), and what stands in for it. */
    private record LayerSwap(LayerVertex vertex, int index, Layer original, Layer replacement) {
    }

    private TrainingKernels(ComputationGraph network) {
        this.network = network;
    }

    static TrainingKernels install(ComputationGraph network) {
        TrainingKernels kernels = new TrainingKernels(network);
        if (!Boolean.parseBoolean(System.getProperty("stride.javaKernels", "true"))
                || !Nd4j.getEnvironment().isCPU()) {
            return kernels;
        }
        FusedAdamUpdater.install(network);
        CachedViewsUpdaterBlock.install(network);
        ReluBackprop relu = new ReluBackprop();
        boolean floats = network.params().dataType() == DataType.FLOAT;
        Map<Object, Integer> dropoutUses = new IdentityHashMap<>();
        for (Layer layer : network.getLayers()) {
            dropoutUses.merge(layer.conf().getLayer().getIDropout(), 1, Integer::sum);
        }
        for (Layer layer : network.getLayers()) {
            var configuration = layer.conf().getLayer();
            if (configuration.getIDropout() instanceof Dropout dropout && dropout.getClass() == Dropout.class
                    && dropout.getPSchedule() == null && dropoutUses.get(dropout) == 1 && floats) {
                installDropoutHelper(dropout);
            }
            if (configuration instanceof BaseLayer base && ReluBackprop.replaces(base.getActivationFn())) {
                kernels.swaps.add(new Swap(base.getActivationFn(), relu, base::setActivationFn));
            } else if (configuration instanceof ActivationLayer activation
                    && ReluBackprop.replaces(activation.getActivationFn())) {
                kernels.swaps.add(new Swap(activation.getActivationFn(), relu, activation::setActivationFn));
            }
        }
        Layer[] layers = network.getLayers();
        for (GraphVertex vertex : network.getVertices()) {
            if (VERTEX_LAYER != null && vertex instanceof LayerVertex layerVertex
                    && DenseReluLayer.appliesTo(layerVertex.getLayer())) {
                Layer dense = layerVertex.getLayer();
                int index = Arrays.asList(layers).indexOf(dense);
                if (index >= 0) {
                    kernels.layerSwaps.add(new LayerSwap(layerVertex, index, dense, new DenseReluLayer(dense)));
                }
            }
        }
        return kernels;
    }

    private static Field vertexLayerField() {
        try {
            Field field = LayerVertex.class.getDeclaredField("layer");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Gives a DL4J {@link Dropout} a {@link MaskedDropout} as its helper (not serialized: DL4J ignores it). */
    private static void installDropoutHelper(Dropout dropout) {
        try {
            Field helper = Dropout.class.getDeclaredField("helper");
            Field initialized = Dropout.class.getDeclaredField("initializedHelper");
            helper.setAccessible(true);
            initialized.setAccessible(true);
            if (!(helper.get(dropout) instanceof MaskedDropout)) {
                helper.set(dropout, new MaskedDropout());
                initialized.set(dropout, true);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A DL4J whose Dropout has no such fields keeps its own code.
        }
    }

    /** One training step on {@code batch} with the Java kernels in place. */
    void fit(DataSet batch) {
        swaps.forEach(swap -> swap.setter().accept(swap.replacement()));
        layerSwaps.forEach(swap -> place(swap, swap.replacement()));
        try {
            network.fit(batch);
        } finally {
            swaps.forEach(swap -> swap.setter().accept(swap.original()));
            layerSwaps.forEach(swap -> place(swap, swap.original()));
        }
    }

    private void place(LayerSwap swap, Layer layer) {
        try {
            VERTEX_LAYER.set(swap.vertex(), layer);
            network.getLayers()[swap.index()] = layer;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("DL4J's LayerVertex changed: " + e.getMessage(), e);
        }
    }
}
