package dev.stride.engine.explain;

import java.util.OptionalInt;

/** Temporary home of the output-size formulas until engine.shape.ConvArithmetic lands on this branch. */
final class ConvolutionFormulas {
    private ConvolutionFormulas() {
    }

    /** ⌊(P' − d·(k−1) − 1) / s⌋ + 1 for an already padded size P', or 0 when the window does not fit. */
    static int outputSize(int paddedSize, int kernel, int stride, int dilation) {
        int span = dilation * (kernel - 1) + 1;
        return paddedSize < span ? 0 : (paddedSize - span) / stride + 1;
    }

    /** Keras's deconv_output_length; explicit p follows PyTorch: (I−1)·s − 2p + d·(k−1) + output_padding + 1. */
    static int transposedOutputSize(int input, int kernel, int stride, PaddingMode padding, int dilation,
                                    OptionalInt outputPadding) {
        int span = dilation * (kernel - 1) + 1;
        if (outputPadding.isEmpty()) {
            if (padding instanceof PaddingMode.Valid) {
                return input * stride + Math.max(span - stride, 0);
            }
            if (padding instanceof PaddingMode.Same) {
                return input * stride;
            }
            if (padding instanceof PaddingMode.Full) {
                return input * stride - (stride + span - 2);
            }
        }
        int pad;
        if (padding instanceof PaddingMode.Same) {
            pad = span / 2;
        } else if (padding instanceof PaddingMode.Full) {
            pad = span - 1;
        } else if (padding instanceof PaddingMode.Explicit explicit) {
            pad = explicit.perSide();
        } else {
            pad = 0;
        }
        return (input - 1) * stride + span - 2 * pad + outputPadding.orElse(0);
    }
}
