package dev.stride.engine.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's /usr/bin/python3 (where CI installs python3-torch) for the peer checks of generated code. */
final class PythonPeer {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final String INSTALL_HINT = "apt-get install -y python3-torch libopenblas0-pthread";

    private PythonPeer() {
    }

    /** The process's exit code and combined output. */
    record Outcome(int exitCode, String output) {
    }

    /** True when /usr/bin/python3 can import the module. */
    static boolean hasModule(String module) {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            return run(List.of(PYTHON.toString(), "-c", "import " + module), Path.of("."), 120).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static Outcome run(List<String> command, Path directory, long timeoutSeconds) throws IOException {
        Path log = Files.createTempFile("stride-python", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("python did not finish within " + timeoutSeconds + " s");
            }
            return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
