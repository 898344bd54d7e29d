package dev.stride.engine.training;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J dense layer with plain ReLU whose backward pass reuses its forward pass's output. DL4J's
 * {@code BaseLayer.backpropGradient} multiplies the input by the weights a second time only to get ReLU's derivative
 * (LeNet: 128×2450 · 2450×500 again, one of its four large matrix products per step), yet the output tells the same:
 * a = max(z, 0) > 0 exactly where z > 0. The rest is DL4J's code. It stands in for the layer only while
 * {@link TrainingKernels} runs a step, and hands the backward pass back to DL4J whenever it did not see the forward
 * pass for the current input.
 */
final class DenseReluLayer extends BaseWrapperLayer {
    private static final ReluBackprop RELU = new ReluBackprop();
    private INDArray forwardInput;
    private INDArray forwardOutput;
    private INDArray viewsOf;
    private Map<String, INDArray> gradientViews;

    DenseReluLayer(Layer dense) {
        super(dense);
    }

    /** DL4J's own dense layer with plain ReLU and nothing that changes its input or weights during a step. */
    static boolean appliesTo(Layer layer) {
        if (layer.getClass() != DenseLayer.class) {
            return false;
        }
        var configuration = (org.deeplearning4j.nn.conf.layers.DenseLayer) layer.conf().getLayer();
        return ReluBackprop.replaces(configuration.getActivationFn()) && configuration.getIDropout() == null
                && configuration.getWeightNoise() == null && !configuration.hasLayerNorm();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray output = underlying.activate(training, workspaceMgr);
        forwardInput = training ? underlying.input() : null;
        forwardOutput = training ? output : null;
        return output;
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        return activate(training, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray input = underlying.input();
        if (forwardOutput == null || input != forwardInput || underlying.getMaskArray() != null) {
            return underlying.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray delta = RELU.backprop(forwardOutput, epsilon).getFirst();
        Map<String, INDArray> views = gradientViews();
        Gradient gradient = new DefaultGradient();
        INDArray biasGradient = views.get(DefaultParamInitializer.BIAS_KEY);
        if (biasGradient != null) {
            biasGradient.assign(AxisReductions.sum(delta, 0).reshape(biasGradient.shape()));
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);
        }
        INDArray weights = underlying.getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                new long[] {weights.size(0), delta.size(0)}, 'f');
        epsilonNext = weights.mmuli(delta.transpose(), epsilonNext).transpose();
        INDArray weightGradient = views.get(DefaultParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(input.castTo(weightGradient.dataType()), delta, weightGradient, true, false, 1.0, 0.0);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
        return new Pair<>(gradient, epsilonNext);
    }

    /** Views of the network's flattened gradient for this layer's weights and bias, made again when it changes. */
    private Map<String, INDArray> gradientViews() {
        INDArray flattened = underlying.getGradientsViewArray();
        if (flattened != viewsOf) {
            gradientViews = underlying.conf().getLayer().initializer().getGradientsFromFlattened(underlying.conf(),
                    flattened);
            viewsOf = flattened;
        }
        return gradientViews;
    }

    @Override
    public void clear() {
        forwardInput = null;
        forwardOutput = null;
        underlying.clear();
    }
}
