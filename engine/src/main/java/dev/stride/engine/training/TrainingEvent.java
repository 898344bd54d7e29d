package dev.stride.engine.training;

import java.util.List;

/** What a {@link TrainingSession} tells its subscribers; immutable, delivered on the session's thread. */
public sealed interface TrainingEvent {

    /** The run began (or resumed from a checkpoint) at {@code firstEpoch} of {@code totalEpochs}. */
    record Started(int firstEpoch, int totalEpochs, int batchesPerEpoch) implements TrainingEvent {
    }

    /** One optimizer step finished. */
    record IterationMetrics(int epoch, int iteration, double loss, double examplesPerSecond) implements TrainingEvent {
    }

    /** An epoch finished, with its metrics. */
    record EpochEnded(EpochMetrics metrics) implements TrainingEvent {
    }

    /** Early stopping ended the run; {@code restored} says whether the best epoch's weights were put back. */
    record EarlyStopped(int stoppedAfterEpoch, int bestEpoch, String monitor, double bestValue, boolean restored)
            implements TrainingEvent {
    }

    /** Training was paused between two batches. */
    record Paused(int epoch, int iteration) implements TrainingEvent {
    }

    /** Training continued after a pause. */
    record Resumed(int epoch, int iteration) implements TrainingEvent {
    }

    /** The run ended normally (all epochs or early stopping); the history holds every completed epoch. */
    record Finished(List<EpochMetrics> history) implements TrainingEvent {
        public Finished {
            history = List.copyOf(history);
        }
    }

    /** The user stopped the run; the network keeps the weights of the last completed batch. */
    record Cancelled(int epoch, int iteration, List<EpochMetrics> history) implements TrainingEvent {
        public Cancelled {
            history = List.copyOf(history);
        }
    }

    /**
     * The run could not go on: a diverging loss, a bad configuration, an error.
     *
     * @param reason     what went wrong, in words
     * @param suggestion what the user can change
     * @param history    the completed epochs
     */
    record Failed(String reason, String suggestion, List<EpochMetrics> history) implements TrainingEvent {
        public Failed {
            history = List.copyOf(history);
        }
    }
}
