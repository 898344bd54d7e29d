package dev.stride.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.data.DatasetException;
import dev.stride.engine.data.DatasetLoader;
import dev.stride.engine.data.DatasetSpec;
import dev.stride.engine.data.DatasetSplit;
import dev.stride.engine.data.ImageDataset;
import dev.stride.engine.data.PrefetchingImageIterator;
import dev.stride.engine.data.vision.Preprocessing;
import dev.stride.engine.training.EvaluationReport;
import dev.stride.engine.training.Evaluator;
import dev.stride.engine.training.InvalidModelFileException;
import dev.stride.engine.training.ModelBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `stride eval MODEL [DATA]`: accuracy, per-class precision/recall/F1 and the confusion matrix. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a trained model on a labelled dataset (an image folder or IDX files); without DATA, "
                + "on the held-out test images of the dataset it was trained on.")
final class EvalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "a .stride-model file")
    Path modelFile;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DATA", description = "a dataset folder or file")
    Path data;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelBundle bundle;
        try {
            bundle = ModelBundle.read(modelFile);
        } catch (InvalidModelFileException e) {
            err.println("error: " + e.getMessage());
            return StrideCli.USAGE_ERROR;
        }
        Preprocessing preprocessing = ImageInput.preprocessingOf(bundle.preprocessing());
        ImageDataset dataset;
        int[] indices;
        try {
            DatasetSpec source;
            Path base;
            if (data != null) {
                source = DatasetLoader.detect(data);
                base = data.toAbsolutePath().getParent();
            } else {
                ObjectNode stored = (ObjectNode) bundle.preprocessing().get("dataset");
                String folder = bundle.metadata().path("projectFolder").asText("");
                if (stored == null || folder.isEmpty()) {
                    err.println("error: the model does not say where its dataset is; give DATA");
                    return StrideCli.USAGE_ERROR;
                }
                source = ImageInput.JSON.treeToValue(stored, DatasetSpec.class);
                base = Path.of(folder);
            }
            if (source.hasSeparateTestSet()) {
                dataset = DatasetLoader.loadTestSet(source, base);
                indices = ImageInput.range(dataset.size());
            } else {
                var loaded = DatasetLoader.load(source, base);
                if (!(loaded instanceof ImageDataset images)) {
                    err.println("error: " + loaded.description() + " is not an image dataset");
                    return StrideCli.USAGE_ERROR;
                }
                dataset = images;
                // Without DATA: the same held-out test split as training made; with DATA: every image.
                indices = data != null ? ImageInput.range(dataset.size())
                        : DatasetSplit.stratified(dataset.labels(), dataset.classNames().size(),
                                bundle.metadata().path("validationFraction").asDouble(0.1),
                                source.effectiveTestFraction(), source.effectiveSplitSeed()).test();
            }
        } catch (DatasetException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return StrideCli.USAGE_ERROR;
        }
        if (!dataset.classNames().equals(bundle.labels())) {
            err.println("note: the data's classes " + dataset.classNames() + " are matched to the model's "
                    + bundle.labels() + " by position");
        }
        EvaluationReport report;
        try (PrefetchingImageIterator batches = ImageInput.batches(dataset, indices, preprocessing, 64, false, 0)) {
            report = Evaluator.evaluate(bundle.network(), batches, bundle.labels(), indices);
        }
        out.printf(Locale.ROOT, "accuracy %.4f on %d images%n%n", report.accuracy(), report.total());
        out.printf(Locale.ROOT, "%-16s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support");
        for (EvaluationReport.ClassMetrics m : report.perClass()) {
            out.printf(Locale.ROOT, "%-16s %9.4f %9.4f %9.4f %8d%n", m.name(), m.precision(), m.recall(), m.f1(),
                    m.support());
        }
        out.println();
        out.println("confusion matrix (rows: actual, columns: predicted)");
        for (int a = 0; a < report.confusion().length; a++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-16s", report.classNames().get(a)));
            for (long count : report.confusion()[a]) {
                row.append(String.format(Locale.ROOT, " %6d", count));
            }
            out.println(row);
        }
        return 0;
    }
}
