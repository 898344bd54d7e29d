package dev.stride.engine.explain;

import dev.stride.engine.model.Padding;
import dev.stride.engine.shape.ConvArithmetic;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A transposed convolution (Conv2DTranspose) along one axis: each input cell scatters the dilated kernel into the
 * output, and the output is cropped by {@link #cropBefore()} at the start so its size equals Keras's.
 */
public record TransposedAxisWalk(
        int inputSize,
        int kernel,
        int stride,
        int dilation,
        PaddingMode padding,
        OptionalInt outputPadding,
        int cropBefore,
        int outputSize) {

    /** Keras's output size (its {@code deconv_output_length}) and TensorFlow's cropping for the given padding. */
    public static TransposedAxisWalk of(int inputSize, int kernel, int stride, PaddingMode padding, int dilation,
                                        OptionalInt outputPadding) {
        if (inputSize < 1 || kernel < 1 || stride < 1 || dilation < 1) {
            throw new IllegalArgumentException("input " + inputSize + ", kernel " + kernel + ", stride " + stride
                    + " and dilation " + dilation + " must all be 1 or more");
        }
        if (outputPadding.isPresent() && (outputPadding.getAsInt() < 0 || outputPadding.getAsInt() >= stride)) {
            throw new IllegalArgumentException("output_padding must be in 0.." + (stride - 1) + " (less than the stride "
                    + stride + "), got " + outputPadding.getAsInt());
        }
        int span = ConvArithmetic.effectiveKernel(kernel, dilation);
        int output = outputSize(inputSize, kernel, stride, padding, dilation, outputPadding);
        int crop;
        if (padding instanceof PaddingMode.Same) {
            // TensorFlow pads the matching forward convolution as 'same' does: half the total, the odd cell after.
            crop = Math.max((inputSize - 1) * stride + span - output, 0) / 2;
        } else if (padding instanceof PaddingMode.Explicit explicit) {
            crop = explicit.perSide();
        } else if (padding instanceof PaddingMode.Full) {
            crop = span - 1;
        } else {
            crop = 0;
        }
        return new TransposedAxisWalk(inputSize, kernel, stride, dilation, padding, outputPadding, crop,
                Math.max(output, 0));
    }

    public int span() {
        return ConvArithmetic.effectiveKernel(kernel, dilation);
    }

    /**
     * Keras's size for 'valid' and 'same' (engine.shape's); explicit p is 'valid' cropped by p on each side
     * (PyTorch's {@code (I−1)·s − 2p + d·(k−1) + output_padding + 1}), and Keras 2's 'full' is p = d·(k−1).
     */
    private static int outputSize(int input, int kernel, int stride, PaddingMode padding, int dilation,
                                  OptionalInt outputPadding) {
        Integer kerasOutputPadding = outputPadding.isPresent() ? outputPadding.getAsInt() : null;
        if (padding instanceof PaddingMode.Same) {
            return ConvArithmetic.transposedOutputSize(input, kernel, stride, Padding.SAME, kerasOutputPadding,
                    dilation);
        }
        if (padding instanceof PaddingMode.Valid) {
            return ConvArithmetic.transposedOutputSize(input, kernel, stride, Padding.VALID, kerasOutputPadding,
                    dilation);
        }
        int crop = padding instanceof PaddingMode.Explicit explicit
                ? explicit.perSide() : ConvArithmetic.effectiveKernel(kernel, dilation) - 1;
        return ConvArithmetic.transposedOutputSize(input, kernel, stride, Padding.VALID, outputPadding.orElse(0),
                dilation) - 2 * crop;
    }

    /** Where input cell {@code inputIndex}'s tap {@code tap} lands in the output, or −1 when it is cropped away. */
    public int target(int inputIndex, int tap) {
        int position = inputIndex * stride + tap * dilation - cropBefore;
        return position >= 0 && position < outputSize ? position : -1;
    }

    /** The output positions input cell {@code inputIndex} writes to (cropped taps left out). */
    public List<Integer> targets(int inputIndex) {
        List<Integer> targets = new ArrayList<>();
        for (int tap = 0; tap < kernel; tap++) {
            int position = target(inputIndex, tap);
            if (position >= 0) {
                targets.add(position);
            }
        }
        return List.copyOf(targets);
    }

    /** Output positions no input cell writes to (they hold only the bias): e.g. stride larger than the kernel. */
    public List<Integer> neverWritten() {
        boolean[] written = new boolean[outputSize];
        for (int in = 0; in < inputSize; in++) {
            for (int position : targets(in)) {
                written[position] = true;
            }
        }
        List<Integer> never = new ArrayList<>();
        for (int position = 0; position < outputSize; position++) {
            if (!written[position]) {
                never.add(position);
            }
        }
        return List.copyOf(never);
    }
}
