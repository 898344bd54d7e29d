package dev.stride.engine.explain;

/** What the explainer animates: a forward walk (convolution, pooling) or a transposed one, frame by frame. */
public sealed interface ExplainerWalk permits ConvolutionWalk, TransposedConvolutionWalk {

    ConvolutionSetup setup();

    int frameCount();

    /** Output height and width. */
    int outputHeight();

    int outputWidth();

    /** The numbers of frame {@code frameIndex} for a small-integer input (unpadded) and kernel. */
    CellComputation compute(int[][] input, int[][] kernel, int frameIndex);

    /** The walk for a set-up: transposed for a Conv2DTranspose, forward otherwise. */
    static ExplainerWalk of(ConvolutionSetup setup) {
        return setup.transposed() ? TransposedConvolutionWalk.of(setup) : ConvolutionWalk.of(setup);
    }
}
