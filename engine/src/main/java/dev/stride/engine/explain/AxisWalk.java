package dev.stride.engine.explain;

import dev.stride.engine.model.Padding;
import dev.stride.engine.shape.ConvArithmetic;
import java.util.ArrayList;
import java.util.List;

/**
 * The walk of a convolution window along one spatial axis: the padding on each side, the output size and, for every
 * output cell, the padded positions its dilated window reads.
 *
 * <p>Positions are in padded coordinates: 0 is the first padding cell (or the first input cell when there is none).
 */
public record AxisWalk(
        int inputSize,
        int kernel,
        int stride,
        int dilation,
        PaddingMode padding,
        int padBefore,
        int padAfter,
        int outputSize) {

    public AxisWalk {
        requirePositive("input size", inputSize);
        requirePositive("kernel", kernel);
        requirePositive("stride", stride);
        requirePositive("dilation", dilation);
    }

    /** Works out padding and output size the way Keras/TensorFlow do for 'valid' and 'same'. */
    public static AxisWalk of(int inputSize, int kernel, int stride, PaddingMode padding, int dilation) {
        requirePositive("input size", inputSize);
        requirePositive("kernel", kernel);
        requirePositive("stride", stride);
        requirePositive("dilation", dilation);
        int span = ConvArithmetic.effectiveKernel(kernel, dilation);
        int before;
        int after;
        if (padding instanceof PaddingMode.Same) {
            int total = ConvArithmetic.samePaddingTotal(inputSize, kernel, stride, dilation);
            before = total / 2;
            after = total - before; // TensorFlow puts the odd cell at the bottom/right
        } else if (padding instanceof PaddingMode.Explicit explicit) {
            before = explicit.perSide();
            after = explicit.perSide();
        } else if (padding instanceof PaddingMode.Full) {
            before = span - 1;
            after = span - 1;
        } else {
            before = 0;
            after = 0;
        }
        // Any padding is 'valid' on the padded input: one home for the arithmetic, engine.shape's.
        int output = Math.max(ConvArithmetic.outputSize(inputSize + before + after, kernel, stride, Padding.VALID,
                dilation), 0);
        return new AxisWalk(inputSize, kernel, stride, dilation, padding, before, after, output);
    }

    /** The kernel's extent with the gaps of dilation: d·(k−1)+1. */
    public int span() {
        return ConvArithmetic.effectiveKernel(kernel, dilation);
    }

    public int paddedSize() {
        return inputSize + padBefore + padAfter;
    }

    public int totalPadding() {
        return padBefore + padAfter;
    }

    /** The padded position where output cell {@code outputIndex}'s window starts. */
    public int windowStart(int outputIndex) {
        if (outputIndex < 0 || outputIndex >= outputSize) {
            throw new IndexOutOfBoundsException("output cell " + outputIndex + " outside 0.." + (outputSize - 1));
        }
        return outputIndex * stride;
    }

    /** The padded positions the window of output cell {@code outputIndex} reads, one per kernel tap. */
    public int[] taps(int outputIndex) {
        int start = windowStart(outputIndex);
        int[] taps = new int[kernel];
        for (int tap = 0; tap < kernel; tap++) {
            taps[tap] = start + tap * dilation;
        }
        return taps;
    }

    /** Whether a padded position is a padding cell rather than an input cell. */
    public boolean isPadding(int paddedPosition) {
        return paddedPosition < padBefore || paddedPosition >= padBefore + inputSize;
    }

    /** The input index of a padded position, or −1 for a padding cell. */
    public int inputIndex(int paddedPosition) {
        return isPadding(paddedPosition) ? -1 : paddedPosition - padBefore;
    }

    /** Padded positions that lie inside no window's span: what the floor in the formula drops (and gaps when s > span). */
    public List<Integer> neverCovered() {
        boolean[] covered = new boolean[paddedSize()];
        for (int out = 0; out < outputSize; out++) {
            int start = windowStart(out);
            for (int position = start; position < start + span(); position++) {
                covered[position] = true;
            }
        }
        List<Integer> never = new ArrayList<>();
        for (int position = 0; position < covered.length; position++) {
            if (!covered[position]) {
                never.add(position);
            }
        }
        return List.copyOf(never);
    }

    /** The trailing padded positions after the last window: the remainder (P' − span) mod s the floor throws away. */
    public List<Integer> droppedByFloor() {
        int end = outputSize == 0 ? 0 : windowStart(outputSize - 1) + span();
        List<Integer> dropped = new ArrayList<>();
        for (int position = end; position < paddedSize(); position++) {
            dropped.add(position);
        }
        return List.copyOf(dropped);
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be 1 or more, got " + value);
        }
    }
}
