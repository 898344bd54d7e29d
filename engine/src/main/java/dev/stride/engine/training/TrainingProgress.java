package dev.stride.engine.training;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Where a run stands after a completed epoch: enough, with the network and its updater state, to continue it.
 *
 * @param epochsCompleted           epochs finished so far
 * @param history                   their metrics
 * @param bestEpoch                 the epoch with the best monitored value so far (0 if none)
 * @param bestValue                 that value (NaN if none)
 * @param epochsWithoutImprovement  early stopping's wait counter
 */
public record TrainingProgress(
        @JsonProperty("epochs_completed") int epochsCompleted,
        @JsonProperty("history") List<EpochMetrics> history,
        @JsonProperty("best_epoch") int bestEpoch,
        @JsonProperty("best_value") double bestValue,
        @JsonProperty("epochs_without_improvement") int epochsWithoutImprovement) {

    public static final TrainingProgress START = new TrainingProgress(0, List.of(), 0, Double.NaN, 0);

    public TrainingProgress {
        history = List.copyOf(history);
    }
}
