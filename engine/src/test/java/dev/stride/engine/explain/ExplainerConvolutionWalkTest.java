package dev.stride.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExplainerConvolutionWalkTest {

    @Test
    void sameWithAnOddTotalPutsTheExtraCellBottomRight() {
        AxisWalk walk = AxisWalk.of(6, 3, 2, PaddingMode.same(), 1);

        assertThat(walk.outputSize()).isEqualTo(3);
        assertThat(walk.padBefore()).isZero();
        assertThat(walk.padAfter()).isEqualTo(1);
        assertThat(walk.isPadding(0)).isFalse();
        assertThat(walk.isPadding(6)).isTrue();
    }

    @Test
    void productsAndSumOfTheFirstCellOfAPaddedWalkReadZerosFromThePadding() {
        ConvolutionWalk walk = ConvolutionWalk.of(ExplainerPreset.STRIDED_PADDED.setup());
        int[][] input = {
                {1, 2, 3, 4, 5},
                {6, 7, 8, 9, 1},
                {2, 3, 4, 5, 6},
                {7, 8, 9, 1, 2},
                {3, 4, 5, 6, 7}};
        int[][] kernel = {{1, 0, -1}, {2, 1, 0}, {0, 1, 1}};

        CellComputation first = walk.compute(input, kernel, 0);
        CellComputation last = walk.compute(input, kernel, walk.frameCount() - 1);

        assertThat(first.values()).isDeepEqualTo(new int[][] {{0, 0, 0}, {0, 1, 2}, {0, 6, 7}});
        assertThat(first.products()).isDeepEqualTo(new int[][] {{0, 0, 0}, {0, 1, 0}, {0, 6, 7}});
        assertThat(first.sum()).isEqualTo(14);
        // Output (2,2) reads input rows/columns 3..4 plus the bottom/right padding.
        assertThat(last.values()).isDeepEqualTo(new int[][] {{1, 2, 0}, {6, 7, 0}, {0, 0, 0}});
        assertThat(last.sum()).isEqualTo(1 + 2 * 6 + 7);
    }

    @Test
    void aKernelLargerThanThePaddedInputHasNoFramesRatherThanFailing() {
        ConvolutionWalk walk = ConvolutionWalk.of(ConvolutionSetup.square(LayerKind.CONVOLUTION, 3, 5, 1,
                PaddingMode.valid(), 1));

        assertThat(walk.frameCount()).isZero();
        assertThat(walk.rows().neverCovered()).containsExactly(0, 1, 2);
    }

    @Test
    void aTransposedWalkScattersEachInputCellAndCropsWhatSamePaddingRemoves() {
        TransposedConvolutionWalk walk = TransposedConvolutionWalk.of(ConvolutionSetup.forConv2DTranspose(
                3, 3, 3, 3, 2, 2, "same", 1, 1, OptionalInt.empty(), OptionalInt.empty()));

        assertThat(walk.rows().outputSize()).isEqualTo(6);
        assertThat(walk.rows().cropBefore()).isZero();
        assertThat(walk.frame(0).targetRows()).containsExactly(0, 1, 2);
        assertThat(walk.frame(walk.frameCount() - 1).targetRows()).containsExactly(4, 5, -1);
        assertThat(walk.compute(new int[][] {{2, 0, 0}, {0, 0, 0}, {0, 0, 0}}, new int[][] {{1, 2, 3}, {0, 0, 0},
                {0, 0, 1}}, 0).sum()).isEqualTo(14);
    }

    @Test
    void badNumbersAreNamedWithTheValueReceived() {
        assertThatThrownBy(() -> AxisWalk.of(5, 0, 1, PaddingMode.valid(), 1)).hasMessage(
                "kernel must be 1 or more, got 0");
        assertThatThrownBy(() -> TransposedAxisWalk.of(3, 3, 2, PaddingMode.valid(), 1, OptionalInt.of(2)))
                .hasMessageContaining("output_padding must be in 0..1").hasMessageContaining("got 2");
        assertThatThrownBy(() -> ConvolutionSetup.forConv2D(5, 5, 3, 3, 1, 1, "causal", 1, 1))
                .hasMessageContaining("'causal'");
    }
}
