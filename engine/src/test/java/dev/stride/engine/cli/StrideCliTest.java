package dev.stride.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StrideCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return StrideCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void versionPrintsTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("stride ").doesNotContain("unknown");
    }

    @Test
    void anUnknownOptionExitsTwoWithUsageAndNoStackTrace() {
        assertThat(run("--bogus")).isEqualTo(StrideCli.USAGE_ERROR);
        assertThat(err.toString()).contains("Unknown option: '--bogus'").contains("Usage: stride")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnknownCommandExitsTwo() {
        assertThat(run("frobnicate")).isEqualTo(StrideCli.USAGE_ERROR);
        assertThat(err.toString()).contains("frobnicate");
    }

    @Test
    void infoReportsTheCpuBackend() {
        assertThat(run("info")).isZero();
        assertThat(out.toString()).contains("Backend    CPU").contains("Threads").contains("Java");
    }
}
