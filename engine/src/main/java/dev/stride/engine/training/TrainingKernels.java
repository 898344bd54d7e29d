package dev.stride.engine.training;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Stride's Java kernels for a CPU training step: {@link ReluBackprop} stands in for DL4J's ReLU while
 * {@link #fit} runs, and is taken out again before it returns, so the network's configuration (which checkpoints
 * and saved models serialize) always names DL4J's own classes between steps. {@link FusedAdamUpdater} is installed
 * once, since it is not part of the configuration. {@code -Dstride.javaKernels=false} keeps DL4J's code throughout.
 */
final class TrainingKernels {
    private final ComputationGraph network;
    private final List<Runnable> swapIn = new ArrayList<>();
    private final List<Runnable> swapOut = new ArrayList<>();

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
        ReluBackprop relu = new ReluBackprop();
        for (Layer layer : network.getLayers()) {
            var configuration = layer.conf().getLayer();
            if (configuration instanceof BaseLayer base && ReluBackprop.replaces(base.getActivationFn())) {
                kernels.swap(base.getActivationFn(), relu, base::setActivationFn);
            } else if (configuration instanceof ActivationLayer activation
                    && ReluBackprop.replaces(activation.getActivationFn())) {
                kernels.swap(activation.getActivationFn(), relu, activation::setActivationFn);
            }
        }
        return kernels;
    }

    private void swap(IActivation original, IActivation replacement,
            java.util.function.Consumer<IActivation> setter) {
        swapIn.add(() -> setter.accept(replacement));
        swapOut.add(() -> setter.accept(original));
    }

    /** One training step on {@code batch} with the Java kernels in place. */
    void fit(DataSet batch) {
        swapIn.forEach(Runnable::run);
        try {
            network.fit(batch);
        } finally {
            swapOut.forEach(Runnable::run);
        }
    }
}
