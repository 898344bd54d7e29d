package dev.stride.engine.backend;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;

/** Chooses which nd4j-native build JavaCPP loads; must run before the first ND4J class is touched. */
public final class NativeBuild {
    private NativeBuild() {
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

    /**
     * Makes OpenMP's idle threads sleep sooner, as {@code GOMP_SPINCOUNT=1000} would: by default libgomp's threads
     * poll for milliseconds after every parallel op, so Stride's Java kernels (batch norm, ReLU, dropout, Adam)
     * split over the same cores found them taken. StridedNet at 2 threads: 233–239 → 250–272 img/s, in alternating
     * runs; LeNet unchanged. libgomp reads the variable once, when ND4J's native library loads, so this must run
     * first; a user's own {@code GOMP_SPINCOUNT} or {@code OMP_WAIT_POLICY} wins. Linux only (libgomp).
     */
    public static void shortenOpenMpSpinning() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                || System.getenv("GOMP_SPINCOUNT") != null || System.getenv("OMP_WAIT_POLICY") != null) {
            return;
        }
        try {
            CLibrary.INSTANCE.setenv("GOMP_SPINCOUNT", OPENMP_SPIN_COUNT, 0);
        } catch (LinkageError | RuntimeException e) {
            // No JNA on this platform: OpenMP keeps its default, which is only slower.
        }
    }

    /** The C library's setenv, which Java's API does not offer. */
    private interface CLibrary extends Library {
        CLibrary INSTANCE = Native.loadLibrary("c", CLibrary.class);

        int setenv(String name, String value, int overwrite);
    }
}
