package dev.stride.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ExplainerWalkPropertiesTest {

    @Provide
    Arbitrary<PaddingMode> paddings() {
        return Arbitraries.oneOf(Arbitraries.just(PaddingMode.valid()), Arbitraries.just(PaddingMode.same()),
                Arbitraries.just(PaddingMode.full()), Arbitraries.integers().between(0, 4).map(PaddingMode::explicit));
    }

    /** The engine's output-size formula, written out: ⌊(W + P_before + P_after − D·(K − 1) − 1) / S⌋ + 1. */
    private static int formula(int input, int padBefore, int padAfter, int kernel, int stride, int dilation) {
        int numerator = input + padBefore + padAfter - dilation * (kernel - 1) - 1;
        return numerator < 0 ? 0 : Math.floorDiv(numerator, stride) + 1;
    }

    @Property(tries = 400)
    void everyFrameSitsWhereTheFormulaPutsIt(@ForAll @IntRange(min = 1, max = 32) int height,
                                              @ForAll @IntRange(min = 1, max = 32) int width,
                                              @ForAll @IntRange(min = 1, max = 5) int kernel,
                                              @ForAll @IntRange(min = 1, max = 4) int stride,
                                              @ForAll @IntRange(min = 1, max = 3) int dilation,
                                              @ForAll("paddings") PaddingMode padding) {
        ConvolutionSetup setup = new ConvolutionSetup(LayerKind.CONVOLUTION, height, width, kernel, kernel, stride,
                stride, dilation, dilation, padding, OptionalInt.empty(), OptionalInt.empty());
        ConvolutionWalk walk = ConvolutionWalk.of(setup);
        AxisWalk rows = walk.rows();
        AxisWalk columns = walk.columns();

        assertThat(rows.outputSize()).isEqualTo(formula(height, rows.padBefore(), rows.padAfter(), kernel, stride,
                dilation));
        assertThat(columns.outputSize()).isEqualTo(formula(width, columns.padBefore(), columns.padAfter(), kernel,
                stride, dilation));
        assertThat(walk.frames()).hasSize(rows.outputSize() * columns.outputSize());
        for (ConvolutionWalk.Frame frame : walk.frames()) {
            assertThat(frame.index()).isEqualTo(frame.outputRow() * columns.outputSize() + frame.outputColumn());
            for (int tap = 0; tap < kernel; tap++) {
                assertThat(frame.rowTaps()[tap]).isEqualTo(frame.outputRow() * stride + tap * dilation);
                assertThat(frame.columnTaps()[tap]).isEqualTo(frame.outputColumn() * stride + tap * dilation);
            }
            assertThat(frame.rowTaps()[kernel - 1]).isLessThan(rows.paddedSize());
            assertThat(frame.columnTaps()[kernel - 1]).isLessThan(columns.paddedSize());
        }
    }

    @Property(tries = 400)
    void samePaddingMatchesKerasAndPutsTheOddCellAfter(@ForAll @IntRange(min = 1, max = 40) int input,
                                                        @ForAll @IntRange(min = 1, max = 6) int kernel,
                                                        @ForAll @IntRange(min = 1, max = 4) int stride,
                                                        @ForAll @IntRange(min = 1, max = 3) int dilation) {
        AxisWalk walk = AxisWalk.of(input, kernel, stride, PaddingMode.same(), dilation);
        int total = Math.max((walk.outputSize() - 1) * stride + dilation * (kernel - 1) + 1 - input, 0);

        assertThat(walk.outputSize()).isEqualTo((input + stride - 1) / stride);
        assertThat(walk.totalPadding()).isEqualTo(total);
        assertThat(walk.padAfter() - walk.padBefore()).isEqualTo(total % 2);
    }

    @Property(tries = 400)
    void droppedRowsAreExactlyTheNeverCoveredOnesWhenWindowsTouch(
            @ForAll @IntRange(min = 1, max = 40) int input, @ForAll @IntRange(min = 1, max = 6) int kernel,
            @ForAll @IntRange(min = 1, max = 4) int stride, @ForAll @IntRange(min = 1, max = 3) int dilation,
            @ForAll("paddings") PaddingMode padding) {
        AxisWalk walk = AxisWalk.of(input, kernel, stride, padding, dilation);
        List<Integer> bruteForce = new ArrayList<>();
        for (int position = 0; position < walk.paddedSize(); position++) {
            boolean inSomeWindow = false;
            for (int out = 0; out < walk.outputSize(); out++) {
                int start = out * stride;
                inSomeWindow |= position >= start && position < start + walk.span();
            }
            if (!inSomeWindow) {
                bruteForce.add(position);
            }
        }

        assertThat(walk.neverCovered()).isEqualTo(bruteForce);
        assertThat(bruteForce).containsAll(walk.droppedByFloor());
        if (walk.outputSize() > 0 && stride <= walk.span()) {
            assertThat(walk.droppedByFloor()).isEqualTo(bruteForce)
                    .hasSize((walk.paddedSize() - walk.span()) % stride);
        }
    }

    /** Keras's deconv_output_length, transcribed from keras/src/utils/conv_utils.py as the oracle. */
    private static int kerasDeconvLength(int input, int kernel, String padding, OptionalInt outputPadding,
                                         int stride, int dilation) {
        int filter = kernel + (kernel - 1) * (dilation - 1);
        if (outputPadding.isEmpty()) {
            return switch (padding) {
                case "valid" -> input * stride + Math.max(filter - stride, 0);
                case "full" -> input * stride - (stride + filter - 2);
                default -> input * stride;
            };
        }
        int pad = switch (padding) {
            case "same" -> filter / 2;
            case "valid" -> 0;
            default -> filter - 1;
        };
        return (input - 1) * stride + filter - 2 * pad + outputPadding.getAsInt();
    }

    @Property(tries = 400)
    void transposedSizesMatchKeras(@ForAll @IntRange(min = 1, max = 20) int input,
                                   @ForAll @IntRange(min = 1, max = 6) int kernel,
                                   @ForAll @IntRange(min = 1, max = 4) int stride,
                                   @ForAll @IntRange(min = 1, max = 3) int dilation,
                                   @ForAll @IntRange(min = -1, max = 3) int outputPaddingOrNone,
                                   @ForAll("kerasPaddings") String padding) {
        OptionalInt outputPadding = outputPaddingOrNone < 0 || outputPaddingOrNone >= stride
                ? OptionalInt.empty() : OptionalInt.of(outputPaddingOrNone);
        PaddingMode mode = switch (padding) {
            case "valid" -> PaddingMode.valid();
            case "same" -> PaddingMode.same();
            default -> PaddingMode.full();
        };
        int expected = Math.max(kerasDeconvLength(input, kernel, padding, outputPadding, stride, dilation), 0);

        TransposedAxisWalk walk = TransposedAxisWalk.of(input, kernel, stride, mode, dilation, outputPadding);

        assertThat(walk.outputSize()).isEqualTo(expected);
        for (int in = 0; in < input; in++) {
            for (int position : walk.targets(in)) {
                assertThat(position).isBetween(0, walk.outputSize() - 1);
            }
        }
    }

    @Provide
    Arbitrary<String> kerasPaddings() {
        return Arbitraries.of("valid", "same", "full");
    }

    @Property(tries = 300)
    void explicitTransposedConvolutionUndoesTheForwardShape(@ForAll @IntRange(min = 1, max = 20) int input,
                                                           @ForAll @IntRange(min = 1, max = 5) int kernel,
                                                           @ForAll @IntRange(min = 1, max = 4) int stride,
                                                           @ForAll @IntRange(min = 1, max = 3) int dilation,
                                                           @ForAll @IntRange(min = 0, max = 3) int padding,
                                                           @ForAll @IntRange(min = 0, max = 3) int outputPadding) {
        int op = outputPadding % stride;
        TransposedAxisWalk transposed = TransposedAxisWalk.of(input, kernel, stride, PaddingMode.explicit(padding),
                dilation, OptionalInt.of(op));
        if (transposed.outputSize() < 1) {
            return;
        }
        AxisWalk forward = AxisWalk.of(transposed.outputSize(), kernel, stride, PaddingMode.explicit(padding),
                dilation);

        // The forward convolution of the transposed output comes back to the transposed input: they are adjoint.
        assertThat(forward.outputSize()).isEqualTo(input);
        for (int in = 0; in < input; in++) {
            for (int tap = 0; tap < kernel; tap++) {
                int target = transposed.target(in, tap);
                if (target >= 0) {
                    assertThat(forward.taps(in)[tap]).isEqualTo(target + padding);
                }
            }
        }
    }
}
