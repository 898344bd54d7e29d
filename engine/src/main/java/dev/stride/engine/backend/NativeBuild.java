package dev.stride.engine.backend;

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
}
