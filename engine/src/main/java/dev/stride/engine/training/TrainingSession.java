package dev.stride.engine.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.backend.NativeThreads;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run of a DL4J network: drives the epoch and batch loop itself on its own thread, so it can pause,
 * stop within one batch, checkpoint, stop early and detect divergence, and publishes {@link TrainingEvent}s.
 */
public final class TrainingSession {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);
    static final String CHECKPOINT_MODEL = "model.zip";
    static final String CHECKPOINT_PROGRESS = "progress.json";
    static final String CHECKPOINT_BEST_PARAMS = "best-params.bin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ComputationGraph network;
    private final TrainingKernels kernels;
    private final TrainingSettings settings;
    private final TrainingData data;
    private final Path checkpointFile;
    private final TrainingProgress initialProgress;
    private final INDArray initialBestParams;
    private final List<Consumer<? super TrainingEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Object pauseLock = new Object();
    private boolean pauseRequested;

    private TrainingSession(ComputationGraph network, TrainingSettings settings, TrainingData data,
                            Path checkpointFile, TrainingProgress initialProgress, INDArray initialBestParams) {
        this.network = Objects.requireNonNull(network, "network");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.data = Objects.requireNonNull(data, "data");
        this.checkpointFile = checkpointFile;
        this.initialProgress = initialProgress;
        this.initialBestParams = initialBestParams;
        NativeLayerHelpers.installIfEnabled(network);
        this.kernels = TrainingKernels.install(network);
        NativeThreads.configureForTraining();
    }

    /** A new run of an initialised network; no checkpoints unless {@link #checkpointingTo(Path)} is used. */
    public static TrainingSession create(ComputationGraph network, TrainingSettings settings, TrainingData data) {
        return new TrainingSession(network, settings, data, null, TrainingProgress.START, null);
    }

    /** The same session writing a checkpoint (atomically) to {@code file} after every epoch. */
    public TrainingSession checkpointingTo(Path file) {
        return new TrainingSession(network, settings, data, file, initialProgress, initialBestParams);
    }

    /**
     * Continues the run saved in a checkpoint: same network and optimizer state, epoch counter and history; keeps
     * checkpointing to the same file. {@code settings.epochs()} is the total, counting the epochs already done.
     */
    public static TrainingSession resume(Path checkpoint, TrainingSettings settings, TrainingData data)
            throws IOException {
        Checkpoint saved = readCheckpoint(checkpoint);
        return new TrainingSession(saved.network(), settings, data, checkpoint, saved.progress(),
                saved.bestParams());
    }

    /** A saved checkpoint: the network with its updater state, the run's progress, the best weights if any. */
    public record Checkpoint(ComputationGraph network, TrainingProgress progress, INDArray bestParams) {
    }

    public static Checkpoint readCheckpoint(Path file) throws IOException {
        ModelArchive archive = ModelArchive.read(file);
        ComputationGraph graph;
        try {
            graph = ModelSerializer.restoreComputationGraph(
                    new ByteArrayInputStream(archive.entry(CHECKPOINT_MODEL, file)), true);
        } catch (IOException | RuntimeException e) {
            throw new InvalidModelFileException(file + " holds no usable network: " + e.getMessage(), e);
        }
        TrainingProgress progress = JSON.readValue(archive.entry(CHECKPOINT_PROGRESS, file), TrainingProgress.class);
        INDArray best = archive.has(CHECKPOINT_BEST_PARAMS)
                ? Nd4j.read(new DataInputStream(new ByteArrayInputStream(archive.entry(CHECKPOINT_BEST_PARAMS, file))))
                : null;
        return new Checkpoint(graph, progress, best);
    }

    /** Adds a subscriber; events arrive on the training thread, so a UI must hand them over to its own thread. */
    public AutoCloseable subscribe(Consumer<? super TrainingEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public ComputationGraph network() {
        return network;
    }

    /**
     * Starts the run on a new thread of its own; the future completes with the terminal event
     * ({@link TrainingEvent.Finished}, {@link TrainingEvent.Cancelled} or {@link TrainingEvent.Failed}).
     */
    public CompletableFuture<TrainingEvent> start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a TrainingSession runs once; create a new one to train again");
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stride-training");
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<TrainingEvent> result = CompletableFuture.supplyAsync(this::run, executor);
        result.whenComplete((event, error) -> executor.shutdown());
        return result;
    }

    /** Runs on the calling thread (the CLI and tests); returns the terminal event. */
    public TrainingEvent runHere() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a TrainingSession runs once; create a new one to train again");
        }
        return run();
    }

    /** Pauses before the next batch. */
    public void pause() {
        synchronized (pauseLock) {
            pauseRequested = true;
        }
    }

    /** Continues after {@link #pause()}. */
    public void resume() {
        synchronized (pauseLock) {
            pauseRequested = false;
            pauseLock.notifyAll();
        }
    }

    /** Stops before the next batch; the network keeps the weights of the last completed batch. */
    public void stop() {
        stopRequested.set(true);
        resume();
    }

    private TrainingEvent run() {
        List<EpochMetrics> history = new ArrayList<>(initialProgress.history());
        try {
            return train(history);
        } catch (OutOfMemoryError e) {
            return publish(new TrainingEvent.Failed("out of memory: " + e.getMessage(),
                    "lower batch_size or make the network smaller", history));
        } catch (RuntimeException e) {
            LOG.warn("training failed", e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return publish(new TrainingEvent.Failed(message, suggestionFor(message), history));
        } catch (IOException e) {
            return publish(new TrainingEvent.Failed("could not write the checkpoint: " + e.getMessage(),
                    "check that the checkpoint folder exists and is writable", history));
        }
    }

    private static String suggestionFor(String message) {
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("memory") || lower.contains("allocat")) {
            return "lower batch_size or make the network smaller";
        }
        if (lower.contains("shape") || lower.contains("label")) {
            return "check that the dataset's image size and number of classes match the network's input and "
                    + "output layers";
        }
        return "check the network design and the dataset";
    }

    private TrainingEvent train(List<EpochMetrics> history) throws IOException {
        List<String> unsupported = Dl4jTrainingMapping.unsupported(settings);
        if (!unsupported.isEmpty()) {
            return publish(new TrainingEvent.Failed(unsupported.get(0), "change the training settings", history));
        }
        TrainingSettings.Monitor monitor = monitor();
        if (monitor.needsValidation() && data.validation() == null) {
            return publish(new TrainingEvent.Failed("early stopping monitors " + monitor.kerasName()
                    + " but there is no validation data", "set validation_split above 0 or monitor 'loss'", history));
        }
        // Same seed and same data give the same run: dropout and other random ops draw from this thread's generator.
        Nd4j.getRandom().setSeed(settings.seed() + initialProgress.epochsCompleted());
        TrainingAccuracyListener accuracy = TrainingAccuracyListener.attachableTo(network);
        if (accuracy != null) {
            network.addListeners(accuracy);
        }
        try {
            return epochs(history, monitor, accuracy);
        } finally {
            if (accuracy != null) {
                List<org.deeplearning4j.optimize.api.TrainingListener> remaining =
                        new ArrayList<>(network.getListeners());
                remaining.remove(accuracy);
                network.setListeners(remaining);
            }
        }
    }

    private TrainingEvent epochs(List<EpochMetrics> history, TrainingSettings.Monitor monitor,
                                 TrainingAccuracyListener accuracy) throws IOException {
        var early = settings.earlyStoppingIfAny();
        int bestEpoch = initialProgress.bestEpoch();
        double bestValue = initialProgress.bestValue();
        int wait = initialProgress.epochsWithoutImprovement();
        INDArray bestParams = initialBestParams;
        publish(new TrainingEvent.Started(initialProgress.epochsCompleted() + 1, settings.epochs(), -1));

        for (int epoch = initialProgress.epochsCompleted() + 1; epoch <= settings.epochs(); epoch++) {
            DataSetIterator train = data.train();
            train.reset();
            if (accuracy != null) {
                accuracy.resetEpoch();
            }
            double lossSum = 0;
            long examples = 0;
            int batches = 0;
            long epochStart = System.nanoTime();
            while (train.hasNext()) {
                if (waitWhilePaused(epoch, network.getIterationCount())) {
                    return publish(new TrainingEvent.Cancelled(epoch, network.getIterationCount(), history));
                }
                DataSet batch = train.next();
                long batchStart = System.nanoTime();
                if (accuracy != null) {
                    accuracy.startBatch(batch.getLabels());
                }
                kernels.fit(batch);
                double loss = network.score();
                int n = batch.numExamples();
                if (!Double.isFinite(loss)) {
                    return diverged(epoch, loss, history, bestParams, bestEpoch);
                }
                lossSum += loss * n;
                examples += n;
                batches++;
                double seconds = (System.nanoTime() - batchStart) / 1e9;
                publish(new TrainingEvent.IterationMetrics(epoch, network.getIterationCount(), loss,
                        seconds > 0 ? n / seconds : Double.NaN));
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            if (batches == 0) {
                return publish(new TrainingEvent.Failed("the training data is empty",
                        "check the dataset path and validation_split", history));
            }
            network.incrementEpochCount();
            double[] validation = validate();
            EpochMetrics metrics = new EpochMetrics(epoch, lossSum / examples,
                    accuracy == null ? Double.NaN : accuracy.accuracy(), validation[0], validation[1],
                    settings.schedule().rateAt(settings.learningRate(), network.getIterationCount()), seconds,
                    examples / seconds);
            history.add(metrics);

            double value = monitor.valueIn(metrics);
            double minDelta = early.map(TrainingSettings.EarlyStoppingSettings::minDelta).orElse(0.0);
            boolean improvedNow = improved(monitor, value, bestValue, minDelta);
            if (improvedNow) {
                bestValue = value;
                bestEpoch = epoch;
                bestParams = network.params().dup();
                wait = 0;
            } else {
                wait++;
            }
            TrainingProgress progress = new TrainingProgress(epoch, history, bestEpoch, bestValue, wait);
            if (checkpointFile != null) {
                writeCheckpoint(checkpointFile, progress, bestParams);
            }
            publish(new TrainingEvent.EpochEnded(metrics));

            // Keras's EarlyStopping: stop once `patience` epochs in a row brought no improvement.
            if (early.isPresent() && !improvedNow && wait >= early.get().patience()) {
                boolean restore = early.get().restoreBestWeights() && bestParams != null;
                if (restore) {
                    network.setParams(bestParams);
                }
                publish(new TrainingEvent.EarlyStopped(epoch, bestEpoch, monitor.kerasName(), bestValue, restore));
                return publish(new TrainingEvent.Finished(history));
            }
            if (stopRequested.get()) {
                return publish(new TrainingEvent.Cancelled(epoch, network.getIterationCount(), history));
            }
        }
        return publish(new TrainingEvent.Finished(history));
    }

    private TrainingSettings.Monitor monitor() {
        return settings.earlyStoppingIfAny().map(TrainingSettings.EarlyStoppingSettings::monitor)
                .orElse(data.validation() != null ? TrainingSettings.Monitor.VAL_LOSS : TrainingSettings.Monitor.LOSS);
    }

    /** Keras's rule: better by more than min_delta; the first finite value always counts. */
    private static boolean improved(TrainingSettings.Monitor monitor, double value, double best, double minDelta) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return monitor.higherIsBetter() ? value - minDelta > best : value + minDelta < best;
    }

    private TrainingEvent diverged(int epoch, double loss, List<EpochMetrics> history, INDArray bestParams,
                                   int bestEpoch) {
        String kept;
        if (bestParams != null) {
            network.setParams(bestParams);
            kept = "the network keeps the weights of epoch " + bestEpoch + ", the best so far";
        } else {
            kept = "no epoch completed, so there are no good weights to keep";
        }
        String reason = "the loss became " + (Double.isNaN(loss) ? "NaN" : "infinite") + " in epoch " + epoch
                + " (iteration " + network.getIterationCount() + "): training diverged; " + kept;
        String suggestion = "lower the learning rate (now " + settings.learningRate() + ", try "
                + settings.learningRate() / 10 + "), add BatchNormalization after convolutions, "
                + "or check the data for NaN values and unscaled pixels";
        return publish(new TrainingEvent.Failed(reason, suggestion, history));
    }

    /** Blocks while paused; returns true when a stop was requested. */
    private boolean waitWhilePaused(int epoch, int iteration) {
        boolean wasPaused = false;
        synchronized (pauseLock) {
            if (pauseRequested && !stopRequested.get()) {
                wasPaused = true;
            }
        }
        if (wasPaused) {
            publish(new TrainingEvent.Paused(epoch, iteration));
            synchronized (pauseLock) {
                while (pauseRequested && !stopRequested.get()) {
                    try {
                        pauseLock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stopRequested.set(true);
                    }
                }
            }
            if (!stopRequested.get()) {
                publish(new TrainingEvent.Resumed(epoch, iteration));
            }
        }
        return stopRequested.get();
    }

    /** Validation loss and accuracy, or NaN for both without validation data. */
    private double[] validate() {
        DataSetIterator validation = data.validation();
        if (validation == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        validation.reset();
        double lossSum = 0;
        long correct = 0;
        long examples = 0;
        while (validation.hasNext()) {
            DataSet batch = validation.next();
            int n = batch.numExamples();
            lossSum += network.score(batch, false) * n;
            INDArray output = network.output(false, batch.getFeatures())[0];
            correct += TrainingAccuracyListener.correctPredictions(output, batch.getLabels(), 0.5);
            examples += n;
        }
        return examples == 0 ? new double[] {Double.NaN, Double.NaN}
                : new double[] {lossSum / examples, (double) correct / examples};
    }

    private void writeCheckpoint(Path file, TrainingProgress progress, INDArray bestParams) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(CHECKPOINT_MODEL, ModelArchive.bytesOf(out -> ModelSerializer.writeModel(network, out, true)));
        entries.put(CHECKPOINT_PROGRESS, JSON.writeValueAsBytes(progress));
        if (bestParams != null) {
            entries.put(CHECKPOINT_BEST_PARAMS,
                    ModelArchive.bytesOf(out -> Nd4j.write(bestParams, new DataOutputStream(out))));
        }
        ModelArchive.of(entries).writeAtomically(file);
    }

    private TrainingEvent publish(TrainingEvent event) {
        for (Consumer<? super TrainingEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                // A broken subscriber must not end the run for everyone else.
                LOG.warn("training event subscriber failed on {}", event, e);
            }
        }
        return event;
    }
}
