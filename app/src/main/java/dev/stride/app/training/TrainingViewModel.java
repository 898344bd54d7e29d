package dev.stride.app.training;

import dev.stride.app.common.LatestRequestRunner;
import dev.stride.app.common.Messages;
import dev.stride.app.common.UiScheduler;
import dev.stride.engine.backend.BackendInfo;
import dev.stride.engine.model.Network;
import dev.stride.engine.training.ArchitectureFingerprint;
import dev.stride.engine.training.EpochMetrics;
import dev.stride.engine.training.ImagePixels;
import dev.stride.engine.training.ModelInspector;
import dev.stride.engine.training.RunEvaluation;
import dev.stride.engine.training.RunHistory;
import dev.stride.engine.training.RunRecord;
import dev.stride.engine.training.TrainingEvent;
import dev.stride.engine.training.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Training tab's state and actions, without Nodes: settings in, a run's progress, curves, evaluation, run
 * history and predictions out. Training events arrive on the session's thread into a queue that {@link #drain()}
 * empties on the UI thread at the {@link DrainClock}'s pace (about every 100 ms), never once per event.
 */
public final class TrainingViewModel {
    /** Smoothing of the loss curve, TensorBoard's default weight. */
    static final double SMOOTHING = 0.9;
    /** Points kept per run in the history file's loss curve. */
    static final int SAVED_LOSS_POINTS = 1000;
    /** The most time one drain spends applying events before leaving the rest to the next tick. */
    static final long DRAIN_BUDGET_NANOS = 6_000_000;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** The curves the charts draw. */
    public enum Curve {
        ITERATION_LOSS, ITERATION_LOSS_SMOOTHED, EPOCH_LOSS, EPOCH_VAL_LOSS, EPOCH_ACCURACY, EPOCH_VAL_ACCURACY
    }

    /** An image from the evaluation set with a caption, for the cell and mistake galleries. */
    public record ExampleImage(int index, ImagePixels pixels, String caption) {
    }

    private final Messages messages;
    private final UiScheduler ui;
    private final Executor background;
    private final TrainingLauncher launcher;
    private final DrainClock clock;
    private final Path unsavedRunsFolder;
    private final LatestRequestRunner predictions;
    private final LatestRequestRunner memoryRequests;
    private final LatestRequestRunner cellRequests;

    // Inputs from the designer and the project.
    private final ObjectProperty<Network> network = new SimpleObjectProperty<>(this, "network");
    private final ObjectProperty<Path> projectFile = new SimpleObjectProperty<>(this, "projectFile");

    // Dataset and settings.
    private final ObjectProperty<DatasetChoice.Kind> datasetKind =
            new SimpleObjectProperty<>(this, "datasetKind", DatasetChoice.Kind.PROJECT_DATASET);
    private final ObjectProperty<Path> datasetPath = new SimpleObjectProperty<>(this, "datasetPath");
    private final ObjectProperty<TrainingSettings.Optimizer> optimizer =
            new SimpleObjectProperty<>(this, "optimizer", TrainingSettings.Optimizer.ADAM);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 0.001);
    private final ObjectProperty<TrainingSettings.LearningRateSchedule.Type> schedule =
            new SimpleObjectProperty<>(this, "schedule", TrainingSettings.LearningRateSchedule.Type.NONE);
    private final IntegerProperty decaySteps = new SimpleIntegerProperty(this, "decaySteps", 1000);
    private final DoubleProperty decayRate = new SimpleDoubleProperty(this, "decayRate", 0.96);
    private final ObjectProperty<TrainingSettings.Loss> loss =
            new SimpleObjectProperty<>(this, "loss", TrainingSettings.Loss.CATEGORICAL_CROSSENTROPY);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 32);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 10);
    private final DoubleProperty validationSplit = new SimpleDoubleProperty(this, "validationSplit", 0.2);
    private final BooleanProperty earlyStopping = new SimpleBooleanProperty(this, "earlyStopping", false);
    private final ObjectProperty<TrainingSettings.Monitor> monitor =
            new SimpleObjectProperty<>(this, "monitor", TrainingSettings.Monitor.VAL_LOSS);
    private final IntegerProperty patience = new SimpleIntegerProperty(this, "patience", 3);
    private final BooleanProperty restoreBestWeights = new SimpleBooleanProperty(this, "restoreBestWeights", true);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 42);
    private final BooleanProperty augment = new SimpleBooleanProperty(this, "augment", false);
    private final BooleanProperty useGpu = new SimpleBooleanProperty(this, "useGpu", false);

    // Backend and memory.
    private final ReadOnlyBooleanWrapper gpuAvailable = new ReadOnlyBooleanWrapper(this, "gpuAvailable");
    private final ReadOnlyStringWrapper devices = new ReadOnlyStringWrapper(this, "devices", "");
    private final ReadOnlyStringWrapper memoryEstimate = new ReadOnlyStringWrapper(this, "memoryEstimate", "");

    // The run.
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyBooleanWrapper designLocked = new ReadOnlyBooleanWrapper(this, "designLocked");
    private final ReadOnlyIntegerWrapper epoch = new ReadOnlyIntegerWrapper(this, "epoch");
    private final ReadOnlyIntegerWrapper totalEpochs = new ReadOnlyIntegerWrapper(this, "totalEpochs");
    private final ReadOnlyIntegerWrapper batch = new ReadOnlyIntegerWrapper(this, "batch");
    private final ReadOnlyIntegerWrapper batchesPerEpoch = new ReadOnlyIntegerWrapper(this, "batchesPerEpoch");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyDoubleWrapper imagesPerSecond = new ReadOnlyDoubleWrapper(this, "imagesPerSecond", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper timeRemaining = new ReadOnlyStringWrapper(this, "timeRemaining", "");
    private final ReadOnlyIntegerWrapper bestEpoch = new ReadOnlyIntegerWrapper(this, "bestEpoch");
    private final ReadOnlyIntegerWrapper earlyStoppedEpoch = new ReadOnlyIntegerWrapper(this, "earlyStoppedEpoch");
    private final ReadOnlyIntegerWrapper chartRevision = new ReadOnlyIntegerWrapper(this, "chartRevision");
    private final ReadOnlyObjectWrapper<TrainingNotification> notification =
            new ReadOnlyObjectWrapper<>(this, "notification");
    private final ObservableList<EpochMetrics> history = FXCollections.observableArrayList();
    // One wrapper for the life of the view-model: a wrapper made per call would drop its listeners when collected.
    private final ObservableList<EpochMetrics> historyView = FXCollections.unmodifiableObservableList(history);

    // After the run.
    private final ReadOnlyObjectWrapper<RunEvaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final ReadOnlyStringWrapper evaluationNote = new ReadOnlyStringWrapper(this, "evaluationNote", "");
    private final ObservableList<ExampleImage> cellExamples = FXCollections.observableArrayList();
    private final ObservableList<ExampleImage> cellExamplesView =
            FXCollections.unmodifiableObservableList(cellExamples);
    private final ReadOnlyStringWrapper cellTitle = new ReadOnlyStringWrapper(this, "cellTitle", "");
    private final ObservableList<ExampleImage> confidentMistakes = FXCollections.observableArrayList();
    private final ObservableList<ExampleImage> confidentMistakesView =
            FXCollections.unmodifiableObservableList(confidentMistakes);
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObjectProperty<RunRecord> compareA = new SimpleObjectProperty<>(this, "compareA");
    private final ObjectProperty<RunRecord> compareB = new SimpleObjectProperty<>(this, "compareB");
    private final ObservableList<String> differences = FXCollections.observableArrayList();
    private final ObservableList<String> differencesView = FXCollections.unmodifiableObservableList(differences);

    // Try it.
    private final ReadOnlyObjectWrapper<ImagePixels> tryImage = new ReadOnlyObjectWrapper<>(this, "tryImage");
    private final ObservableList<ModelInspector.Prediction> topPredictions = FXCollections.observableArrayList();
    private final ObservableList<ModelInspector.Prediction> topPredictionsView =
            FXCollections.unmodifiableObservableList(topPredictions);
    private final ObservableList<ModelInspector.FeatureMap> featureMaps = FXCollections.observableArrayList();
    private final ObservableList<ModelInspector.FeatureMap> featureMapsView =
            FXCollections.unmodifiableObservableList(featureMaps);
    private final ReadOnlyObjectWrapper<ModelInspector.Kernels> kernels = new ReadOnlyObjectWrapper<>(this, "kernels");
    private final ReadOnlyObjectWrapper<ModelInspector> inspector = new ReadOnlyObjectWrapper<>(this, "inspector");

    // Run bookkeeping, touched only on the UI thread.
    private final ConcurrentLinkedQueue<TrainingEvent> events = new ConcurrentLinkedQueue<>();
    private final Map<Curve, DecimatingSeries> curves = new EnumMap<>(Curve.class);
    private TrainingRun run;
    private TrainingSettings runSettings;
    private Instant runStarted;
    private String runId;
    private boolean stopWhenPrepared;
    private double smoothed = Double.NaN;
    private int smoothedCount;
    private int iterationsSeen;
    private long activeNanos;
    private long activeSince;
    private long longestDrainNanos;
    private long longestDrainCpuNanos;
    private long drains;

    public TrainingViewModel(Messages messages, UiScheduler ui, Executor background, TrainingLauncher launcher,
                             DrainClock clock, Path unsavedRunsFolder) {
        this.messages = messages;
        this.ui = ui;
        this.background = background;
        this.launcher = launcher;
        this.clock = clock;
        this.unsavedRunsFolder = unsavedRunsFolder;
        this.predictions = new LatestRequestRunner(background, ui);
        this.memoryRequests = new LatestRequestRunner(background, ui);
        this.cellRequests = new LatestRequestRunner(background, ui);
        for (Curve curve : Curve.values()) {
            curves.put(curve, new DecimatingSeries());
        }
        designLocked.bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> state.get().locksDesign(), state));
        batchSize.addListener((obs, old, value) -> refreshMemoryEstimate());
        network.addListener((obs, old, value) -> refreshMemoryEstimate());
        projectFile.addListener((obs, old, value) -> refreshRuns());
        compareA.addListener((obs, old, value) -> refreshDifferences());
        compareB.addListener((obs, old, value) -> refreshDifferences());
        optimizer.addListener((obs, old, value) -> {
            if (value != null && old != null && learningRate.get() == old.defaultLearningRate()) {
                learningRate.set(value.defaultLearningRate());
            }
        });
    }

    /** Follows the backend as it loads: which devices exist and whether a GPU can be chosen. */
    public void followBackend(ReadOnlyObjectProperty<BackendInfo> info) {
        info.addListener((obs, old, value) -> showBackend(value));
        showBackend(info.get());
    }

    private void showBackend(BackendInfo info) {
        if (info == null) {
            devices.set(messages.get("training.backend.loading"));
            gpuAvailable.set(false);
            return;
        }
        gpuAvailable.set("GPU".equals(info.backend()));
        if (!gpuAvailable.get()) {
            useGpu.set(false);
        }
        devices.set(String.join(", ", info.devices()));
        refreshMemoryEstimate();
    }

    // ---- actions ----------------------------------------------------------------------------------------------

    /** The settings as the form shows them; an invalid value gives an IllegalArgumentException naming it. */
    public TrainingSettings settings() {
        var rateSchedule = schedule.get() == TrainingSettings.LearningRateSchedule.Type.NONE
                ? TrainingSettings.LearningRateSchedule.NONE
                : new TrainingSettings.LearningRateSchedule(schedule.get(), decaySteps.get(), decayRate.get(), 0.0);
        TrainingSettings base = TrainingSettings.defaults().withOptimizer(optimizer.get())
                .withLearningRate(learningRate.get()).withSchedule(rateSchedule).withLoss(loss.get())
                .withBatchSize(batchSize.get()).withEpochs(epochs.get())
                .withValidationSplit(validationSplit.get()).withSeed(seed.get());
        return earlyStopping.get()
                ? base.withEarlyStopping(new TrainingSettings.EarlyStoppingSettings(monitor.get(), 0.0, patience.get(),
                        restoreBestWeights.get()))
                : base;
    }

    /** Puts a project's saved settings into the form. */
    public void loadSettings(TrainingSettings saved) {
        optimizer.set(saved.optimizer());
        learningRate.set(saved.learningRate());
        schedule.set(saved.schedule().type());
        if (saved.schedule().type() != TrainingSettings.LearningRateSchedule.Type.NONE) {
            decaySteps.set(saved.schedule().decaySteps());
            decayRate.set(saved.schedule().decayRate());
        }
        loss.set(saved.loss());
        batchSize.set(saved.batchSize());
        epochs.set(saved.epochs());
        validationSplit.set(saved.validationSplit());
        seed.set(saved.seed());
        earlyStopping.set(saved.earlyStoppingIfAny().isPresent());
        saved.earlyStoppingIfAny().ifPresent(early -> {
            monitor.set(early.monitor());
            patience.set(early.patience());
            restoreBestWeights.set(early.restoreBestWeights());
        });
    }

    /** Prepares the run in the background, then starts it. Does nothing while a run is active. */
    public void start() {
        if (state.get().locksDesign()) {
            return;
        }
        TrainingSettings chosen;
        try {
            chosen = settings();
        } catch (IllegalArgumentException e) {
            notify(TrainingNotification.Severity.ERROR, "training.error.settings", e.getMessage(),
                    messages.get("training.error.settings.fix"));
            return;
        }
        DatasetChoice dataset = new DatasetChoice(datasetKind.get(), datasetPath.get());
        if (dataset.needsPath() && dataset.path() == null) {
            notify(TrainingNotification.Severity.ERROR, "training.error.data",
                    messages.get("training.error.noPath"), messages.get("training.error.noPath.fix"));
            return;
        }
        resetRun();
        runSettings = chosen;
        runStarted = Instant.now();
        runId = RunHistory.newId(runStarted);
        Path checkpoint = runHistory().folder().resolve(runId + ".checkpoint.zip");
        TrainingRequest request = new TrainingRequest(network.get(), projectFile.get(), dataset, chosen,
                augment.get() && launcher.supportsAugmentation(), useGpu.get(), checkpoint);
        state.set(RunState.PREPARING);
        progressText.set(messages.get("training.preparing"));
        background.execute(() -> {
            try {
                TrainingRun prepared = launcher.prepare(request);
                ui.run(() -> begin(prepared));
            } catch (Exception | LinkageError e) {
                ui.run(() -> preparationFailed(e));
            }
        });
    }

    private void begin(TrainingRun prepared) {
        run = prepared;
        if (stopWhenPrepared) {
            prepared.close();
            state.set(RunState.STOPPED);
            progressText.set(messages.get("training.stopped"));
            return;
        }
        batchesPerEpoch.set(prepared.batchesPerEpoch());
        totalEpochs.set(runSettings.epochs());
        prepared.subscribe(events::offer);
        state.set(RunState.RUNNING);
        activeSince = System.nanoTime();
        clock.start(this::drain);
        prepared.start();
    }

    private void preparationFailed(Throwable e) {
        state.set(RunState.FAILED);
        progressText.set(messages.get("training.failed"));
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        boolean backend = e instanceof LinkageError || reason.toLowerCase(java.util.Locale.ROOT).contains("nd4j");
        if (e instanceof OutOfMemoryError) {
            notify(TrainingNotification.Severity.ERROR, "training.error.memory", reason,
                    messages.get("training.error.memory.fix"));
        } else if (backend) {
            notify(TrainingNotification.Severity.ERROR, "training.error.backend", reason,
                    messages.get("training.error.backend.fix"));
        } else {
            notify(TrainingNotification.Severity.ERROR, "training.error.data", reason,
                    messages.get("training.error.data.fix"));
        }
    }

    public void pause() {
        if (state.get() == RunState.RUNNING && run != null) {
            run.pause();
        }
    }

    public void resume() {
        if (state.get() == RunState.PAUSED && run != null) {
            run.resume();
        }
    }

    /** Stops after the current batch; the run ends with a Cancelled event (the last checkpoint stays). */
    public void stop() {
        switch (state.get()) {
            case PREPARING -> stopWhenPrepared = true;
            case RUNNING, PAUSED -> {
                state.set(RunState.STOPPING);
                run.stop();
            }
            default -> {
            }
        }
    }

    /** Applies every queued event; called by the clock on the UI thread (and by tests). */
    public void drain() {
        long begin = System.nanoTime();
        long beginCpu = THREADS.getCurrentThreadCpuTime();
        boolean charts = false;
        boolean any = false;
        TrainingEvent event;
        int applied = 0;
        // A time budget per drain: a burst of events is spread over several ticks instead of freezing one frame.
        while ((event = events.poll()) != null) {
            any = true;
            charts |= apply(event);
            if (++applied % 256 == 0 && System.nanoTime() - begin > DRAIN_BUDGET_NANOS) {
                break;
            }
        }
        if (any) {
            updateProgress();
        }
        if (charts) {
            // Listeners redraw the charts here, so the measured time includes the redraw.
            chartRevision.set(chartRevision.get() + 1);
        }
        long took = System.nanoTime() - begin;
        drains++;
        longestDrainNanos = Math.max(longestDrainNanos, took);
        longestDrainCpuNanos = Math.max(longestDrainCpuNanos, THREADS.getCurrentThreadCpuTime() - beginCpu);
    }

    private boolean apply(TrainingEvent event) {
        // Java 17 has no pattern switch: an instanceof chain over the sealed events.
        if (event instanceof TrainingEvent.Started started) {
            totalEpochs.set(started.totalEpochs());
        } else if (event instanceof TrainingEvent.IterationMetrics metrics) {
            addIteration(metrics);
            return true;
        } else if (event instanceof TrainingEvent.EpochEnded ended) {
            EpochMetrics m = ended.metrics();
            history.add(m);
            curves.get(Curve.EPOCH_LOSS).add(m.epoch(), m.loss());
            curves.get(Curve.EPOCH_VAL_LOSS).add(m.epoch(), m.valLoss());
            curves.get(Curve.EPOCH_ACCURACY).add(m.epoch(), m.accuracy());
            curves.get(Curve.EPOCH_VAL_ACCURACY).add(m.epoch(), m.valAccuracy());
            bestEpoch.set(bestEpochSoFar());
            return true;
        } else if (event instanceof TrainingEvent.EarlyStopped early) {
            earlyStoppedEpoch.set(early.stoppedAfterEpoch());
            if (early.bestEpoch() > 0) {
                bestEpoch.set(early.bestEpoch());
            }
            notify(TrainingNotification.Severity.WARNING, "training.early",
                    messages.get("training.early.message", early.stoppedAfterEpoch(), early.monitor(),
                            early.bestEpoch(), format(early.bestValue())),
                    early.restored() ? messages.get("training.early.restored", early.bestEpoch()) : "");
            return true;
        } else if (event instanceof TrainingEvent.Paused) {
            if (state.get() == RunState.RUNNING) {
                state.set(RunState.PAUSED);
                activeNanos += System.nanoTime() - activeSince;
            }
        } else if (event instanceof TrainingEvent.Resumed) {
            if (state.get() == RunState.PAUSED) {
                state.set(RunState.RUNNING);
                activeSince = System.nanoTime();
            }
        } else if (event instanceof TrainingEvent.Finished) {
            ended(RunState.FINISHED, "finished", null);
        } else if (event instanceof TrainingEvent.Cancelled) {
            ended(RunState.STOPPED, "stopped", null);
        } else if (event instanceof TrainingEvent.Failed failed) {
            ended(RunState.FAILED, "failed", failed);
        }
        return false;
    }

    private void addIteration(TrainingEvent.IterationMetrics metrics) {
        if (metrics.epoch() != epoch.get()) {
            epoch.set(metrics.epoch());
            batch.set(0);
        }
        batch.set(batch.get() + 1);
        iterationsSeen++;
        double x = iterationsSeen;
        curves.get(Curve.ITERATION_LOSS).add(x, metrics.loss());
        // Debiased exponential moving average, as TensorBoard smooths: the start is not pulled towards zero.
        smoothedCount++;
        smoothed = Double.isNaN(smoothed) ? metrics.loss() * (1 - SMOOTHING)
                : smoothed * SMOOTHING + metrics.loss() * (1 - SMOOTHING);
        curves.get(Curve.ITERATION_LOSS_SMOOTHED).add(x, smoothed / (1 - Math.pow(SMOOTHING, smoothedCount)));
        if (Double.isFinite(metrics.examplesPerSecond())) {
            double ips = imagesPerSecond.get();
            imagesPerSecond.set(ips == 0 ? metrics.examplesPerSecond() : ips * 0.9 + metrics.examplesPerSecond() * 0.1);
        }
    }

    private int bestEpochSoFar() {
        TrainingSettings.Monitor watched = runSettings != null && runSettings.earlyStoppingIfAny().isPresent()
                ? runSettings.earlyStoppingIfAny().get().monitor()
                : !history.isEmpty() && history.get(0).hasValidation() ? TrainingSettings.Monitor.VAL_LOSS
                : TrainingSettings.Monitor.LOSS;
        int best = 0;
        double bestValue = Double.NaN;
        for (EpochMetrics m : history) {
            double value = watched.valueIn(m);
            if (Double.isNaN(value)) {
                continue;
            }
            if (Double.isNaN(bestValue) || (watched.higherIsBetter() ? value > bestValue : value < bestValue)) {
                bestValue = value;
                best = m.epoch();
            }
        }
        return best;
    }

    private void ended(RunState end, String outcome, TrainingEvent.Failed failure) {
        if (state.get() == RunState.RUNNING) {
            activeNanos += System.nanoTime() - activeSince;
        }
        clock.stop();
        state.set(end);
        timeRemaining.set("");
        TrainingRun finishedRun = run;
        String checkpointNote = finishedRun.checkpoint() != null && java.nio.file.Files.exists(finishedRun.checkpoint())
                ? messages.get("training.checkpoint.kept", finishedRun.checkpoint()) : "";
        if (failure != null) {
            notify(TrainingNotification.Severity.ERROR, failureTitle(failure.reason()), failure.reason(),
                    join(failure.suggestion(), checkpointNote));
        } else if (end == RunState.STOPPED) {
            notify(TrainingNotification.Severity.WARNING, "training.stopped.title",
                    messages.get("training.stopped.message", history.size()), checkpointNote);
        } else if (earlyStoppedEpoch.get() == 0) {
            notify(TrainingNotification.Severity.INFO, "training.finished.title",
                    messages.get("training.finished.message", history.size()), "");
        }
        RunRecord partial = record(outcome, Map.of());
        boolean evaluate = !history.isEmpty() || end == RunState.FINISHED;
        background.execute(() -> {
            RunEvaluation result = null;
            ModelInspector look = null;
            String problem = "";
            if (evaluate) {
                try {
                    look = finishedRun.inspector();
                    result = look.evaluate();
                } catch (RuntimeException e) {
                    problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                }
            }
            RunRecord saved = result == null ? partial
                    : record(partial, Map.of("accuracy", result.accuracy(), "evaluated_examples",
                            (double) result.total()));
            String saveProblem = save(saved);
            RunEvaluation finalResult = result;
            ModelInspector finalLook = look;
            String finalProblem = problem;
            ui.run(() -> showEvaluation(finalResult, finalLook, finalProblem, saveProblem, finishedRun));
        });
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "\n" + b;
    }

    private String failureTitle(String reason) {
        String lower = reason.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("diverged") || lower.contains("nan")) {
            return "training.error.diverged";
        }
        if (lower.contains("memory")) {
            return "training.error.memory";
        }
        if (lower.contains("data") || lower.contains("label") || lower.contains("shape")) {
            return "training.error.data";
        }
        return "training.error.failed";
    }

    private String save(RunRecord record) {
        try {
            runHistory().save(record);
            return "";
        } catch (IOException | RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private void showEvaluation(RunEvaluation result, ModelInspector look, String problem, String saveProblem,
                                TrainingRun finishedRun) {
        // The inspector first: listeners of the evaluation may already ask for a cell's images.
        inspector.set(look);
        evaluation.set(result);
        evaluationNote.set(result == null ? problem
                : messages.get(finishedRun.evaluatesOnTrainingData() ? "training.eval.onTraining"
                        : "training.eval.onValidation", result.total(), format(result.accuracy() * 100)));
        if (!saveProblem.isEmpty()) {
            notify(TrainingNotification.Severity.WARNING, "training.error.history", saveProblem,
                    messages.get("training.error.history.fix"));
        }
        if (look != null && result != null) {
            loadMistakes(look, result);
            if (look.evaluationSize() > 0) {
                tryExample(0);
            }
        }
        refreshRuns(true);
    }

    private void loadMistakes(ModelInspector look, RunEvaluation result) {
        List<RunEvaluation.WrongPrediction> wrong = result.mostConfidentlyWrong(24);
        background.execute(() -> {
            List<ExampleImage> images = new ArrayList<>();
            for (RunEvaluation.WrongPrediction w : wrong) {
                images.add(new ExampleImage(w.example(), look.example(w.example()),
                        messages.get("training.eval.mistake", result.labels().get(w.actualClass()),
                                result.labels().get(w.predictedClass()), Math.round(w.confidence() * 100))));
            }
            ui.run(() -> confidentMistakes.setAll(images));
        });
    }

    /** Shows the evaluation images of one confusion-matrix cell (at most 60). */
    public void selectCell(int actualClass, int predictedClass) {
        RunEvaluation result = evaluation.get();
        ModelInspector look = inspector.get();
        if (result == null || look == null) {
            return;
        }
        int[] examples = result.examplesIn(actualClass, predictedClass);
        cellTitle.set(messages.get("training.eval.cell", result.labels().get(actualClass),
                result.labels().get(predictedClass), examples.length));
        int shown = Math.min(60, examples.length);
        cellRequests.submit(() -> {
            List<ExampleImage> images = new ArrayList<>();
            for (int i = 0; i < shown; i++) {
                int index = examples[i];
                images.add(new ExampleImage(index, look.example(index),
                        "#" + index + " · " + Math.round(result.confidenceOf(index) * 100) + "%"));
            }
            return images;
        }, cellExamples::setAll, error -> cellExamples.clear());
    }

    /** Runs the trained network on an evaluation image: top-5, feature maps, first-layer kernels. */
    public void tryExample(int index) {
        ModelInspector look = inspector.get();
        if (look == null || index < 0 || index >= look.evaluationSize()) {
            return;
        }
        predictions.submit(() -> look.example(index), this::tryImage, error -> { });
    }

    /** Runs the trained network on an image already scaled with the model's own preprocessing. */
    public void tryImage(ImagePixels image) {
        ModelInspector look = inspector.get();
        if (look == null) {
            notify(TrainingNotification.Severity.INFO, "training.try.title", messages.get("training.try.trainFirst"),
                    "");
            return;
        }
        tryImage.set(image);
        predictions.submit(() -> new Inspection(look.topK(image, 5), look.featureMaps(image), look.firstLayerKernels()),
                inspection -> {
                    topPredictions.setAll(inspection.top());
                    featureMaps.setAll(inspection.maps());
                    kernels.set(inspection.kernels());
                },
                error -> notify(TrainingNotification.Severity.ERROR, "training.try.title",
                        error.getMessage() == null ? error.toString() : error.getMessage(), ""));
    }

    private record Inspection(List<ModelInspector.Prediction> top, List<ModelInspector.FeatureMap> maps,
                              ModelInspector.Kernels kernels) {
    }

    /** Writes the current run's per-epoch history as CSV, atomically. */
    public void exportHistoryCsv(Path target) throws IOException {
        HistoryCsv.write(target, List.copyOf(history));
    }

    /** Reloads the project's runs in the background, keeping the two runs being compared. */
    public void refreshRuns() {
        refreshRuns(false);
    }

    private void refreshRuns(boolean compareNewest) {
        RunHistory store = runHistory();
        background.execute(() -> {
            try {
                List<RunRecord> loaded = store.list();
                ui.run(() -> {
                    RunRecord a = compareA.get();
                    RunRecord b = compareB.get();
                    runs.setAll(loaded);
                    RunRecord previous = loaded.size() >= 2 ? loaded.get(loaded.size() - 2) : null;
                    RunRecord newest = loaded.isEmpty() ? null : loaded.get(loaded.size() - 1);
                    // After a run, compare it with the one before; otherwise keep what the user chose.
                    compareA.set(compareNewest ? previous : find(loaded, a, previous));
                    compareB.set(compareNewest ? newest : find(loaded, b, newest));
                    refreshDifferences();
                });
            } catch (IOException e) {
                ui.run(() -> notify(TrainingNotification.Severity.WARNING, "training.error.history", e.getMessage(),
                        messages.get("training.error.history.fix")));
            }
        });
    }

    private static RunRecord find(List<RunRecord> runs, RunRecord wanted, RunRecord fallback) {
        if (wanted != null) {
            for (RunRecord r : runs) {
                if (r.id().equals(wanted.id())) {
                    return r;
                }
            }
        }
        return fallback;
    }

    private void refreshDifferences() {
        RunRecord a = compareA.get();
        RunRecord b = compareB.get();
        if (a == null || b == null) {
            differences.clear();
            return;
        }
        List<String> diff = RunHistory.differences(a, b);
        differences.setAll(diff.isEmpty() ? List.of(messages.get("training.runs.same")) : diff);
    }

    private RunHistory runHistory() {
        Path project = projectFile.get();
        return project == null ? new RunHistory(unsavedRunsFolder) : RunHistory.beside(project);
    }

    private RunRecord record(String outcome, Map<String, Double> finalMetrics) {
        Network design = run != null && run.design() != null ? run.design() : network.get();
        List<String> architecture = design == null ? List.of() : ArchitectureFingerprint.describe(design);
        double[] points = curves.get(Curve.ITERATION_LOSS).decimate(SAVED_LOSS_POINTS / 2);
        List<double[]> loss = new ArrayList<>(points.length / 2);
        for (int i = 0; i < points.length; i += 2) {
            loss.add(new double[] {points[i], points[i + 1]});
        }
        return new RunRecord(runId, runStarted.toString(), earlyStoppedEpoch.get() > 0 ? "early-stopped" : outcome,
                run == null ? "" : run.datasetDescription(), runSettings, ArchitectureFingerprint.of(architecture),
                architecture, List.copyOf(history), loss, finalMetrics);
    }

    private static RunRecord record(RunRecord r, Map<String, Double> finalMetrics) {
        return new RunRecord(r.id(), r.started(), r.outcome(), r.dataset(), r.settings(), r.architectureFingerprint(),
                r.architecture(), r.history(), r.iterationLoss(), finalMetrics);
    }

    private void resetRun() {
        events.clear();
        curves.values().forEach(DecimatingSeries::clear);
        history.clear();
        smoothed = Double.NaN;
        smoothedCount = 0;
        iterationsSeen = 0;
        activeNanos = 0;
        stopWhenPrepared = false;
        epoch.set(0);
        batch.set(0);
        progress.set(0);
        imagesPerSecond.set(0);
        timeRemaining.set("");
        bestEpoch.set(0);
        earlyStoppedEpoch.set(0);
        notification.set(null);
        evaluation.set(null);
        evaluationNote.set("");
        inspector.set(null);
        cellExamples.clear();
        cellTitle.set("");
        confidentMistakes.clear();
        topPredictions.clear();
        featureMaps.clear();
        kernels.set(null);
        tryImage.set(null);
        chartRevision.set(chartRevision.get() + 1);
    }

    private void updateProgress() {
        int perEpoch = batchesPerEpoch.get();
        int total = totalEpochs.get() * perEpoch;
        if (total > 0) {
            progress.set(Math.min(1.0, (double) iterationsSeen / total));
        }
        if (state.get().locksDesign()) {
            progressText.set(messages.get("training.progress", epoch.get(), totalEpochs.get(), batch.get(),
                    perEpoch, Math.round(imagesPerSecond.get())));
            long active = activeNanos + (state.get() == RunState.RUNNING ? System.nanoTime() - activeSince : 0);
            if (iterationsSeen > 0 && total > iterationsSeen) {
                double seconds = active / 1e9 / iterationsSeen * (total - iterationsSeen);
                timeRemaining.set(messages.get("training.remaining", duration(seconds)));
            }
        } else {
            progressText.set(messages.get(switch (state.get()) {
                case FINISHED -> "training.finished";
                case STOPPED -> "training.stopped";
                case FAILED -> "training.failed";
                default -> "training.idle";
            }));
        }
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    private void refreshMemoryEstimate() {
        int batch = batchSize.get();
        Network design = network.get();
        if (batch < 1) {
            memoryEstimate.set("");
            return;
        }
        memoryRequests.submit(() -> launcher.memoryEstimateBytes(design, batch), (OptionalLong bytes) ->
                memoryEstimate.set(bytes.isPresent()
                        ? messages.get("training.memory", batch, megabytes(bytes.getAsLong()))
                        : messages.get("training.memory.unknown")),
                error -> memoryEstimate.set(messages.get("training.memory.unknown")));
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private void notify(TrainingNotification.Severity severity, String titleKey, String message, String suggestion) {
        notification.set(new TrainingNotification(severity, messages.get(titleKey), message, suggestion));
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.4g", value);
    }

    /** Closes the notification. */
    public void dismissNotification() {
        notification.set(null);
    }

    // ---- charts -----------------------------------------------------------------------------------------------

    /** A curve decimated for a chart {@code pixels} wide, as {x0, y0, x1, y1, …} (at most 2 points per pixel). */
    public double[] points(Curve curve, int pixels) {
        return curves.get(curve).decimate(pixels);
    }

    /** Points received for a curve (before decimation). */
    public int pointsReceived(Curve curve) {
        return curves.get(curve).size();
    }

    /** The longest time one {@link #drain()} took, chart redraws included: the worst UI-thread stall. */
    public long longestDrainNanos() {
        return longestDrainNanos;
    }

    /**
     * The most CPU time one drain used on its thread: the stall free of scheduling noise when other processes compete
     * for the cores.
     */
    public long longestDrainCpuNanos() {
        return longestDrainCpuNanos;
    }

    public long drains() {
        return drains;
    }

    // ---- properties -------------------------------------------------------------------------------------------

    public ObjectProperty<Network> networkProperty() {
        return network;
    }

    public ObjectProperty<Path> projectFileProperty() {
        return projectFile;
    }

    public ObjectProperty<DatasetChoice.Kind> datasetKindProperty() {
        return datasetKind;
    }

    public ObjectProperty<Path> datasetPathProperty() {
        return datasetPath;
    }

    public ObjectProperty<TrainingSettings.Optimizer> optimizerProperty() {
        return optimizer;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public ObjectProperty<TrainingSettings.LearningRateSchedule.Type> scheduleProperty() {
        return schedule;
    }

    public IntegerProperty decayStepsProperty() {
        return decaySteps;
    }

    public DoubleProperty decayRateProperty() {
        return decayRate;
    }

    public ObjectProperty<TrainingSettings.Loss> lossProperty() {
        return loss;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public DoubleProperty validationSplitProperty() {
        return validationSplit;
    }

    public BooleanProperty earlyStoppingProperty() {
        return earlyStopping;
    }

    public ObjectProperty<TrainingSettings.Monitor> monitorProperty() {
        return monitor;
    }

    public IntegerProperty patienceProperty() {
        return patience;
    }

    public BooleanProperty restoreBestWeightsProperty() {
        return restoreBestWeights;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public BooleanProperty augmentProperty() {
        return augment;
    }

    public BooleanProperty useGpuProperty() {
        return useGpu;
    }

    public TrainingLauncher launcher() {
        return launcher;
    }

    public ReadOnlyBooleanProperty gpuAvailableProperty() {
        return gpuAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty devicesProperty() {
        return devices.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryEstimateProperty() {
        return memoryEstimate.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True while a run is prepared or trains: the designer must not edit the network then. */
    public ReadOnlyBooleanProperty designLockedProperty() {
        return designLocked.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty epochProperty() {
        return epoch.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalEpochsProperty() {
        return totalEpochs.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty batchProperty() {
        return batch.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty batchesPerEpochProperty() {
        return batchesPerEpoch.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty imagesPerSecondProperty() {
        return imagesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeRemainingProperty() {
        return timeRemaining.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty bestEpochProperty() {
        return bestEpoch.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty earlyStoppedEpochProperty() {
        return earlyStoppedEpoch.getReadOnlyProperty();
    }

    /** Changes whenever curves got new points: the charts redraw on it. */
    public ReadOnlyIntegerProperty chartRevisionProperty() {
        return chartRevision.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingNotification> notificationProperty() {
        return notification.getReadOnlyProperty();
    }

    public ObservableList<EpochMetrics> history() {
        return historyView;
    }

    public ReadOnlyObjectProperty<RunEvaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty evaluationNoteProperty() {
        return evaluationNote.getReadOnlyProperty();
    }

    public ObservableList<ExampleImage> cellExamples() {
        return cellExamplesView;
    }

    public ReadOnlyStringProperty cellTitleProperty() {
        return cellTitle.getReadOnlyProperty();
    }

    public ObservableList<ExampleImage> confidentMistakes() {
        return confidentMistakesView;
    }

    public ObservableList<RunRecord> runs() {
        return runsView;
    }

    public ObjectProperty<RunRecord> compareAProperty() {
        return compareA;
    }

    public ObjectProperty<RunRecord> compareBProperty() {
        return compareB;
    }

    public ObservableList<String> differences() {
        return differencesView;
    }

    public ReadOnlyObjectProperty<ImagePixels> tryImageProperty() {
        return tryImage.getReadOnlyProperty();
    }

    public ObservableList<ModelInspector.Prediction> topPredictions() {
        return topPredictionsView;
    }

    public ObservableList<ModelInspector.FeatureMap> featureMaps() {
        return featureMapsView;
    }

    public ReadOnlyObjectProperty<ModelInspector.Kernels> kernelsProperty() {
        return kernels.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ModelInspector> inspectorProperty() {
        return inspector.getReadOnlyProperty();
    }
}
