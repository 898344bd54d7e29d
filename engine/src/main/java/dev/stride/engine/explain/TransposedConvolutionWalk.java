package dev.stride.engine.explain;

/** A 2-D transposed convolution walk: frame i is input cell i (row-major) scattering the kernel into the output. */
public record TransposedConvolutionWalk(ConvolutionSetup setup, TransposedAxisWalk rows, TransposedAxisWalk columns)
        implements ExplainerWalk {

    /** One step: input cell (row, column) and the output rows/columns its taps land on (−1 where cropped away). */
    public record Frame(int index, int inputRow, int inputColumn, int[] targetRows, int[] targetColumns) {
    }

    public static TransposedConvolutionWalk of(ConvolutionSetup setup) {
        if (!setup.transposed()) {
            throw new IllegalArgumentException("only a Conv2DTranspose walks as a transposed convolution");
        }
        TransposedAxisWalk rows = TransposedAxisWalk.of(setup.inputHeight(), setup.kernelHeight(),
                setup.strideHeight(), setup.padding(), setup.dilationHeight(), setup.outputPaddingHeight());
        TransposedAxisWalk columns = TransposedAxisWalk.of(setup.inputWidth(), setup.kernelWidth(),
                setup.strideWidth(), setup.padding(), setup.dilationWidth(), setup.outputPaddingWidth());
        return new TransposedConvolutionWalk(setup, rows, columns);
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
        return rows.inputSize() * columns.inputSize();
    }

    public Frame frame(int index) {
        if (index < 0 || index >= frameCount()) {
            throw new IndexOutOfBoundsException("frame " + index + " outside 0.." + (frameCount() - 1));
        }
        int row = index / columns.inputSize();
        int column = index % columns.inputSize();
        int[] targetRows = new int[rows.kernel()];
        for (int tap = 0; tap < targetRows.length; tap++) {
            targetRows[tap] = rows.target(row, tap);
        }
        int[] targetColumns = new int[columns.kernel()];
        for (int tap = 0; tap < targetColumns.length; tap++) {
            targetColumns[tap] = columns.target(column, tap);
        }
        return new Frame(index, row, column, targetRows, targetColumns);
    }

    /** What input cell {@code frameIndex} adds to the output: its value times each weight. */
    @Override
    public CellComputation compute(int[][] input, int[][] kernel, int frameIndex) {
        Frame frame = frame(frameIndex);
        int value = input[frame.inputRow()][frame.inputColumn()];
        int kh = rows.kernel();
        int kw = columns.kernel();
        int[][] values = new int[kh][kw];
        int[][] weights = new int[kh][kw];
        int[][] products = new int[kh][kw];
        long sum = 0;
        for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
                values[i][j] = value;
                weights[i][j] = kernel[i][j];
                products[i][j] = value * kernel[i][j];
                sum += products[i][j];
            }
        }
        return new CellComputation(values, weights, products, sum);
    }
}
