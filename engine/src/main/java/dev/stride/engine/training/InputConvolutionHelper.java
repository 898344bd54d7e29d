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
 * ≈ 140 ms at batch 128 on one thread). Here the weight and bias gradients come from one of two routes, and the
 * returned input gradient is left uninitialised. {@link PatchGradient} (a patch matrix and a matrix product per image)
 * wins when an image's patch matrix is small next to its output gradient: LeNet's first layer (1 channel, 5×5, 20
 * filters) trained at 1,100–1,230 images/s with the other route and at 1,240–1,610 with it, alternating runs of
 * {@code stride bench train --model lenet --threads 1}. With many taps per filter (StridedNet's 3×7×7 taps, stride 2,
 * 16 filters) the patch matrices are 9× the output gradient and the transposed convolution's backward pass is faster
 * (≈ 198 against 175 images/s).
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
        int[] padding = convolutionMode == ConvolutionMode.Same
                ? ConvolutionUtils.getSameModeTopLeftPadding(new int[] {(int) delta.size(2), (int) delta.size(3)},
                        new int[] {(int) input.size(2), (int) input.size(3)}, kernel, strides, dilation)
                : pad;
        var geometry = new PatchGradient.Geometry((int) input.size(1), (int) input.size(2), (int) input.size(3),
                kernel[0], kernel[1], strides[0], strides[1], dilation[0], dilation[1], padding[0], padding[1],
                (int) delta.size(2), (int) delta.size(3));
        int filters = (int) delta.size(1);
        boolean dilated = dilation[0] != 1 || dilation[1] != 1; // libnd4j's oneDNN deconv2d_bp rejects dilation
        if (geometry.patchRows() <= 2 * filters || dilated) {
            patchGradients(input, delta, geometry, biasGradView, weightGradView);
        } else {
            transposedConvolutionGradients(input, delta, weights, kernel, strides, padding, dilation, biasGradView,
                    weightGradView, workspaceMgr);
        }
        Gradient gradient = new DefaultGradient();
        if (biasGradView != null) {
            gradient.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        }
        gradient.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView);
        INDArray unusedInputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD,
                input.dataType(), input.shape());
        return new Pair<>(gradient, unusedInputGradient);
    }

    private static void patchGradients(INDArray input, INDArray delta, PatchGradient.Geometry geometry,
            INDArray biasGradView, INDArray weightGradView) {
        float[] sums = PatchGradient.sums(rowMajor(input), rowMajor(delta), geometry);
        int filters = (int) delta.size(1);
        int rows = geometry.patchRows();
        float[] weightGradient = new float[filters * (rows - 1)];
        float[] biasGradient = new float[filters];
        for (int f = 0; f < filters; f++) {
            System.arraycopy(sums, f * rows, weightGradient, f * (rows - 1), rows - 1);
            biasGradient[f] = sums[f * rows + rows - 1];
        }
        weightGradView.assign(Nd4j.create(weightGradient, weightGradView.shape(), 'c'));
        if (biasGradView != null) {
            biasGradView.assign(Nd4j.create(biasGradient, biasGradView.shape(), 'c'));
        }
    }

    private static void transposedConvolutionGradients(INDArray input, INDArray delta, INDArray weights, int[] kernel,
            int[] strides, int[] padding, int[] dilation, INDArray biasGradView, INDArray weightGradView,
            LayerWorkspaceMgr workspaceMgr) {
        long outH = delta.size(2);
        long outW = delta.size(3);
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
        if (biasGradView != null) {
            INDArray deltaRows = delta.reshape('c', delta.size(0), delta.size(1), outH * outW);
            biasGradView.assign(AxisReductions.sum(AxisReductions.sum(deltaRows, 2), 0).reshape(biasGradView.shape()));
        }
    }

    /** The array itself when its values lie in C order one after another, otherwise a C-order copy. */
    private static INDArray rowMajor(INDArray array) {
        return array.ordering() == 'c' && DirectFloats.contiguous(array) ? array : array.dup('c');
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
