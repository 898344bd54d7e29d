package dev.stride.engine.training;

import dev.stride.engine.backend.NativeThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        if (parts <= 1) {
            work.run(0, 0, length);
            return;
        }
        int chunks = (length + DirectFloats.CHUNK - 1) / DirectFloats.CHUNK;
        List<Future<?>> others = new ArrayList<>(parts - 1);
        for (int part = 1; part < parts; part++) {
            int from = boundary(part, parts, chunks, length);
            int to = boundary(part + 1, parts, chunks, length);
            int index = part;
            others.add(POOL.submit(() -> work.run(index, from, to)));
        }
        work.run(0, 0, boundary(1, parts, chunks, length));
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

    private static int boundary(int part, int parts, int chunks, int length) {
        return (int) Math.min(length, (long) chunks * part / parts * DirectFloats.CHUNK);
    }
}
