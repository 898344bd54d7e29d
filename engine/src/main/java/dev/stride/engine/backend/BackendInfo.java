package dev.stride.engine.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * What the training backend turned out to be once ND4J loaded: CPU or GPU, devices, BLAS, threads.
 *
 * @param backend      "CPU" or "GPU"
 * @param backendClass ND4J's backend class, for the curious
 * @param devices      human-readable device names
 * @param blas         BLAS vendor and the CPU optimisation level ND4J was built for
 * @param threads      OpenMP threads ND4J uses
 * @param javaVersion  the running JVM
 * @param os           operating system and architecture
 * @param note         a remark for the user (e.g. why the CPU was chosen), or empty
 */
public record BackendInfo(String backend, String backendClass, List<String> devices, String blas, int threads,
                          String javaVersion, String os, String note) {

    public BackendInfo {
        devices = List.copyOf(devices);
    }

    /** Loads ND4J (seconds on a cold start) and reads what it found. Call it off the UI thread. */
    public static BackendInfo detect() {
        var nd4jBackend = Nd4j.getBackend();
        Environment environment = Nd4j.getEnvironment();
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        boolean gpu = environment.isCPU() == false;
        List<String> devices = new ArrayList<>();
        if (gpu) {
            Object list = env.get("cuda.devicesInformation");
            if (list instanceof List<?> entries) {
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> device) {
                        devices.add(String.valueOf(device.get("cuda.deviceName")));
                    }
                }
            }
        } else {
            devices.add(cpuName() + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
        }
        String blasVendor = String.valueOf(env.getOrDefault("blas.vendor", "unknown"));
        String optimisation = cpuOptimisation();
        String blas = optimisation.isEmpty() ? blasVendor : blasVendor + ", " + optimisation;
        if (System.getProperty("javacpp.platform.extension", "").contains("onednn")) {
            blas += ", oneDNN";
        }
        int threads = intValue(env.get("omp.threads"), Runtime.getRuntime().availableProcessors());
        String note = gpu ? "" : "CPU backend (nd4j-native). Build with -Pgpu for DL4J's CUDA 11.6 backend.";
        return new BackendInfo(gpu ? "GPU" : "CPU", nd4jBackend.getClass().getSimpleName(), devices, blas, threads,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                note);
    }

    /** One short line for a status bar: "CPU · OPENBLAS, AVX512 · 2 threads". */
    public String shortDescription() {
        return backend + " · " + blas + " · " + threads + (threads == 1 ? " thread" : " threads");
    }

    private static String cpuOptimisation() {
        // The native library says which instruction set it was built for and which this CPU could use.
        try {
            NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
            String built = LEVELS[Math.max(0, Math.min(LEVELS.length - 1, ops.binaryLevel()))];
            String best = LEVELS[Math.max(0, Math.min(LEVELS.length - 1, ops.optimalLevel()))];
            return built.equals(best) ? built + " kernels" : built + " kernels (this CPU supports " + best + ")";
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    private static final String[] LEVELS = {"generic", "x86-64", "AVX2", "AVX512"};

    private static String cpuName() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not Linux, or not readable: the architecture is the best we can say.
        }
        return System.getProperty("os.arch");
    }

    private static int intValue(Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
