package dev.stride.engine.training;

import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.NodeAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.util.Locale;

/**
 * Roughly how much native memory training a design takes for a batch size, so training can be refused with a
 * batch size that fits instead of crashing: weights, gradients and optimizer state; activations twice (forward
 * values and their gradients); the largest convolution's im2col buffer (DL4J lowers convolutions to matrix products).
 *
 * @param fixedBytes       bytes independent of the batch size
 * @param perExampleBytes  bytes per example in the batch
 * @param batchSize        the batch size estimated for
 */
public record MemoryEstimate(long fixedBytes, long perExampleBytes, int batchSize) {
    private static final int FLOAT = 4;

    public long totalBytes() {
        return fixedBytes + perExampleBytes * batchSize;
    }

    /** The estimate for a design, optimizer and batch size. */
    public static MemoryEstimate of(Network network, TrainingSettings.Optimizer optimizer, int batchSize) {
        NetworkAnalysis analysis = ShapeInference.analyze(network, 1);
        long params = analysis.totalParams();
        long fixed = params * FLOAT * (2 + updaterCopies(optimizer));
        long activations = 0;
        long largestIm2col = 0;
        for (LayerNode node : network.nodes()) {
            NodeAnalysis result = analysis.node(node.id()).orElse(null);
            if (result == null || result.outputShape() == null) {
                continue;
            }
            activations += Math.max(0, result.outputShape().elementCount()) * FLOAT;
            if (node.spec() instanceof Conv2DSpec conv && !network.inputsOf(node.id()).isEmpty()) {
                TensorShape in = analysis.node(network.inputsOf(node.id()).get(0)).map(NodeAnalysis::outputShape)
                        .orElse(null);
                if (in != null && in.rank() == 3) {
                    int channels = conv.dataFormat() == dev.stride.engine.model.DataFormat.CHANNELS_FIRST
                            ? in.dim(0) : in.dim(2);
                    TensorShape out = result.outputShape();
                    long positions = out.elementCount() / Math.max(1, conv.filters());
                    long column = (long) channels * conv.kernelSize().height() * conv.kernelSize().width();
                    largestIm2col = Math.max(largestIm2col, positions * column * FLOAT);
                }
            }
        }
        // Forward activations and their gradients; the im2col buffer once forward and once for backprop.
        long perExample = 2 * activations + 2 * largestIm2col;
        return new MemoryEstimate(fixed, perExample, batchSize);
    }

    private static int updaterCopies(TrainingSettings.Optimizer optimizer) {
        return switch (optimizer) {
            case SGD -> 0;
            case SGD_MOMENTUM, NESTEROV, RMSPROP, ADAGRAD -> 1;
            case ADAM, ADAMW -> 2;
        };
    }

    /** The largest batch size whose estimate stays within {@code limitBytes}, or 0 if not even one example fits. */
    public int largestBatchWithin(long limitBytes) {
        if (perExampleBytes <= 0) {
            return Integer.MAX_VALUE;
        }
        long batch = (limitBytes - fixedBytes) / perExampleBytes;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, batch));
    }

    /**
     * The native memory ND4J may use here: JavaCPP's {@code org.bytedeco.javacpp.maxbytes} limit (which defaults
     * to the JVM's maximum heap), kept below the machine's physical memory.
     */
    public static long availableBytes() {
        long limit = Runtime.getRuntime().maxMemory();
        String configured = System.getProperty("org.bytedeco.javacpp.maxbytes");
        if (configured != null) {
            limit = parseBytes(configured, limit);
        }
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
            limit = Math.min(limit, bean.getTotalMemorySize());
        }
        return limit;
    }

    static long parseBytes(String text, long fallback) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        if (t.endsWith("g")) {
            factor = 1L << 30;
        } else if (t.endsWith("m")) {
            factor = 1L << 20;
        } else if (t.endsWith("k")) {
            factor = 1L << 10;
        }
        try {
            long value = Long.parseLong(factor == 1 ? t : t.substring(0, t.length() - 1));
            return value <= 0 ? fallback : value * factor;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Null when the estimate fits in {@code limitBytes}; otherwise a message with the estimate, the limit and the
     * largest batch size that fits (or advice to shrink the network).
     */
    public String refusal(long limitBytes) {
        // Leave a fifth of the limit for ND4J's own buffers, data batches and fragmentation.
        long usable = limitBytes / 5 * 4;
        if (totalBytes() <= usable) {
            return null;
        }
        int fits = largestBatchWithin(usable);
        String estimate = String.format(Locale.ROOT, "training needs about %.1f GB at batch size %d, more than the "
                + "%.1f GB available", totalBytes() / 1e9, batchSize, usable / 1e9);
        if (fits >= 1) {
            return estimate + "; use batch_size " + fits + " or less (or give Java more memory with -Xmx)";
        }
        return estimate + " even at batch size 1; make the network smaller (fewer filters or units, pooling "
                + "earlier) or give Java more memory with -Xmx";
    }
}
