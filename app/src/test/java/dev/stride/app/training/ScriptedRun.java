package dev.stride.app.training;

import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.training.ModelInspector;
import dev.stride.engine.training.TrainingEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A run whose events the test writes: pause and stop answer the way a TrainingSession does. */
final class ScriptedRun implements TrainingRun {
    private final List<Consumer<TrainingEvent>> subscribers = new ArrayList<>();
    private final int batchesPerEpoch;
    private final List<dev.stride.engine.training.EpochMetrics> history = new ArrayList<>();
    boolean started;
    Network design = Network.sequential(InputLayerSpec.vector(4), DenseSpec.of(2));

    ScriptedRun(int batchesPerEpoch) {
        this.batchesPerEpoch = batchesPerEpoch;
    }

    void emit(TrainingEvent event) {
        if (event instanceof TrainingEvent.EpochEnded ended) {
            history.add(ended.metrics());
        }
        subscribers.forEach(s -> s.accept(event));
    }

    @Override
    public void subscribe(Consumer<TrainingEvent> subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void pause() {
        emit(new TrainingEvent.Paused(1, 1));
    }

    @Override
    public void resume() {
        emit(new TrainingEvent.Resumed(1, 1));
    }

    @Override
    public void stop() {
        emit(new TrainingEvent.Cancelled(1, 1, history));
    }

    @Override
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    @Override
    public int evaluationExamples() {
        return 0;
    }

    @Override
    public boolean evaluatesOnTrainingData() {
        return false;
    }

    @Override
    public String datasetDescription() {
        return "scripted";
    }

    @Override
    public ModelInspector inspector() {
        throw new IllegalStateException("a scripted run has no network to inspect");
    }

    @Override
    public Network design() {
        return design;
    }

    @Override
    public Path checkpoint() {
        return null;
    }
}
