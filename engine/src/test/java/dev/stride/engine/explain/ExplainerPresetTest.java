package dev.stride.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ExplainerPresetTest {

    @ParameterizedTest
    @EnumSource(ExplainerPreset.class)
    void everyPresetGivesTheOutputTheClassroomTablePromises(ExplainerPreset preset) {
        ConvolutionWalk walk = ConvolutionWalk.of(preset.setup());

        assertThat(walk.rows().outputSize()).isEqualTo(preset.expectedOutput());
        assertThat(walk.columns().outputSize()).isEqualTo(preset.expectedOutput());
        assertThat(walk.frameCount()).isEqualTo(preset.expectedOutput() * preset.expectedOutput());
    }

    @ParameterizedTest
    @EnumSource(ExplainerPreset.class)
    void everyTransposedPresetLeadsBackToTheInputSize(ExplainerPreset preset) {
        TransposedConvolutionWalk walk = TransposedConvolutionWalk.of(preset.transposedSetup());

        assertThat(walk.rows().inputSize()).isEqualTo(preset.expectedOutput());
        assertThat(walk.rows().outputSize()).isEqualTo(preset.input());
        assertThat(walk.columns().outputSize()).isEqualTo(preset.input());
    }

    @Test
    void theUnevenCaseDropsTheLastPaddedRowAndNeedsOutputPaddingToComeBack() {
        ConvolutionWalk walk = ConvolutionWalk.of(ExplainerPreset.UNEVEN.setup());

        assertThat(walk.rows().paddedSize()).isEqualTo(8);
        assertThat(walk.rows().droppedByFloor()).containsExactly(7);
        assertThat(walk.rows().neverCovered()).containsExactly(7);
        assertThat(ExplainerPreset.UNEVEN.transposedSetup().outputPaddingHeight()).hasValue(1);
    }

    @Test
    void theDilatedCaseReadsEveryOtherCell() {
        AxisWalk rows = ConvolutionWalk.of(ExplainerPreset.DILATED.setup()).rows();

        assertThat(rows.span()).isEqualTo(5);
        assertThat(rows.taps(0)).containsExactly(0, 2, 4);
        assertThat(rows.taps(2)).containsExactly(2, 4, 6);
    }

    @Test
    void presetIdsRoundTripAndUnknownOnesAreNamed() {
        assertThat(ExplainerPreset.fromId("strided-padded")).isEqualTo(ExplainerPreset.STRIDED_PADDED);
        assertThatThrownBy(() -> ExplainerPreset.fromId("odd"))
                .hasMessageContaining("'odd'").hasMessageContaining("uneven");
    }
}
