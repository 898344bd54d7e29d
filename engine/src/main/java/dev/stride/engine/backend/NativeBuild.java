package dev.stride.engine.backend;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;

/** Chooses which nd4j-native build JavaCPP loads; must run before the first ND4J class is touched. */
public final class NativeBuild {
    private NativeBuild() {
    }

    /** Everything an entry point must do before ND4J loads: the build to load, then the native runtime's settings. */
    public static void prepareBeforeNd4j() {
        selectOneDnnBuildIfPresent();
        prepareNativeRuntime();
    }

    /**
     * JavaCPP loads nd4j-native's oneDNN build only when told its platform extension, and Stride ships that build
     * (see engine/pom.xml): say so before ND4J loads. An explicit -Djavacpp.platform.extension wins.
     */
    public static void selectOneDnnBuildIfPresent() {
        if (System.getProperty("javacpp.platform.extension") != null) {
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String platform = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macosx"
                : os.startsWith("windows") ? "windows" : "";
        String arch = System.getProperty("os.arch", "").replace("amd64", "x86_64");
        String folder = "org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + "-" + arch + "-onednn/";
        ClassLoader loader = NativeBuild.class.getClassLoader();
        if (!platform.isEmpty() && (loader.getResource(folder + "libnd4jcpu.so") != null
                || loader.getResource(folder + "libnd4jcpu.dylib") != null
                || loader.getResource(folder + "nd4jcpu.dll") != null)) {
            System.setProperty("javacpp.platform.extension", "-onednn");
        }
    }

    /** How many times an idle OpenMP thread polls for work before it sleeps (libgomp's default is 300,000). */
    static final String OPENMP_SPIN_COUNT = "1000";
    /** glibc's mallopt parameters (malloc.h) and the values Stride sets. */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    static final int MMAP_THRESHOLD = 128 << 20;
    static final int TRIM_THRESHOLD = 512 << 20;

    /**
     * Settings for the native libraries under ND4J, on Linux; must run before ND4J loads (entry points call it
     * first), and an environment variable the user set wins.
     * <ul>
     * <li>OpenMP's idle threads sleep sooner, as {@code GOMP_SPINCOUNT=1000} would: by default libgomp's threads poll
     * for milliseconds after every parallel op, so Stride's Java kernels (batch norm, ReLU, dropout, Adam), split over
     * the same cores, found them taken. StridedNet at 2 threads: 231–247 → 266 img/s in alternating runs; LeNet
     * unchanged. libgomp reads the variable once, when it loads.</li>
     * <li>Freed memory stays with the process (glibc's {@code mallopt}: blocks up to 128 MB from the heap, and up to
     * 512 MB kept free before trimming) instead of going back to the kernel after every training step: oneDNN's
     * reorder buffers were fresh pages each time. LeNet at 1 thread, profiled: page faults 8.0 → 2.7 % of a step,
     * 112.7 → 104.3 ms per step (32 MB and 256 MB did not help). The price: after training, the process keeps
     * memory it no longer uses, within what it used at its peak.</li>
     * </ul>
     */
    public static void prepareNativeRuntime() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return;
        }
        try {
            if (System.getenv("GOMP_SPINCOUNT") == null && System.getenv("OMP_WAIT_POLICY") == null) {
                CLibrary.INSTANCE.setenv("GOMP_SPINCOUNT", OPENMP_SPIN_COUNT, 0);
            }
            if (System.getenv("MALLOC_MMAP_THRESHOLD_") == null && System.getenv("MALLOC_TRIM_THRESHOLD_") == null) {
                CLibrary.INSTANCE.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
                CLibrary.INSTANCE.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD);
            }
        } catch (LinkageError | RuntimeException e) {
            // No JNA or no glibc here: the defaults stay, which are only slower.
        }
    }

    /** The C library's setenv and glibc's mallopt, which Java's API does not offer. */
    private interface CLibrary extends Library {
        CLibrary INSTANCE = Native.loadLibrary("c", CLibrary.class);

        int setenv(String name, String value, int overwrite);

        int mallopt(int parameter, int value);
    }
}
