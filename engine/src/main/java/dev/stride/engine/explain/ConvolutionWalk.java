package dev.stride.engine.explain;

import java.util.ArrayList;
import java.util.List;

/** A 2-D convolution (or pooling) walk: the window's frames in row-major order over the output. */
public record ConvolutionWalk(ConvolutionSetup setup, AxisWalk rows, AxisWalk columns) implements ExplainerWalk {

    /** One step of the animation: output cell (row, column) and the padded rows and columns its window reads. */
    public record Frame(int index, int outputRow, int outputColumn, int[] rowTaps, int[] columnTaps) {
    }

    public static ConvolutionWalk of(ConvolutionSetup setup) {
        if (setup.transposed()) {
            throw new IllegalArgumentException("a Conv2DTranspose walks with TransposedConvolutionWalk");
        }
        AxisWalk rows = AxisWalk.of(setup.inputHeight(), setup.kernelHeight(), setup.strideHeight(), setup.padding(),
                setup.dilationHeight());
        AxisWalk columns = AxisWalk.of(setup.inputWidth(), setup.kernelWidth(), setup.strideWidth(), setup.padding(),
                setup.dilationWidth());
        return new ConvolutionWalk(setup, rows, columns);
    }

    @Override
    public int outputHeight() {
        return rows.outputSize();
    }

    @Override
    public int outputWidth() {
        return columns.outputSize();
    }

    @Override
    public int frameCount() {
        return rows.outputSize() * columns.outputSize();
    }

    public Frame frame(int index) {
        if (index < 0 || index >= frameCount()) {
            throw new IndexOutOfBoundsException("frame " + index + " outside 0.." + (frameCount() - 1));
        }
        int row = index / columns.outputSize();
        int column = index % columns.outputSize();
        return new Frame(index, row, column, rows.taps(row), columns.taps(column));
    }

    public List<Frame> frames() {
        List<Frame> frames = new ArrayList<>(frameCount());
        for (int index = 0; index < frameCount(); index++) {
            frames.add(frame(index));
        }
        return frames;
    }

    /** The frame index of output cell (row, column). */
    public int frameIndexOf(int outputRow, int outputColumn) {
        return outputRow * columns.outputSize() + outputColumn;
    }

    /**
     * The multiply-adds of one frame for a small-integer input (unpadded, [row][column]) and kernel: padding reads 0.
     */
    @Override
    public CellComputation compute(int[][] input, int[][] kernel, int frameIndex) {
        Frame frame = frame(frameIndex);
        int kh = rows.kernel();
        int kw = columns.kernel();
        int[][] values = new int[kh][kw];
        int[][] weights = new int[kh][kw];
        int[][] products = new int[kh][kw];
        long sum = 0;
        for (int i = 0; i < kh; i++) {
            int inRow = rows.inputIndex(frame.rowTaps()[i]);
            for (int j = 0; j < kw; j++) {
                int inColumn = columns.inputIndex(frame.columnTaps()[j]);
                values[i][j] = inRow < 0 || inColumn < 0 ? 0 : input[inRow][inColumn];
                weights[i][j] = kernel[i][j];
                products[i][j] = values[i][j] * weights[i][j];
                sum += products[i][j];
            }
        }
        return new CellComputation(values, weights, products, sum);
    }
}
