package dev.stride.engine.cli;

import dev.stride.engine.data.SampleBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `stride data make-samples`: regenerates the bundled datasets from the original sources, reproducibly. */
@Command(name = "make-samples", mixinStandardHelpOptions = true,
        description = {"Rebuild samples/digits, samples/fashion-mnist-small, samples/photos and "
            + "samples/tabular/blobs.csv from the original data (same bytes every time).",
            "READMEs and license files are kept by hand and not touched."})
final class DataMakeSamplesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", defaultValue = "../shared/data",
            description = "folder holding opencv-samples/ and fashion-mnist/ (default: ${DEFAULT-VALUE})")
    Path source;

    @Option(names = "--out", defaultValue = "samples", description = "samples folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter print = spec.commandLine().getOut();
        Path digitsPng = source.resolve("opencv-samples").resolve("digits.png");
        Path fashion = source.resolve("fashion-mnist");
        if (!Files.isRegularFile(digitsPng) || !Files.isDirectory(fashion)) {
            spec.commandLine().getErr().println("error: " + source.toAbsolutePath().normalize()
                    + " lacks opencv-samples/digits.png or fashion-mnist/: point --source at the shared data folder");
            return StrideCli.USAGE_ERROR;
        }
        int[] digits = SampleBuilder.buildDigits(digitsPng, out.resolve("digits"));
        print.println("digits               " + digits[0] + " train, " + digits[1] + " test");
        int[] subset = SampleBuilder.buildFashionSubset(fashion, out.resolve("fashion-mnist-small"), 200, 50);
        print.println("fashion-mnist-small  " + subset[0] + " train, " + subset[1] + " test");
        SampleBuilder.copyPhotos(source.resolve("opencv-samples"), out.resolve("photos"));
        print.println("photos               " + String.join(", ", SampleBuilder.PHOTOS));
        SampleBuilder.buildBlobs(out.resolve("tabular").resolve("blobs.csv"));
        print.println("tabular/blobs.csv    150 rows, synthetic");
        return 0;
    }
}
