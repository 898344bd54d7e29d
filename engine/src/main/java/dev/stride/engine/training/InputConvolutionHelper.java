package dev.stride.engine.training;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * oneDNN convolution for a layer that reads the network's input directly. Its backward pass needs only the weight and
 * bias gradients: the gradient with respect to the input images is never used, yet oneDNN's conv2d_bp always computes
 * it, and for the few input channels of a first layer that kernel is the slowest of the whole step (22 ms of LeNet's
 * ≈ 140 ms at batch 128 on one thread). Here the weight gradient comes from the transposed convolution's backward
 * pass (see below), and the returned input gradient is left uninitialised.
 */
final class InputConvolutionHelper extends MKLDNNConvHelper {
    InputConvolutionHelper(DataType dataType) {
        super(dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta,
            int[] kernel, int[] strides, int[] pad, INDArray biasGradView, INDArray weightGradView, IActivation afn,
            ConvolutionLayer.AlgoMode mode, ConvolutionLayer.BwdFilterAlgo bwdFilterAlgo,
            ConvolutionLayer.BwdDataAlgo bwdDataAlgo, ConvolutionMode convolutionMode, int[] dilation,
            CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (format != CNN2DFormat.NCHW || input.dataType() != DataType.FLOAT || weights.dataType() != DataType.FLOAT) {
            return super.backpropGradient(input, weights, bias, delta, kernel, strides, pad, biasGradView,
                    weightGradView, afn, mode, bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation, format,
                    workspaceMgr);
        }
        long examples = input.size(0);
        long filters = delta.size(1);
        long outH = delta.size(2);
        long outW = delta.size(3);
        int[] padding = convolutionMode == ConvolutionMode.Same
                ? ConvolutionUtils.getSameModeTopLeftPadding(new int[] {(int) outH, (int) outW},
                        new int[] {(int) input.size(2), (int) input.size(3)}, kernel, strides, dilation)
                : pad;
        // A transposed convolution with the same weights maps delta back to input space, so the weight gradient of
        // deconv2d_bp(input = delta, output gradient = the images) is this layer's weight gradient, in the same
        // [out, in, kH, kW] layout. Its other output, the gradient for delta, is one cheap forward convolution.
        long reachH = (outH - 1) * strides[0] + (long) (kernel[0] - 1) * dilation[0] + 1 - 2L * padding[0];
        long reachW = (outW - 1) * strides[1] + (long) (kernel[1] - 1) * dilation[1] + 1 - 2L * padding[1];
        INDArray images = fitted(input, reachH, reachW, workspaceMgr);
        INDArray unusedDeltaGradient = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT,
                delta.shape());
        DynamicCustomOp transposedBackward = DynamicCustomOp.builder("deconv2d_bp")
                .addInputs(delta, weights, images)
                .addOutputs(unusedDeltaGradient, weightGradView)
                .addIntegerArguments(kernel[0], kernel[1], strides[0], strides[1], padding[0], padding[1],
                        dilation[0], dilation[1], 0, 0, 1)
                .build();
        Nd4j.exec(transposedBackward);
        INDArray deltaRows = delta.reshape('c', examples, filters, outH * outW);
        Gradient gradient = new DefaultGradient();
        if (biasGradView != null) {
            biasGradView.assign(AxisReductions.sum(AxisReductions.sum(deltaRows, 2), 0).reshape(biasGradView.shape()));
            gradient.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        }
        gradient.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView);
        INDArray unusedInputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD,
                input.dataType(), input.shape());
        return new Pair<>(gradient, unusedInputGradient);
    }

    /**
     * The images cut or zero-extended at the bottom and right to the rows and columns the transposed convolution
     * reaches: rows a 'valid' convolution never covers are dropped, the bottom/right padding of 'same' is added.
     */
    private static INDArray fitted(INDArray images, long rows, long columns, LayerWorkspaceMgr workspaceMgr) {
        if (images.size(2) == rows && images.size(3) == columns) {
            return images;
        }
        INDArray result = workspaceMgr.create(ArrayType.BP_WORKING_MEM, DataType.FLOAT,
                new long[] {images.size(0), images.size(1), rows, columns});
        long keepRows = Math.min(rows, images.size(2));
        long keepColumns = Math.min(columns, images.size(3));
        result.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, keepRows),
                NDArrayIndex.interval(0, keepColumns)).assign(images.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(0, keepRows), NDArrayIndex.interval(0, keepColumns)));
        return result;
    }
}
