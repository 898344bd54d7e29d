package dev.stride.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class TrainingSessionTest {
    private static final DataSet TRAIN = TinyTraining.clusters(192, 1);
    private static final DataSet VALIDATION = TinyTraining.clusters(48, 2);

    @TempDir
    Path folder;

    @Test
    void a_run_finishes_every_epoch_and_learns() {
        TrainingSettings settings = TinyTraining.settings(4);
        TrainingSession session = TrainingSession.create(TinyTraining.classifier(settings), settings,
                TinyTraining.unshuffled(TRAIN, VALIDATION, 16));
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        session.subscribe(events::add);

        TrainingEvent end = session.runHere();

        assertThat(end).isInstanceOf(TrainingEvent.Finished.class);
        List<EpochMetrics> history = ((TrainingEvent.Finished) end).history();
        assertThat(history).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4);
        assertThat(history.get(3).loss()).isLessThan(history.get(0).loss());
        assertThat(history.get(3).valAccuracy()).isGreaterThan(0.8);
        assertThat(history.get(3).accuracy()).isBetween(0.5, 1.0);
        assertThat(events.stream().filter(e -> e instanceof TrainingEvent.IterationMetrics)).hasSize(4 * 12);
    }

    @Test
    void training_accuracy_is_reported_when_the_softmax_is_a_separate_layer() {
        TrainingSettings settings = TinyTraining.settings(3);
        TrainingEvent end = TrainingSession.create(TinyTraining.classifierWithSeparateSoftmax(settings), settings,
                TinyTraining.unshuffled(TRAIN, VALIDATION, 16)).runHere();

        List<EpochMetrics> history = ((TrainingEvent.Finished) end).history();
        assertThat(history.get(2).accuracy()).isBetween(0.5, 1.0);
        assertThat(history.get(2).valAccuracy()).isGreaterThan(0.7);
    }

    @Test
    void stop_takes_effect_before_the_next_batch_and_leaves_a_usable_network() {
        TrainingSettings settings = TinyTraining.settings(5);
        TrainingSession session = TrainingSession.create(TinyTraining.classifier(settings), settings,
                TinyTraining.unshuffled(TRAIN, null, 16));
        session.subscribe(event -> {
            if (event instanceof TrainingEvent.IterationMetrics m && m.iteration() == 3) {
                session.stop();
            }
        });

        TrainingEvent end = session.runHere();

        assertThat(end).isInstanceOfSatisfying(TrainingEvent.Cancelled.class,
                c -> assertThat(c.iteration()).isEqualTo(3));
        assertThat(session.network().getIterationCount()).isEqualTo(3);
        INDArray output = session.network().outputSingle(TRAIN.getFeatures());
        assertThat(output.isNaN().any() || output.isInfinite().any()).isFalse();
    }

    @Test
    void pause_holds_training_between_batches_until_resumed() throws Exception {
        TrainingSettings settings = TinyTraining.settings(2);
        TrainingSession session = TrainingSession.create(TinyTraining.classifier(settings), settings,
                TinyTraining.unshuffled(TRAIN, null, 16));
        CountDownLatch paused = new CountDownLatch(1);
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        session.subscribe(events::add);
        session.subscribe(event -> {
            if (event instanceof TrainingEvent.IterationMetrics m && m.iteration() == 2) {
                session.pause();
            }
            if (event instanceof TrainingEvent.Paused) {
                paused.countDown();
            }
        });

        var result = session.start();
        assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        assertThat(session.network().getIterationCount()).isEqualTo(2);
        assertThat(result).isNotDone();
        session.resume();

        assertThat(result.get(60, TimeUnit.SECONDS)).isInstanceOf(TrainingEvent.Finished.class);
        assertThat(events).anySatisfy(e -> assertThat(e).isEqualTo(new TrainingEvent.Resumed(1, 2)));
        assertThat(session.network().getIterationCount()).isEqualTo(2 * 12);
    }

    @Test
    void the_same_seed_and_data_give_the_same_curve() {
        TrainingSettings settings = TinyTraining.settings(3).withValidationSplit(0.2).withSeed(7);
        List<EpochMetrics> first = runSplit(settings);
        List<EpochMetrics> second = runSplit(settings);
        List<EpochMetrics> otherSeed = runSplit(settings.withSeed(8));

        assertThat(second).extracting(EpochMetrics::loss).isEqualTo(first.stream().map(EpochMetrics::loss).toList());
        assertThat(second).extracting(EpochMetrics::valLoss)
                .isEqualTo(first.stream().map(EpochMetrics::valLoss).toList());
        assertThat(otherSeed.get(0).loss()).isNotEqualTo(first.get(0).loss());
    }

    private static List<EpochMetrics> runSplit(TrainingSettings settings) {
        TrainingData data = TrainingData.split(TRAIN, settings.validationSplit(), settings.batchSize(),
                settings.seed());
        TrainingEvent end = TrainingSession.create(TinyTraining.classifier(settings), settings, data).runHere();
        return ((TrainingEvent.Finished) end).history();
    }

    @Test
    void a_resumed_checkpoint_continues_the_same_run_as_if_never_interrupted() throws Exception {
        TrainingSettings four = TinyTraining.settings(4);
        TrainingEvent uninterrupted = TrainingSession.create(TinyTraining.classifier(four), four,
                TinyTraining.unshuffled(TRAIN, VALIDATION, 16)).runHere();

        Path checkpoint = folder.resolve("run.checkpoint");
        TrainingSettings two = four.withEpochs(2);
        TrainingSession.create(TinyTraining.classifier(two), two, TinyTraining.unshuffled(TRAIN, VALIDATION, 16))
                .checkpointingTo(checkpoint).runHere();
        TrainingSession resumed = TrainingSession.resume(checkpoint, four,
                TinyTraining.unshuffled(TRAIN, VALIDATION, 16));
        TrainingEvent end = resumed.runHere();

        List<EpochMetrics> expected = ((TrainingEvent.Finished) uninterrupted).history();
        List<EpochMetrics> actual = ((TrainingEvent.Finished) end).history();
        assertThat(actual).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4);
        // Optimizer state (Adam's moments) travels in the checkpoint: the curve continues exactly.
        for (int i = 0; i < 4; i++) {
            assertThat(actual.get(i).loss()).isCloseTo(expected.get(i).loss(), org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(resumed.network().getEpochCount()).isEqualTo(4);
        assertThat(resumed.network().getIterationCount()).isEqualTo(4 * 12);
        assertThat(TrainingSession.readCheckpoint(checkpoint).progress().epochsCompleted()).isEqualTo(4);
    }

    @Test
    void a_non_finite_loss_stops_the_run_with_a_suggestion_and_keeps_the_best_weights() {
        TrainingSettings settings = TinyTraining.settings(5);
        ComputationGraph network = TinyTraining.classifier(settings);
        // Epoch 3 brings a NaN feature: the loss turns NaN there.
        var poisoned = new PoisonedIterator(new InMemoryDataSetIterator(TRAIN, 16, false, 0), 3);
        TrainingSession session = TrainingSession.create(network, settings, new TrainingData(poisoned, null));
        List<INDArray> paramsAfterEpoch = new CopyOnWriteArrayList<>();
        session.subscribe(e -> {
            if (e instanceof TrainingEvent.EpochEnded) {
                paramsAfterEpoch.add(network.params().dup());
            }
        });

        TrainingEvent end = session.runHere();

        assertThat(end).isInstanceOfSatisfying(TrainingEvent.Failed.class, failed -> {
            assertThat(failed.reason()).contains("NaN").contains("epoch 3").contains("diverged");
            assertThat(failed.suggestion()).contains("learning rate").contains("BatchNormalization");
            assertThat(failed.history()).hasSize(2);
        });
        assertThat(network.params().isNaN().any()).isFalse();
        assertThat(network.params()).isEqualTo(paramsAfterEpoch.get(1));
    }

    @Test
    void a_huge_learning_rate_is_reported_as_divergence() {
        TrainingSettings settings = TinyTraining.settings(3).withOptimizer(TrainingSettings.Optimizer.SGD)
                .withLearningRate(1e12);
        DataSet scaled = TRAIN.copy();
        scaled.getFeatures().muli(1e6);
        TrainingEvent end = TrainingSession.create(TinyTraining.classifier(settings), settings,
                TinyTraining.unshuffled(scaled, null, 16)).runHere();
        assertThat(end).isInstanceOfSatisfying(TrainingEvent.Failed.class,
                failed -> assertThat(failed.reason()).contains("diverged"));
    }

    @Test
    void early_stopping_ends_after_patience_and_restores_the_best_epoch() {
        // Validation labels are the opposite of what training teaches: val_loss is best after epoch 1.
        DataSet contrary = VALIDATION.copy();
        contrary.setLabels(org.nd4j.linalg.factory.Nd4j.concat(1,
                VALIDATION.getLabels().getColumn(1, true), VALIDATION.getLabels().getColumn(2, true),
                VALIDATION.getLabels().getColumn(0, true)));
        TrainingSettings settings = TinyTraining.settings(10).withEarlyStopping(
                new TrainingSettings.EarlyStoppingSettings(TrainingSettings.Monitor.VAL_LOSS, 0.0, 2, true));
        ComputationGraph network = TinyTraining.classifier(settings);
        TrainingSession session = TrainingSession.create(network, settings,
                TinyTraining.unshuffled(TRAIN, contrary, 16));
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        session.subscribe(events::add);

        TrainingEvent end = session.runHere();

        List<EpochMetrics> history = ((TrainingEvent.Finished) end).history();
        assertThat(history).hasSize(3);
        assertThat(events).anySatisfy(e -> assertThat(e).isEqualTo(
                new TrainingEvent.EarlyStopped(3, 1, "val_loss", history.get(0).valLoss(), true)));
        double restoredValLoss = network.score(contrary, false);
        assertThat(restoredValLoss).isCloseTo(history.get(0).valLoss(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(restoredValLoss).isLessThan(history.get(2).valLoss());
    }

    @Test
    void early_stopping_on_validation_without_validation_data_fails_with_the_fix() {
        TrainingSettings settings = TinyTraining.settings(2).withEarlyStopping(
                TrainingSettings.EarlyStoppingSettings.of(null, null, null, null));
        TrainingEvent end = TrainingSession.create(TinyTraining.classifier(settings), settings,
                TinyTraining.unshuffled(TRAIN, null, 16)).runHere();
        assertThat(end).isInstanceOfSatisfying(TrainingEvent.Failed.class,
                failed -> assertThat(failed.suggestion()).contains("validation_split"));
    }

    @Test
    void a_checkpoint_file_is_replaced_atomically_and_leaves_no_temporary_files() throws Exception {
        TrainingSettings settings = TinyTraining.settings(2);
        Path checkpoint = folder.resolve("run.checkpoint");
        TrainingSession.create(TinyTraining.classifier(settings), settings,
                TinyTraining.unshuffled(TRAIN, null, 16)).checkpointingTo(checkpoint).runHere();
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.checkpoint");
        }
    }
}
