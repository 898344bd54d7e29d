package dev.stride.app.training;

import dev.stride.engine.model.Network;
import dev.stride.engine.training.ModelInspector;
import dev.stride.engine.training.PreparedRun;
import dev.stride.engine.training.TrainingEvent;
import dev.stride.engine.training.TrainingSession;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A {@link TrainingRun} backed by the engine: a prepared run and its {@link TrainingSession}. */
public final class SessionTrainingRun implements TrainingRun {
    private final PreparedRun prepared;
    private final TrainingSession session;
    private final Path checkpoint;
    private final Network design;

    /**
     * @param design     the design the prepared network was compiled from
     * @param checkpoint where to write a checkpoint after every epoch, or null for none
     */
    public SessionTrainingRun(PreparedRun prepared, Network design, Path checkpoint) {
        this.prepared = prepared;
        this.design = design;
        this.checkpoint = checkpoint;
        TrainingSession plain = prepared.session();
        this.session = checkpoint == null ? plain : plain.checkpointingTo(checkpoint);
        // The data's decoding threads are not needed once the run has ended; the evaluation set is in memory.
        session.subscribe(event -> {
            if (event instanceof TrainingEvent.Finished || event instanceof TrainingEvent.Cancelled
                    || event instanceof TrainingEvent.Failed) {
                prepared.close();
            }
        });
    }

    @Override
    public void close() {
        prepared.close();
    }

    @Override
    public void subscribe(Consumer<TrainingEvent> subscriber) {
        session.subscribe(subscriber::accept);
    }

    @Override
    public void start() {
        session.start();
    }

    @Override
    public void pause() {
        session.pause();
    }

    @Override
    public void resume() {
        session.resume();
    }

    @Override
    public void stop() {
        session.stop();
    }

    @Override
    public int batchesPerEpoch() {
        return prepared.batchesPerEpoch();
    }

    @Override
    public int evaluationExamples() {
        return prepared.evaluationExamples();
    }

    @Override
    public boolean evaluatesOnTrainingData() {
        return prepared.evaluatesOnTrainingData();
    }

    @Override
    public String datasetDescription() {
        return prepared.datasetDescription();
    }

    @Override
    public ModelInspector inspector() {
        return prepared.inspector();
    }

    @Override
    public Network design() {
        return design;
    }

    @Override
    public Path checkpoint() {
        return checkpoint;
    }
}
