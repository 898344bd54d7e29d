package dev.stride.app.explainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.app.common.LatestRequestRunner;
import dev.stride.app.common.Messages;
import dev.stride.app.common.UiScheduler;
import dev.stride.engine.data.vision.KernelPreview.KernelPreset;
import dev.stride.engine.explain.AxisWalk;
import dev.stride.engine.explain.ConvolutionSetup;
import dev.stride.engine.explain.ConvolutionWalk;
import dev.stride.engine.explain.ExplainerPreset;
import dev.stride.engine.explain.PaddingMode;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExplainerViewModelTest {
    private final AtomicInteger photoLoads = new AtomicInteger();
    private final ExplainerViewModel model = new ExplainerViewModel(Messages.of(Locale.ENGLISH),
            new LatestRequestRunner(Runnable::run, UiScheduler.immediate()), () -> {
                photoLoads.incrementAndGet();
                return SamplePhoto.testCard(40, 30);
            });

    @Test
    void theUnevenPresetIsTitledWithPaddedAndOutputSizesAndNamesTheDroppedRow() {
        model.applyPreset(ExplainerPreset.UNEVEN, false);

        assertThat(model.frameCount()).isEqualTo(9);
        assertThat(model.inputTitleProperty().get()).isEqualTo("input (6×6, after padding 8×8)");
        assertThat(model.outputTitleProperty().get()).isEqualTo("output (3×3)");
        assertThat(model.coverageNoteProperty().get()).contains("padded rows 7;").contains("padded columns 7.");
        assertThat(model.rowFormulaProperty().get())
                .isEqualTo("rows: ⌊(6 + 2·1 − 1·(3 − 1) − 1) / 2⌋ + 1 = ⌊5 / 2⌋ + 1 = 3");
    }

    @ParameterizedTest
    @EnumSource(ExplainerPreset.class)
    void theFormulaPanelEndsWithTheWalksOutputSizeForEveryPreset(ExplainerPreset preset) {
        model.applyPreset(preset, false);
        assertThat(model.rowFormulaProperty().get()).endsWith("= " + preset.expectedOutput());

        model.applyPreset(preset, true);
        assertThat(model.formulaProperty().get()).contains("output_padding");
        assertThat(model.rowFormulaProperty().get()).contains("= " + preset.input());
        assertThat(model.walk().outputHeight()).isEqualTo(preset.input());
    }

    @Test
    void steppingStaysWithinTheFrames() {
        model.applyPreset(ExplainerPreset.STRIDED, false); // 2×2 output: 4 frames

        model.stepBack();
        assertThat(model.stepProperty().get()).isZero();
        model.stepForward();
        model.stepForward();
        model.stepForward();
        model.stepForward();
        assertThat(model.stepProperty().get()).isEqualTo(3);
        model.stepBack();
        assertThat(model.stepProperty().get()).isEqualTo(2);
    }

    @Test
    void playingAdvancesAtTheChosenSpeedAndStopsOnTheLastFrame() {
        model.applyPreset(ExplainerPreset.UNEVEN, false);
        model.speedProperty().set(4);

        model.play();
        assertThat(model.advance(0.2)).isFalse();
        assertThat(model.advance(0.1)).isTrue();
        assertThat(model.stepProperty().get()).isEqualTo(1);
        model.advance(10);
        assertThat(model.stepProperty().get()).isEqualTo(8);
        assertThat(model.playingProperty().get()).isFalse();

        model.play(); // from the end it starts over
        assertThat(model.stepProperty().get()).isZero();
        model.pause();
        assertThat(model.advance(5)).isFalse();
        assertThat(model.stepProperty().get()).isZero();
    }

    @Test
    void loopingPlaybackStartsOverInsteadOfStopping() {
        model.applyPreset(ExplainerPreset.STRIDED, false);
        model.loopProperty().set(true);
        model.speedProperty().set(10);
        model.play();

        model.advance(0.45); // four steps: 0 → 1 → 2 → 3 → 0

        assertThat(model.stepProperty().get()).isZero();
        assertThat(model.playingProperty().get()).isTrue();
    }

    @Test
    void twoViewsTickingInTheSamePulseMoveTimeOnce() {
        model.applyPreset(ExplainerPreset.UNEVEN, false);
        model.speedProperty().set(1);
        model.play();

        model.tick(0);
        model.tick(1_000_000_000L);
        model.tick(1_000_000_000L);

        assertThat(model.stepProperty().get()).isEqualTo(1);
    }

    @Test
    void hoveringAnOutputCellShowsItsWindowAndNumbersThenGoesBackToTheStep() {
        model.applyPreset(ExplainerPreset.STRIDED_PADDED, false);
        model.stepForward();
        ConvolutionWalk walk = (ConvolutionWalk) model.walk();

        model.hoveredFrameProperty().set(8);

        assertThat(model.shownFrameProperty().get()).isEqualTo(8);
        long expected = walk.compute(model.inputValuesProperty().get(), model.kernelValuesProperty().get(), 8).sum();
        assertThat(model.computationProperty().get().sum()).isEqualTo(expected);
        assertThat(model.cellNoteProperty().get()).isEqualTo("Frame 9 of 9: output (2, 2) = sum of the products = "
                + expected);
        model.hoveredFrameProperty().set(-1);
        assertThat(model.shownFrameProperty().get()).isEqualTo(1);
    }

    @Test
    void changingANumberRebuildsTheWalkFromTheFirstFrame() {
        model.applyPreset(ExplainerPreset.UNEVEN, false);
        model.stepForward();

        model.setStride(1);

        assertThat(model.stepProperty().get()).isZero();
        assertThat(model.walk().outputHeight()).isEqualTo(6);
        assertThat(model.coverageNoteProperty().get()).startsWith("Every padded row");
    }

    @Test
    void sameWithAnOddTotalSaysTheExtraZeroGoesBottomRight() {
        model.applyPreset(ExplainerPreset.UNEVEN, false);

        model.setPadding(PaddingMode.same());

        assertThat(model.paddingNoteProperty().get()).contains("bottom/right").contains("0 top, 1 bottom");
        assertThat(model.sameWalkProperty().get().outputHeight()).isEqualTo(3);
        assertThat(model.validWalkProperty().get().outputHeight()).isEqualTo(2);
    }

    @Test
    void outputPaddingNotBelowTheStrideIsRefused() {
        model.applyPreset(ExplainerPreset.UNEVEN, true);

        model.setOutputPadding(OptionalInt.of(2));

        assertThat(model.setup().outputPaddingHeight()).hasValue(1);
    }

    @Test
    void aLayersOwnNumbersOpenTheExplainer() {
        model.openLayer(ConvolutionSetup.forConv2D(28, 28, 5, 5, 2, 2, "same", 1, 1));

        assertThat(model.outputTitleProperty().get()).isEqualTo("output (14×14)");
        assertThat(model.inputTitleProperty().get()).isEqualTo("input (28×28, after padding 31×31)");
    }

    @Test
    void theRealImageHasTheWalksSizeAndFollowsTheKernelOnlyWhileShown() {
        model.applyPreset(ExplainerPreset.UNEVEN, false);
        assertThat(photoLoads).hasValue(0);

        model.realImageWantedProperty().set(true);

        assertThat(model.filteredPhotoProperty().get().height()).isEqualTo(AxisWalk.of(30, 3, 2,
                PaddingMode.explicit(1), 1).outputSize());
        assertThat(model.filteredPhotoProperty().get().width()).isEqualTo(20);
        var edges = model.filteredPhotoProperty().get();
        model.kernelPresetProperty().set(KernelPreset.BLUR);
        assertThat(model.filteredPhotoProperty().get()).isNotSameAs(edges);
        assertThat(photoLoads).hasValue(1);
        model.setStride(1);
        assertThat(model.filteredPhotoProperty().get().width()).isEqualTo(40);
    }
}
