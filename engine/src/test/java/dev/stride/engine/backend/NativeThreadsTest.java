package dev.stride.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NativeThreadsTest {
    @Test
    void openBlasGetsTheCallerAndTheCoresOpenMpLeavesIdle() {
        assertEquals(2, NativeThreads.blasThreads(2, 1));
        assertEquals(1, NativeThreads.blasThreads(2, 2));
        assertEquals(7, NativeThreads.blasThreads(8, 2));
        assertEquals(1, NativeThreads.blasThreads(8, 8));
    }

    @Test
    void moreOpenMpThreadsThanCoresOrNoneStillLeaveOneBlasThread() {
        assertEquals(1, NativeThreads.blasThreads(2, 4));
        assertEquals(2, NativeThreads.blasThreads(2, 0));
    }
}
