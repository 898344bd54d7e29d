package dev.stride.engine.cli;

import dev.stride.engine.data.PipelineBenchmark;
import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.data.vision.Preprocessing;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `stride bench data`: images per second for decode + full augmentation through the prefetching iterator. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Images per second for file read + decode + resize + every augmentation + batching, "
            + "through the prefetching DL4J iterator, at 28×28×1 and 96×96×3.",
            "The last line is the 96×96×3 figure, the one StridedNet-sized training needs."})
final class BenchDataCommand implements Callable<Integer> {
    /** StridedNet training throughput measured on the 2-vCPU reference machine (docs: DEPENDENCIES). */
    static final double STRIDEDNET_IMAGES_PER_SECOND = 27.8;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--threads", description = "decoding threads (default: all cores)")
    Integer threads;

    @Option(names = "--seconds", defaultValue = "4", description = "timed seconds per size (default: ${DEFAULT-VALUE})")
    double seconds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || seconds <= 0) {
            spec.commandLine().getErr().println("error: --threads must be at least 1 and --seconds positive");
            return StrideCli.USAGE_ERROR;
        }
        AugmentationSettings everything = AugmentationSettings.everything();
        out.println("decode + resize + all 12 augmentations + NCHW batches of 32, " + workers
                + " decoding thread(s), files in a temporary folder");
        out.flush();
        PipelineBenchmark.Result small = PipelineBenchmark.run("28×28×1 from 28×28 grayscale PNG", 28, 1, "png", 256,
                Preprocessing.of(28, 28, 1), everything, 32, workers, seconds);
        print(out, small);
        PipelineBenchmark.Result large = PipelineBenchmark.run("96×96×3 from 128×128 colour JPEG", 128, 3, "jpg",
                128, Preprocessing.of(96, 96, 3), everything, 32, workers, seconds);
        print(out, large);
        out.println(String.format(Locale.ROOT, "StridedNet trains at ~%.1f images/s (reference machine): 96×96×3 "
                + "data is %.0f× that (target ≥ 5×)", STRIDEDNET_IMAGES_PER_SECOND,
                large.imagesPerSecond() / STRIDEDNET_IMAGES_PER_SECOND));
        out.println(String.format(Locale.ROOT, "data pipeline 96×96×3 … %.0f images/s", large.imagesPerSecond()));
        return 0;
    }

    private static void print(PrintWriter out, PipelineBenchmark.Result result) {
        out.println(String.format(Locale.ROOT, "%-34s %,9.0f images/s  (%,d images in %.1f s)", result.label(),
                result.imagesPerSecond(), result.images(), result.seconds()));
        out.flush();
    }
}
