package dev.stride.engine.bench;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.AddSpec;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.GlobalAveragePooling2DSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Measures one full {@link ShapeInference#analyze} of a realistic network (residual blocks of
 * Conv2D–BatchNormalization–Activation with Add shortcuts), with warm-up so the JIT has compiled the hot path.
 */
public final class ShapeBenchmark {
    private ShapeBenchmark() {
    }

    /** A residual CNN with exactly {@code layers} nodes (at least 4). */
    public static Network residualNetwork(int layers) {
        Network network = Network.empty().withLayer(InputLayerSpec.image(224, 224, 3));
        NodeId last = new NodeId("n1");
        network = network.withLayer(Conv2DSpec.of(32, 3).withPadding(Padding.SAME));
        NodeId stem = network.nodes().get(network.size() - 1).id();
        network = network.connect(last, stem);
        last = stem;
        // Each block: conv, bn, relu, conv, bn, add(shortcut), relu = 7 nodes; leave 2 for the head.
        while (network.size() + 7 <= layers - 2) {
            NodeId shortcut = last;
            LayerSpec[] block = {Conv2DSpec.of(32, 3).withPadding(Padding.SAME), BatchNormalizationSpec.of(),
                ActivationSpec.of(Activation.RELU), Conv2DSpec.of(32, 3).withPadding(Padding.SAME),
                BatchNormalizationSpec.of()};
            for (LayerSpec spec : block) {
                network = network.withLayer(spec);
                NodeId added = network.nodes().get(network.size() - 1).id();
                network = network.connect(last, added);
                last = added;
            }
            network = network.withLayer(new AddSpec());
            NodeId add = network.nodes().get(network.size() - 1).id();
            network = network.connect(last, add).connect(shortcut, add);
            network = network.withLayer(ActivationSpec.of(Activation.RELU));
            NodeId relu = network.nodes().get(network.size() - 1).id();
            network = network.connect(add, relu);
            last = relu;
        }
        while (network.size() < layers - 2) {
            network = network.withLayer(Conv2DSpec.of(32, Size2D.square(1)));
            NodeId added = network.nodes().get(network.size() - 1).id();
            network = network.connect(last, added);
            last = added;
        }
        network = network.withLayer(GlobalAveragePooling2DSpec.of());
        NodeId pool = network.nodes().get(network.size() - 1).id();
        network = network.connect(last, pool);
        network = network.withLayer(DenseSpec.of(10, Activation.SOFTMAX));
        return network.connect(pool, network.nodes().get(network.size() - 1).id());
    }

    /**
     * Result of a run: per-analysis wall-clock and thread-CPU times of each measured round, in nanoseconds. CPU time
     * is what to quote on a shared machine: it leaves out the time the thread waited for a core.
     */
    public record Result(int layers, long[] roundNanosPerAnalysis, long[] roundCpuNanosPerAnalysis,
            int analysesPerRound) {
        public double medianMicros() {
            return median(roundNanosPerAnalysis);
        }

        public double medianCpuMicros() {
            return median(roundCpuNanosPerAnalysis);
        }

        private static double median(long[] values) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2] / 1000.0;
        }

        public double bestMicros() {
            return Arrays.stream(roundNanosPerAnalysis).min().orElse(0) / 1000.0;
        }
    }

    /**
     * Warms up for {@code warmupMillis}, then times {@code rounds} rounds of about {@code roundMillis} each;
     * {@code progress} hears each round's nanoseconds per analysis.
     */
    public static Result run(Network network, long warmupMillis, int rounds, long roundMillis, LongConsumer progress) {
        long sink = 0;
        long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000;
        int calibration = 0;
        while (System.nanoTime() < warmupEnd) {
            sink += ShapeInference.analyze(network).totalParams();
            calibration++;
        }
        long perAnalysis = Math.max(1, warmupMillis * 1_000_000 / Math.max(1, calibration));
        int perRound = (int) Math.max(10, roundMillis * 1_000_000 / perAnalysis);
        long[] times = new long[rounds];
        long[] cpuTimes = new long[rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
        for (int r = 0; r < rounds; r++) {
            long cpuStart = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                NetworkAnalysis analysis = ShapeInference.analyze(network);
                sink += analysis.totalParams();
            }
            times[r] = (System.nanoTime() - start) / perRound;
            cpuTimes[r] = cpuClock ? (threads.getCurrentThreadCpuTime() - cpuStart) / perRound : times[r];
            progress.accept(times[r]);
        }
        if (sink == 42) {
            // Keeps the JIT from discarding the analyses as dead code.
            System.out.print("");
        }
        return new Result(network.size(), times, cpuTimes, perRound);
    }
}
