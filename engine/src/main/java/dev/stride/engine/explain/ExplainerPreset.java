package dev.stride.engine.explain;

import java.util.Locale;
import java.util.OptionalInt;

/** The classic classroom cases (input, kernel, padding, stride, dilation → output), square, as the issue lists them. */
public enum ExplainerPreset {
    NO_PADDING(4, 3, PaddingMode.explicit(0), 1, 1, 2),
    ARBITRARY_PADDING(5, 4, PaddingMode.explicit(2), 1, 1, 6),
    SAME(5, 3, PaddingMode.same(), 1, 1, 5),
    FULL(5, 3, PaddingMode.full(), 1, 1, 7),
    STRIDED(5, 3, PaddingMode.explicit(0), 2, 1, 2),
    STRIDED_PADDED(5, 3, PaddingMode.explicit(1), 2, 1, 3),
    UNEVEN(6, 3, PaddingMode.explicit(1), 2, 1, 3),
    DILATED(7, 3, PaddingMode.explicit(0), 1, 2, 3);

    private final int input;
    private final int kernel;
    private final PaddingMode padding;
    private final int stride;
    private final int dilation;
    private final int expectedOutput;

    ExplainerPreset(int input, int kernel, PaddingMode padding, int stride, int dilation, int expectedOutput) {
        this.input = input;
        this.kernel = kernel;
        this.padding = padding;
        this.stride = stride;
        this.dilation = dilation;
        this.expectedOutput = expectedOutput;
    }

    /** The id used on the command line and in message keys, e.g. {@code uneven}, {@code strided-padded}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ExplainerPreset fromId(String id) {
        for (ExplainerPreset preset : values()) {
            if (preset.id().equalsIgnoreCase(id.trim())) {
                return preset;
            }
        }
        throw new IllegalArgumentException("no explainer preset '" + id + "'; use one of "
                + java.util.Arrays.stream(values()).map(ExplainerPreset::id).toList());
    }

    public int input() {
        return input;
    }

    public int kernel() {
        return kernel;
    }

    public PaddingMode padding() {
        return padding;
    }

    public int stride() {
        return stride;
    }

    public int dilation() {
        return dilation;
    }

    /** The output size the classroom table promises. */
    public int expectedOutput() {
        return expectedOutput;
    }

    public ConvolutionSetup setup() {
        return ConvolutionSetup.square(LayerKind.CONVOLUTION, input, kernel, stride, padding, dilation);
    }

    /**
     * The transposed version: a Conv2DTranspose from the output size back to the input size, with the output_padding
     * (None when Keras's default already lands there) that recovers the sizes the stride's floor lost.
     */
    public ConvolutionSetup transposedSetup() {
        for (OptionalInt outputPadding = OptionalInt.empty(); ; ) {
            ConvolutionSetup candidate = new ConvolutionSetup(LayerKind.TRANSPOSED_CONVOLUTION, expectedOutput,
                    expectedOutput, kernel, kernel, stride, stride, dilation, dilation, padding, outputPadding,
                    outputPadding);
            if (TransposedConvolutionWalk.of(candidate).rows().outputSize() == input) {
                return candidate;
            }
            int next = outputPadding.isEmpty() ? 0 : outputPadding.getAsInt() + 1;
            if (next >= stride) {
                throw new IllegalStateException("no output_padding recovers " + input + " for " + this);
            }
            outputPadding = OptionalInt.of(next);
        }
    }
}
