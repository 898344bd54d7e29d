package dev.stride.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.data.Dataset;
import dev.stride.engine.data.DatasetException;
import dev.stride.engine.data.DatasetInspection;
import dev.stride.engine.data.DatasetLoader;
import dev.stride.engine.data.DatasetSpec;
import dev.stride.engine.data.SkippedFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `stride data inspect PATH`: what a dataset holds and what would be skipped, without changing a file. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show a dataset's classes, counts, image sizes and channels, and the files that would be "
            + "skipped with their reasons.",
            "PATH: a folder of class folders, an IDX folder or file, a CSV table, or a project file (*.stride).",
            "Exit 0 when the dataset is usable, 2 when it is not."})
final class DataInspectCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "dataset folder or file, or a .stride project")
    Path path;

    @CommandLine.Option(names = "--subset", defaultValue = "train",
            description = "for IDX datasets: train or test (default: ${DEFAULT-VALUE})")
    String subset;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DatasetInspection inspection;
        try {
            Dataset dataset = open();
            inspection = DatasetInspection.of(dataset);
        } catch (DatasetException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return StrideCli.USAGE_ERROR;
        }
        print(inspection, out);
        if (!inspection.usable()) {
            err.println("error: " + inspection.problem());
            return StrideCli.USAGE_ERROR;
        }
        return 0;
    }

    private Dataset open() {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isRegularFile(absolute) && absolute.getFileName().toString().endsWith(".stride")) {
            DatasetSpec datasetSpec = readProjectDataset(absolute);
            return subset.equals("test") ? DatasetLoader.loadTestSet(datasetSpec, absolute.getParent())
                    : DatasetLoader.load(datasetSpec, absolute.getParent());
        }
        DatasetSpec detected = DatasetLoader.detect(absolute);
        return subset.equals("test") ? DatasetLoader.loadTestSet(detected, null) : DatasetLoader.load(detected, null);
    }

    private static DatasetSpec readProjectDataset(Path project) {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root;
        try {
            root = mapper.readTree(project.toFile());
        } catch (IOException e) {
            throw new DatasetException("cannot read project " + project + ": " + e.getMessage(), e);
        }
        JsonNode dataset = root == null ? null : root.get("dataset");
        if (dataset == null || dataset.isNull() || dataset.isEmpty()) {
            throw new DatasetException("project " + project + " has no \"dataset\" block: choose a dataset in the "
                    + "app, or inspect a dataset folder directly");
        }
        try {
            return mapper.treeToValue(dataset, DatasetSpec.class);
        } catch (IOException e) {
            String reason = e.getCause() instanceof IllegalArgumentException invalid ? invalid.getMessage()
                    : e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    ? mapping.getOriginalMessage() : e.getMessage();
            throw new DatasetException("the \"dataset\" block of " + project + " is invalid: " + reason, e);
        }
    }

    private static void print(DatasetInspection inspection, PrintWriter out) {
        out.println("Dataset   " + inspection.description());
        out.println(String.format(Locale.ROOT, "Classes   %d, %,d usable examples",
                inspection.balance().classNames().size(), inspection.balance().total()));
        for (String line : inspection.balance().report()) {
            out.println("  " + line);
        }
        if (inspection.featureCount() > 0) {
            out.println("Features  " + inspection.featureCount() + " numeric columns");
        }
        if (!inspection.imageSizes().isEmpty()) {
            out.println("Images    (width×height×channels: count)");
            int shown = 0;
            for (Map.Entry<String, Integer> size : inspection.imageSizes().entrySet()) {
                if (shown++ == 10) {
                    out.println(String.format(Locale.ROOT, "  … %d more sizes", inspection.imageSizes().size() - 10));
                    break;
                }
                out.println(String.format(Locale.ROOT, "  %-13s %,d", size.getKey(), size.getValue()));
            }
            long channelCounts = inspection.imageSizes().keySet().stream().map(s -> s.substring(s.lastIndexOf('×')))
                    .distinct().count();
            if (inspection.imageSizes().size() > 1) {
                out.println("  mixed " + (channelCounts > 1 ? "sizes and channel counts" : "sizes")
                        + ": each image is resized and converted to the network's input");
            }
        }
        out.println("Skipped   " + inspection.skipped().size() + (inspection.skipped().isEmpty() ? ""
                : " (files are left untouched)"));
        for (SkippedFile skipped : inspection.skipped()) {
            out.println("  " + skipped.path() + ": " + skipped.reason());
        }
        out.println("Usable    " + (inspection.usable() ? "yes" : "no"));
    }
}
