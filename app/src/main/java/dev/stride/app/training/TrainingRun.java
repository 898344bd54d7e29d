package dev.stride.app.training;

import dev.stride.engine.training.ModelInspector;
import dev.stride.engine.training.TrainingEvent;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One prepared run as the Training tab drives it: start, pause, resume, stop, its events, and a look inside the
 * network once it has ended. The app's real runs wrap a {@link dev.stride.engine.training.TrainingSession}; tests
 * script events through the same interface.
 */
public interface TrainingRun {
    /** Events arrive on the training thread. */
    void subscribe(Consumer<TrainingEvent> subscriber);

    /** Starts on the run's own thread and returns at once. */
    void start();

    void pause();

    void resume();

    void stop();

    int batchesPerEpoch();

    int evaluationExamples();

    /** True when there is no validation split, so the evaluation uses the training data. */
    boolean evaluatesOnTrainingData();

    String datasetDescription();

    /** The network after the run, for evaluation and predictions; call off the UI thread once the run has ended. */
    ModelInspector inspector();

    /** The design being trained, for the run history's fingerprint. */
    dev.stride.engine.model.Network design();

    /** Releases the run's data threads when it will never start (stopped while being prepared). */
    default void close() {
    }

    /** Where the last epoch's checkpoint is written, or null when the run keeps none. */
    Path checkpoint();
}
