package dev.stride.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

class NativeBuildTest {
    private interface C extends Library {
        String getenv(String name);
    }

    @Test
    void openMp_spinning_is_shortened_in_the_process_environment_unless_the_user_chose() {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "libgomp is Linux's");
        C c = Native.loadLibrary("c", C.class);
        String before = c.getenv("GOMP_SPINCOUNT");
        NativeBuild.shortenOpenMpSpinning();
        String expected = System.getenv("GOMP_SPINCOUNT") != null || System.getenv("OMP_WAIT_POLICY") != null
                ? before : NativeBuild.OPENMP_SPIN_COUNT;
        assertEquals(expected, c.getenv("GOMP_SPINCOUNT"));
    }
}
