package dev.stride.app.common;

import javafx.application.Platform;

/** Runs work on the UI thread; tests use {@link #immediate()} so view-models run without a Stage. */
@FunctionalInterface
public interface UiScheduler {
    void run(Runnable action);

    /** The JavaFX application thread: runs at once when already on it, else queues with Platform.runLater. */
    static UiScheduler fx() {
        return action -> {
            if (Platform.isFxApplicationThread()) {
                action.run();
            } else {
                Platform.runLater(action);
            }
        };
    }

    /** Runs on the calling thread: for view-model tests. */
    static UiScheduler immediate() {
        return Runnable::run;
    }
}
