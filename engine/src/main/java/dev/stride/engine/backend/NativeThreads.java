package dev.stride.engine.backend;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Thread settings for ND4J's CPU backend. It runs two thread pools: OpenMP (libnd4j's ops and oneDNN's
 * convolutions) and OpenBLAS's own pthreads (matrix products). Both spin while they wait for work, so with both at
 * full width on the same cores they steal each other's time: LeNet at 2 threads trained at 1,023 images/s that way
 * and at 1,637 with OpenBLAS on the calling thread only (same run, `stride bench train --threads 2`). Dense layers
 * then use one core for their matrix products; convolutions, pooling and element-wise work keep every thread.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    /** Keeps OpenBLAS on the calling thread; OpenMP keeps ND4J's choice (one thread per core). */
    public static void configureForTraining() {
        if (Nd4j.getEnvironment().isCPU()) {
            Nd4j.factory().blas().setMaxThreads(1);
        }
    }

    /** Uses exactly {@code threads} OpenMP threads for ND4J's ops (and OpenBLAS on the calling thread). */
    public static void configureForTraining(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        configureForTraining();
    }
}
