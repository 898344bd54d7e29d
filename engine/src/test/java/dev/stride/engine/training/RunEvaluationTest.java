package dev.stride.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunEvaluationTest {
    private static final List<String> LABELS = List.of("cat", "dog", "fox");

    // actual:    0 0 0 1 1 2
    // predicted: 0 0 1 1 2 2
    private final RunEvaluation evaluation = RunEvaluation.fromProbabilities(LABELS, new int[] {0, 0, 0, 1, 1, 2},
            new float[][] {
                    {0.9f, 0.05f, 0.05f}, {0.6f, 0.3f, 0.1f}, {0.2f, 0.7f, 0.1f},
                    {0.1f, 0.8f, 0.1f}, {0.05f, 0.05f, 0.9f}, {0.1f, 0.1f, 0.8f}});

    @Test
    void confusionCellsCountAndListTheirExamples() {
        assertThat(evaluation.total()).isEqualTo(6);
        assertThat(evaluation.count(0, 0)).isEqualTo(2);
        assertThat(evaluation.count(0, 1)).isEqualTo(1);
        assertThat(evaluation.examplesIn(0, 0)).containsExactly(0, 1);
        assertThat(evaluation.examplesIn(1, 2)).containsExactly(4);
        assertThat(evaluation.examplesIn(2, 0)).isEmpty();
        assertThat(evaluation.maxCount()).isEqualTo(2);
    }

    @Test
    void perClassPrecisionRecallAndF1FollowTheirDefinitions() {
        assertThat(evaluation.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(evaluation.precision(1)).isCloseTo(0.5, within(1e-12));
        assertThat(evaluation.recall(0)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(evaluation.precision(2)).isCloseTo(0.5, within(1e-12));
        assertThat(evaluation.recall(2)).isCloseTo(1.0, within(1e-12));
        assertThat(evaluation.f1(2)).isCloseTo(2 * 0.5 / 1.5, within(1e-12));
        assertThat(evaluation.support(0)).isEqualTo(3);
    }

    @Test
    void mostConfidentlyWrongComesSurestFirst() {
        assertThat(evaluation.mostConfidentlyWrong(5)).extracting(RunEvaluation.WrongPrediction::example)
                .containsExactly(4, 2);
        assertThat(evaluation.mostConfidentlyWrong(1).get(0).confidence()).isEqualTo(0.9f);
    }

    @Test
    void aClassOutsideTheLabelsIsRejected() {
        assertThatThrownBy(() -> new RunEvaluation(LABELS, new int[] {3}, new int[] {0}, new float[] {1f}))
                .hasMessageContaining("outside the 3 labels");
    }
}
