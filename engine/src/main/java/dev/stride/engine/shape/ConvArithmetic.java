package dev.stride.engine.shape;

import dev.stride.engine.model.Padding;
import dev.stride.engine.model.TensorShape;

/**
 * The one home of Keras's size arithmetic for one spatial axis (Keras 3 {@code compute_conv_output_shape},
 * {@code compute_pooling_output_shape} and {@code compute_conv_transpose_output_shape}). Sizes of
 * {@link TensorShape#UNKNOWN} stay unknown. Results may be zero or negative for impossible layers: callers decide
 * how to explain that.
 */
public final class ConvArithmetic {
    private ConvArithmetic() {
    }

    /** The span a dilated kernel covers: {@code d·(k−1)+1}. */
    public static int effectiveKernel(int kernel, int dilation) {
        return dilation * (kernel - 1) + 1;
    }

    /** Convolution output: valid {@code ⌊(in − d·(k−1) − 1)/s⌋ + 1}, same {@code ⌈in/s⌉}. */
    public static int outputSize(int in, int kernel, int stride, Padding padding, int dilation) {
        if (in == TensorShape.UNKNOWN) {
            return TensorShape.UNKNOWN;
        }
        if (padding == Padding.SAME) {
            return Math.floorDiv(in - 1, stride) + 1;
        }
        return Math.floorDiv(in - effectiveKernel(kernel, dilation), stride) + 1;
    }

    /** Pooling output: valid {@code ⌊(in − pool)/s⌋ + 1}, same {@code ⌈in/s⌉}. */
    public static int poolOutputSize(int in, int pool, int stride, Padding padding) {
        return outputSize(in, pool, stride, padding, 1);
    }

    /**
     * Transposed convolution output as Keras computes it: valid {@code (in−1)·s + k' + op} with op defaulting to
     * {@code max(k', s) − k'}; same {@code in·s} without output padding, else {@code (in−1)·s + k' mod 2 + op};
     * {@code k'} is the dilated kernel. {@code outputPadding} null means Keras's None.
     */
    public static int transposedOutputSize(int in, int kernel, int stride, Padding padding, Integer outputPadding,
            int dilation) {
        if (in == TensorShape.UNKNOWN) {
            return TensorShape.UNKNOWN;
        }
        int span = effectiveKernel(kernel, dilation);
        if (padding == Padding.VALID) {
            int extra = outputPadding == null ? Math.max(span, stride) - span : outputPadding;
            return (in - 1) * stride + span + extra;
        }
        if (outputPadding == null) {
            return in * stride;
        }
        return (in - 1) * stride + span % 2 + outputPadding;
    }

    /**
     * Input rows (or columns) that no window touches because the floor drops them: only 'valid' padding loses any.
     * Returns 0 when the whole input is covered or the size is unknown.
     */
    public static int uncoveredInputs(int in, int kernel, int stride, Padding padding, int dilation) {
        if (in == TensorShape.UNKNOWN || padding == Padding.SAME) {
            return 0;
        }
        int span = effectiveKernel(kernel, dilation);
        if (in < span) {
            return 0;
        }
        int out = outputSize(in, kernel, stride, padding, dilation);
        return in - ((out - 1) * stride + span);
    }

    /** TensorFlow's total 'same' padding for one axis: {@code max((out−1)·s + k' − in, 0)}. */
    public static int samePaddingTotal(int in, int kernel, int stride, int dilation) {
        int out = outputSize(in, kernel, stride, Padding.SAME, dilation);
        return Math.max((out - 1) * stride + effectiveKernel(kernel, dilation) - in, 0);
    }
}
