package dev.stride.app.training;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Calls the view-model's drain at a steady pace while a run is active: a JavaFX Timeline in the app, nothing in
 * tests (which drain by hand).
 */
public interface DrainClock {
    void start(Runnable tick);

    void stop();

    /** Ticks on the FX thread every {@code millis} milliseconds. */
    static DrainClock fxTimeline(double millis) {
        return new DrainClock() {
            private Timeline timeline;

            @Override
            public void start(Runnable tick) {
                stop();
                timeline = new Timeline(new KeyFrame(Duration.millis(millis), event -> tick.run()));
                timeline.setCycleCount(Timeline.INDEFINITE);
                timeline.play();
            }

            @Override
            public void stop() {
                if (timeline != null) {
                    timeline.stop();
                    timeline = null;
                }
            }
        };
    }

    /** For tests: never ticks. */
    static DrainClock manual() {
        return new DrainClock() {
            @Override
            public void start(Runnable tick) {
            }

            @Override
            public void stop() {
            }
        };
    }
}
