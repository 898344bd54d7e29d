package dev.stride.engine.cli;

import dev.stride.engine.backend.NativeThreads;
import dev.stride.engine.bench.TrainingBenchmarkNetworks;
import dev.stride.engine.dl4j.Dl4jCompilation;
import dev.stride.engine.dl4j.Dl4jCompiler;
import dev.stride.engine.training.NativeLayerHelpers;
import dev.stride.engine.training.ThroughputBenchmark;
import dev.stride.engine.training.TrainingSettings;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `stride bench train`: training throughput with exactly the PyTorch peers' settings (synthetic data in memory,
 * fixed seed, one warm-up epoch, three timed epochs, the median), so the two can be compared as a ratio.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Training throughput of LeNet or StridedNet on synthetic data (peer settings); "
                + "the last line is the median images/s.")
final class BenchTrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", defaultValue = "lenet", description = "lenet or stridednet (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--threads", description = "threads for ND4J's native ops (default: ND4J's choice)")
    Integer threads;

    @Option(names = "--epochs", defaultValue = "3", description = "timed epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--warmup", defaultValue = "1", description = "warm-up epochs (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--layout", defaultValue = "nchw",
            description = "layout DL4J computes in: nchw (fastest measured) or nhwc (default: ${DEFAULT-VALUE})")
    String layout;

    @Option(names = "--examples", description = "examples per epoch (default: the peer's)")
    Integer examples;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingBenchmarkNetworks.Benchmark benchmark;
        try {
            benchmark = TrainingBenchmarkNetworks.named(model);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return StrideCli.USAGE_ERROR;
        }
        if (threads != null && threads < 1 || epochs < 1 || warmup < 0) {
            err.println("error: --threads and --epochs must be at least 1 and --warmup at least 0");
            return StrideCli.USAGE_ERROR;
        }
        if (threads != null) {
            NativeThreads.configureForTraining(threads);
        }
        TrainingSettings settings = TrainingSettings.defaults().withBatchSize(benchmark.batchSize()).withSeed(42);
        CNN2DFormat chosen;
        try {
            chosen = CNN2DFormat.valueOf(layout.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("error: --layout must be nchw or nhwc, got '" + layout + "'");
            return StrideCli.USAGE_ERROR;
        }
        Dl4jCompilation compilation = Dl4jCompiler.compile(benchmark.network(), settings, chosen);
        ComputationGraph network = compilation.newNetwork();
        // TrainingSession installs them too (idempotent); installing here gives the count for the report line.
        int installed = NativeLayerHelpers.installIfEnabled(network);
        long[] shape = compilation.layout() == CNN2DFormat.NHWC
                ? new long[] {benchmark.height(), benchmark.width(), benchmark.channels()}
                : new long[] {benchmark.channels(), benchmark.height(), benchmark.width()};
        int count = examples == null ? benchmark.examples() : examples;
        out.printf(Locale.ROOT, "%s: %d examples, batch %d, %d warm-up + %d timed epochs, %d threads, layout %s%s%n",
                benchmark.name(), count, benchmark.batchSize(), warmup, epochs,
                threads == null ? Nd4j.getEnvironment().maxThreads() : threads, compilation.layout(),
                (NativeLayerHelpers.oneDnnBuild() ? ", nd4j-native oneDNN build" : ", nd4j-native plain build")
                        + (installed > 0 ? ", native helpers on " + installed + " layers" : ""));
        out.flush();
        ThroughputBenchmark.Result result = ThroughputBenchmark.run(network, shape, benchmark.classes(), count,
                benchmark.batchSize(), 42, warmup, epochs);
        for (int i = 0; i < result.imagesPerSecond().size(); i++) {
            out.printf(Locale.ROOT, "epoch %d: %.1f images/s, loss %.4f%n", i + 1, result.imagesPerSecond().get(i),
                    result.meanLossPerEpoch().get(i));
        }
        out.printf(Locale.ROOT, "%s training, median of %d epochs: %.1f images/s%n", benchmark.name(), epochs,
                result.median());
        return 0;
    }
}
