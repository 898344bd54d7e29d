package dev.stride.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.data.Dataset;
import dev.stride.engine.data.DatasetException;
import dev.stride.engine.data.DatasetLoader;
import dev.stride.engine.data.DatasetSpec;
import dev.stride.engine.data.DatasetSplit;
import dev.stride.engine.data.ImageDataset;
import dev.stride.engine.data.PrefetchingImageIterator;
import dev.stride.engine.data.vision.Preprocessing;
import dev.stride.engine.dl4j.Dl4jCompilation;
import dev.stride.engine.dl4j.Dl4jCompiler;
import dev.stride.engine.dl4j.Dl4jDiagnostic;
import dev.stride.engine.project.Project;
import dev.stride.engine.project.ProjectFile;
import dev.stride.engine.project.ProjectFileException;
import dev.stride.engine.training.EpochMetrics;
import dev.stride.engine.training.EvaluationReport;
import dev.stride.engine.training.Evaluator;
import dev.stride.engine.training.MemoryEstimate;
import dev.stride.engine.training.ModelBundle;
import dev.stride.engine.training.TrainingData;
import dev.stride.engine.training.TrainingEvent;
import dev.stride.engine.training.TrainingSession;
import dev.stride.engine.training.TrainingSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `stride train PROJECT`: trains a project's network on its dataset and writes the trained model. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a project's network on its dataset; writes DIR/<project>.stride-model and a checkpoint "
                + "after every epoch. Ctrl+C stops cleanly and keeps the last checkpoint.")
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "a .stride project file")
    Path projectFile;

    @Option(names = "--epochs", description = "epochs to train (default: the project's setting)")
    Integer epochs;

    @Option(names = "--backend", defaultValue = "cpu", description = "cpu or gpu (default: ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--out", defaultValue = ".", paramLabel = "DIR",
            description = "folder for the trained model and checkpoint (default: the current folder)")
    Path out;

    @Option(names = "--json", description = "one JSON line per epoch (Keras history names) instead of progress")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!backend.equalsIgnoreCase("cpu") && !backend.equalsIgnoreCase("gpu")) {
            err.println("error: --backend must be cpu or gpu, got '" + backend + "'");
            return StrideCli.USAGE_ERROR;
        }
        if (epochs != null && epochs < 1) {
            err.println("error: --epochs must be at least 1, got " + epochs);
            return StrideCli.USAGE_ERROR;
        }
        Project project;
        try {
            project = ProjectFile.read(projectFile);
        } catch (ProjectFileException e) {
            err.println("error: " + e.getMessage());
            return StrideCli.USAGE_ERROR;
        }
        TrainingSettings settings;
        DatasetSpec datasetSpec;
        try {
            settings = TrainingSettings.fromJson(project.training());
            if (project.dataset() == null || project.dataset().isEmpty()) {
                err.println("error: " + projectFile + " has no \"dataset\" block; add one, e.g. "
                        + "{\"type\": \"digits\", \"path\": \"samples/digits\"}");
                return StrideCli.USAGE_ERROR;
            }
            datasetSpec = ImageInput.JSON.treeToValue(project.dataset(), DatasetSpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            err.println("error: " + projectFile + ": invalid training or dataset settings: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return StrideCli.USAGE_ERROR;
        }
        if (epochs != null) {
            settings = settings.withEpochs(epochs);
        }
        if (backend.equalsIgnoreCase("gpu") && Nd4j.getEnvironment().isCPU()) {
            err.println("note: --backend gpu asked for, but this build has only the CPU backend (nd4j-native); "
                    + "training on the CPU. Build with -Pgpu on a machine with CUDA 11.6 and an sm_37–sm_86 GPU.");
        }
        int[] size = ImageInput.inputSize(project.network());
        if (size == null) {
            err.println("error: stride train needs a network with an image input (height, width, channels)");
            return StrideCli.USAGE_ERROR;
        }
        Dl4jCompilation compilation = Dl4jCompiler.compile(project.network(), settings, CNN2DFormat.NCHW);
        for (Dl4jDiagnostic diagnostic : compilation.diagnostics()) {
            err.println(diagnostic.describe());
        }
        if (!compilation.errors().isEmpty()) {
            return StrideCli.USAGE_ERROR;
        }
        MemoryEstimate memory = MemoryEstimate.of(project.network(), settings.optimizer(), settings.batchSize());
        String refusal = memory.refusal(MemoryEstimate.availableBytes());
        if (refusal != null) {
            err.println("error: " + refusal);
            return StrideCli.USAGE_ERROR;
        }

        Path projectFolder = projectFile.toAbsolutePath().getParent();
        Dataset loaded;
        try {
            loaded = DatasetLoader.load(datasetSpec, projectFolder);
        } catch (DatasetException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return StrideCli.USAGE_ERROR;
        }
        if (!(loaded instanceof ImageDataset dataset)) {
            err.println("error: stride train supports image datasets; " + loaded.description() + " is a table");
            return StrideCli.USAGE_ERROR;
        }
        Preprocessing preprocessing = ImageInput.preprocessing(datasetSpec, size);
        double validation = settings.validationSplit() > 0 ? settings.validationSplit()
                : datasetSpec.effectiveValidationFraction();
        DatasetSplit split = DatasetSplit.stratified(dataset.labels(), dataset.classNames().size(), validation,
                datasetSpec.effectiveTestFraction(), datasetSpec.effectiveSplitSeed());
        ImageDataset testSet = datasetSpec.hasSeparateTestSet()
                ? DatasetLoader.loadTestSet(datasetSpec, projectFolder) : dataset;
        int[] testIndices = datasetSpec.hasSeparateTestSet() ? ImageInput.range(testSet.size()) : split.test();

        ComputationGraph network = compilation.newNetwork();
        Files.createDirectories(out);
        String baseName = projectFile.getFileName().toString().replaceFirst("\\.stride$", "");
        Path checkpoint = out.resolve(baseName + ".checkpoint");
        Path modelFile = out.resolve(baseName + ModelBundle.EXTENSION);
        err.printf(Locale.ROOT, "%s: %d training, %d validation, %d test images; %,d parameters; %s%n",
                dataset.description(), split.train().length, split.validation().length, testIndices.length,
                network.numParams(), Nd4j.getEnvironment().isCPU() ? "CPU" : "GPU");

        try (PrefetchingImageIterator train = ImageInput.batches(dataset, split.train(), preprocessing,
                settings.batchSize(), true, settings.seed());
             PrefetchingImageIterator val = split.validation().length == 0 ? null : ImageInput.batches(dataset,
                     split.validation(), preprocessing, settings.batchSize(), false, settings.seed())) {
            TrainingSession session = TrainingSession.create(network, settings, new TrainingData(train, val))
                    .checkpointingTo(checkpoint);
            ProgressPrinter progress = new ProgressPrinter(json ? stdout : null, err,
                    System.console() != null && !json, split.train().length, settings.batchSize());
            session.subscribe(progress);
            CountDownLatch finished = new CountDownLatch(1);
            Thread onInterrupt = new Thread(() -> {
                session.stop();
                train.stop();
                try {
                    finished.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stride-train-interrupt");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            TrainingEvent end;
            try {
                end = session.start().get();
                ModelBundle bundle = ModelBundle.of(network, ProjectFile.toTree(project), dataset.classNames(),
                        ImageInput.describe(preprocessing, datasetSpec));
                bundle.metadata().put("projectFolder", projectFolder.toString());
                bundle.metadata().put("validationFraction", validation);
                bundle.write(modelFile);
                if (testIndices.length > 0 && !(end instanceof TrainingEvent.Failed)) {
                    try (PrefetchingImageIterator test = ImageInput.batches(testSet, testIndices, preprocessing,
                            settings.batchSize(), false, settings.seed())) {
                        EvaluationReport report = Evaluator.evaluate(network, test, dataset.classNames(), testIndices);
                        if (json) {
                            stdout.printf(Locale.ROOT, "{\"test_accuracy\": %.4f, \"test_examples\": %d}%n",
                                    report.accuracy(), report.total());
                        }
                        err.printf(Locale.ROOT, "test accuracy %.2f%% on %d held-out images%n",
                                100 * report.accuracy(), report.total());
                    }
                }
                err.println("model written to " + modelFile + "; checkpoint " + checkpoint);
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException e) {
                    // Already shutting down (Ctrl+C): the hook is running and waits for us.
                }
            }
            stdout.flush();
            if (end instanceof TrainingEvent.Failed failed) {
                err.println("error: " + failed.reason());
                err.println("hint: " + failed.suggestion());
                return UserFacingErrors.FAILURE;
            }
            if (end instanceof TrainingEvent.Cancelled) {
                err.println("stopped; the last completed epoch is in " + checkpoint);
                return 130;
            }
            return 0;
        }
    }

    /** Prints each epoch: a progress line on a terminal, or one JSON line of Keras history per epoch. */
    static final class ProgressPrinter implements java.util.function.Consumer<TrainingEvent> {
        private final PrintWriter json;
        private final PrintWriter err;
        private final boolean terminal;
        private final int batchesPerEpoch;

        ProgressPrinter(PrintWriter json, PrintWriter err, boolean terminal, int trainExamples, int batchSize) {
            this.json = json;
            this.err = err;
            this.terminal = terminal;
            this.batchesPerEpoch = Math.max(1, (trainExamples + batchSize - 1) / batchSize);
        }

        @Override
        public void accept(TrainingEvent event) {
            if (event instanceof TrainingEvent.IterationMetrics m && terminal) {
                int done = (m.iteration() - 1) % batchesPerEpoch + 1;
                int width = 30;
                int filled = width * done / batchesPerEpoch;
                err.printf(Locale.ROOT, "\repoch %d [%s%s] %d/%d loss %.4f ", m.epoch(), "=".repeat(filled),
                        " ".repeat(width - filled), done, batchesPerEpoch, m.loss());
                err.flush();
            } else if (event instanceof TrainingEvent.EpochEnded ended) {
                EpochMetrics e = ended.metrics();
                if (json != null) {
                    json.println(historyLine(e));
                    json.flush();
                } else {
                    err.printf(Locale.ROOT, "%sepoch %d: loss %.4f accuracy %.4f val_loss %s val_accuracy %s "
                                    + "(%.1f s, %.0f images/s)%n", terminal ? "\r" : "", e.epoch(), e.loss(),
                            e.accuracy(), number(e.valLoss()), number(e.valAccuracy()), e.seconds(),
                            e.imagesPerSecond());
                }
            } else if (event instanceof TrainingEvent.EarlyStopped s) {
                err.printf(Locale.ROOT, "early stopping after epoch %d: best %s %.4f in epoch %d%s%n",
                        s.stoppedAfterEpoch(), s.monitor(), s.bestValue(), s.bestEpoch(),
                        s.restored() ? " (weights restored)" : "");
            }
        }

        static String historyLine(EpochMetrics e) {
            return String.format(Locale.ROOT, "{\"epoch\": %d, \"loss\": %s, \"accuracy\": %s, \"val_loss\": %s, "
                            + "\"val_accuracy\": %s, \"seconds\": %.3f, \"images_per_second\": %.1f}", e.epoch(),
                    number(e.loss()), number(e.accuracy()), number(e.valLoss()), number(e.valAccuracy()),
                    e.seconds(), e.imagesPerSecond());
        }

        private static String number(double value) {
            return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "null";
        }
    }
}
