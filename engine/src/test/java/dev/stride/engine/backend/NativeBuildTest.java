package dev.stride.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

class NativeBuildTest {
    private interface C extends Library {
        String getenv(String name);

        int mallopt(int parameter, int value);
    }

    @Test
    void openMp_spinning_is_shortened_in_the_process_environment_unless_the_user_chose() {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "libgomp is Linux's");
        C c = Native.loadLibrary("c", C.class);
        String before = c.getenv("GOMP_SPINCOUNT");
        NativeBuild.prepareNativeRuntime();
        String expected = System.getenv("GOMP_SPINCOUNT") != null || System.getenv("OMP_WAIT_POLICY") != null
                ? before : NativeBuild.OPENMP_SPIN_COUNT;
        assertEquals(expected, c.getenv("GOMP_SPINCOUNT"));
    }

    @Test
    void glibc_accepts_the_malloc_settings() {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "mallopt is glibc's");
        C c = Native.loadLibrary("c", C.class);
        assertEquals(1, c.mallopt(-3, NativeBuild.MMAP_THRESHOLD), "M_MMAP_THRESHOLD");
        assertEquals(1, c.mallopt(-1, NativeBuild.TRIM_THRESHOLD), "M_TRIM_THRESHOLD");
    }
}
