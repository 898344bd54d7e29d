package dev.stride.engine.backend;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Thread settings for ND4J's CPU backend. It runs two thread pools: OpenMP (libnd4j's ops and oneDNN's
 * convolutions) and OpenBLAS's own pthreads (matrix products). Both spin while they wait for work, so with both at
 * full width on the same cores they steal each other's time: LeNet at 2 threads trained at 1,023 images/s that way
 * and at 1,637 with OpenBLAS on the calling thread only (same run, `stride bench train --threads 2`). OpenBLAS
 * therefore gets the calling thread plus the cores OpenMP leaves idle: with OpenMP on one of two cores, dense layers
 * multiply on both (a 128×2450·2450×500 product: 88 → 150 GFLOP/s), which is also what PyTorch does at
 * {@code torch.set_num_threads(1)}, since that setting does not reach OpenBLAS's pool.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    /** OpenBLAS threads for a given OpenMP width: the caller's thread plus the cores OpenMP does not use. */
    static int blasThreads(int cores, int openMpThreads) {
        return Math.max(1, cores - Math.max(1, openMpThreads) + 1);
    }

    /** Keeps OpenMP at ND4J's choice and gives OpenBLAS the calling thread plus the cores OpenMP leaves idle. */
    public static void configureForTraining() {
        if (Nd4j.getEnvironment().isCPU()) {
            int cores = Runtime.getRuntime().availableProcessors();
            // ND4J's Environment.maxThreads() does not report setMaxThreads (libnd4j ignores it); OpenMP itself does.
            Nd4j.factory().blas().setMaxThreads(blasThreads(cores, openMpThreads()));
        }
    }

    /** How many threads ND4J's OpenMP ops use now. */
    public static int openMpThreads() {
        return Nd4j.getEnvironment().isCPU()
                ? Math.max(1, NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()) : 1;
    }

    /** Uses exactly {@code threads} OpenMP threads for ND4J's ops; OpenBLAS as in {@link #configureForTraining()}. */
    public static void configureForTraining(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        configureForTraining();
    }
}
