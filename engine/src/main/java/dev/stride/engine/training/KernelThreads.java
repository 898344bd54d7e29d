package dev.stride.engine.training;

import dev.stride.engine.backend.NativeThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntUnaryOperator;

/**
 * Splits a Java kernel's pass over [0, length) across as many threads as ND4J's OpenMP ops use, so the kernels keep
 * pace with the native ops around them at 2 threads and more (PyTorch runs the same element-wise work on all its
 * threads). Parts are whole chunks ({@link DirectFloats#CHUNK}); the calling thread runs the first part, a small
 * pool of daemon threads the others. Short arrays stay on the calling thread, where waking a thread would cost
 * more than it saves.
 */
final class KernelThreads {
    /** Below this many values a pass runs on the calling thread. */
    static final int MIN_PARALLEL = 1 << 16;
    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stride-kernel");
        thread.setDaemon(true);
        return thread;
    });

    private KernelThreads() {
    }

    /** Work on values [from, to) of a pass, the {@code part}-th of {@code parts}. */
    interface Part {
        void run(int part, int from, int to);
    }

    /** How many parts {@link #run} will use for {@code length} values. */
    static int parts(int length) {
        if (length < MIN_PARALLEL) {
            return 1;
        }
        int chunks = (length + DirectFloats.CHUNK - 1) / DirectFloats.CHUNK;
        return Math.max(1, Math.min(NativeThreads.openMpThreads(), chunks));
    }

    /** Runs {@code work} over [0, length) in {@link #parts(int)} parts and returns when all are done. */
    static void run(int length, int parts, Part work) {
        int chunks = (length + DirectFloats.CHUNK - 1) / DirectFloats.CHUNK;
        run(parts, part -> (int) Math.min(length, (long) chunks * part / parts * DirectFloats.CHUNK), work);
    }

    /** Runs {@code work} over items [0, count) in {@code parts} nearly equal parts (the images of a batch, say). */
    static void runEvenly(int count, int parts, Part work) {
        run(parts, part -> (int) ((long) count * part / parts), work);
    }

    private static void run(int parts, IntUnaryOperator boundary, Part work) {
        if (parts <= 1) {
            work.run(0, 0, boundary.applyAsInt(1));
            return;
        }
        List<Future<?>> others = new ArrayList<>(parts - 1);
        for (int part = 1; part < parts; part++) {
            int from = boundary.applyAsInt(part);
            int to = boundary.applyAsInt(part + 1);
            int index = part;
            others.add(POOL.submit(() -> work.run(index, from, to)));
        }
        work.run(0, 0, boundary.applyAsInt(1));
        // Every part must finish before the arrays are used again, so an interrupt waits too (and is kept).
        boolean interrupted = false;
        RuntimeException failure = null;
        for (Future<?> other : others) {
            while (true) {
                try {
                    other.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
