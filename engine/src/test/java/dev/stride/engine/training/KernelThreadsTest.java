package dev.stride.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class KernelThreadsTest {

    @Test
    void parts_cover_every_value_once_in_whole_chunks() {
        for (int parts : new int[] {1, 2, 3, 7}) {
            int length = 10 * DirectFloats.CHUNK + 123;
            AtomicIntegerArray visits = new AtomicIntegerArray(length);
            AtomicIntegerArray partsSeen = new AtomicIntegerArray(parts);
            KernelThreads.run(length, parts, (part, from, to) -> {
                partsSeen.incrementAndGet(part);
                assertEquals(0, from % DirectFloats.CHUNK, "parts start on a chunk");
                for (int i = from; i < to; i++) {
                    visits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < length; i++) {
                assertEquals(1, visits.get(i), "value " + i + " with " + parts + " parts");
            }
            for (int part = 0; part < parts; part++) {
                assertEquals(1, partsSeen.get(part), "part " + part + " ran once");
            }
        }
    }

    @Test
    void short_passes_stay_on_the_calling_thread() {
        assertEquals(1, KernelThreads.parts(KernelThreads.MIN_PARALLEL - 1));
        Thread caller = Thread.currentThread();
        KernelThreads.run(100, KernelThreads.parts(100), (part, from, to) -> assertSame(caller, Thread.currentThread()));
    }

    @Test
    void a_failing_part_fails_the_pass_after_all_parts_end() {
        AtomicIntegerArray finished = new AtomicIntegerArray(4);
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> KernelThreads.run(8 * DirectFloats.CHUNK, 4, (part, from, to) -> {
                    if (part == 2) {
                        throw new IllegalStateException("part 2 failed");
                    }
                    finished.set(part, 1);
                }));
        assertEquals("part 2 failed", thrown.getMessage());
        assertEquals(1, finished.get(0) + finished.get(1) + finished.get(3) == 3 ? 1 : 0, "the others finished");
    }
}
