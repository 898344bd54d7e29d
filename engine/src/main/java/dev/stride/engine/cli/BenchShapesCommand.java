package dev.stride.engine.cli;

import dev.stride.engine.bench.ShapeBenchmark;
import dev.stride.engine.model.Network;
import dev.stride.engine.shape.ShapeInference;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `stride bench shapes`: microseconds per full shape analysis of a 200-layer residual network. */
@Command(name = "shapes", mixinStandardHelpOptions = true,
        description = "Time a full shape analysis of a residual network (default 200 layers).")
final class BenchShapesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--layers", defaultValue = "200", description = "Network size in layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--warmup-ms", defaultValue = "3000", description = "Warm-up time (default ${DEFAULT-VALUE} ms).")
    long warmupMillis;

    @Option(names = "--rounds", defaultValue = "10", description = "Measured rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--round-ms", defaultValue = "500", description = "Length of a round (default ${DEFAULT-VALUE} ms).")
    long roundMillis;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (layers < 10 || rounds < 1 || warmupMillis < 0 || roundMillis < 1) {
            err.println("error: need --layers >= 10, --rounds >= 1, --warmup-ms >= 0 and --round-ms >= 1");
            return StrideCli.USAGE_ERROR;
        }
        Network network = ShapeBenchmark.residualNetwork(layers);
        int errors = ShapeInference.analyze(network).errors().size();
        out.printf(Locale.ROOT, "network: %d layers, %d connections, %d errors; warm-up %d ms, %d rounds of ~%d ms%n",
                network.size(), network.connections().size(), errors, warmupMillis, rounds, roundMillis);
        out.flush();
        int[] round = {0};
        ShapeBenchmark.Result result = ShapeBenchmark.run(network, warmupMillis, rounds, roundMillis, nanos -> {
            out.printf(Locale.ROOT, "round %2d: %.1f µs wall clock%n", ++round[0], nanos / 1000.0);
            out.flush();
        });
        out.printf(Locale.ROOT, "wall clock: best %.1f µs, median %.1f µs; %d analyses per round%n",
                result.bestMicros(), result.medianMicros(), result.analysesPerRound());
        out.printf(Locale.ROOT, "full shape analysis, %d layers, median thread CPU time of %d rounds: %.1f µs%n",
                result.layers(), rounds, result.medianCpuMicros());
        return 0;
    }
}
