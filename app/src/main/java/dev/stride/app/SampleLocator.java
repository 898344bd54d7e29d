package dev.stride.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the samples/ folder that ships beside the app: from -Dstride.samples, the working folder, or the jar. */
final class SampleLocator {
    static final String DEFAULT_PROJECT = "lenet-digits.stride";

    private SampleLocator() {
    }

    static Path samplesFolder() {
        String configured = System.getProperty("stride.samples");
        if (configured != null) {
            return Path.of(configured);
        }
        Path working = Path.of("samples");
        if (Files.isDirectory(working)) {
            return working.toAbsolutePath();
        }
        try {
            // app/target/stride-app.jar (or app/target/classes) -> the repository root's samples/.
            Path code = Path.of(SampleLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = code.getParent().getParent().getParent();
            return root.resolve("samples");
        } catch (URISyntaxException | RuntimeException e) {
            return working.toAbsolutePath();
        }
    }

    static Path defaultProject() {
        return samplesFolder().resolve(DEFAULT_PROJECT);
    }
}
