package dev.stride.app;

import java.time.Duration;
import java.time.Instant;

/** Measures start-up from the moment the JVM process started, for the smoke test and the log. */
final class StartupClock {
    private static volatile long mainNanos;

    private StartupClock() {
    }

    static void markMain() {
        mainNanos = System.nanoTime();
    }

    /** Milliseconds since the process started (falls back to since main() when the OS does not say). */
    static long millisSinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis())
                .orElseGet(() -> (System.nanoTime() - mainNanos) / 1_000_000);
    }
}
