package dev.stride.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatestRequestRunnerTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aSlowOlderRequestNeverOverwritesANewerResult() throws Exception {
        List<String> delivered = new ArrayList<>();
        LatestRequestRunner runner = new LatestRequestRunner(pool, action -> {
            synchronized (delivered) {
                action.run();
            }
        });
        CountDownLatch release = new CountDownLatch(1);
        var slow = runner.submit(() -> {
            await(release);
            return "old";
        }, delivered::add, e -> delivered.add("error"));
        var fast = runner.submit(() -> "new", delivered::add, e -> delivered.add("error"));
        fast.get(5, TimeUnit.SECONDS);
        release.countDown();
        try {
            slow.get(5, TimeUnit.SECONDS);
        } catch (Exception expected) {
            // a superseded request may end cancelled; either way it must not deliver
        }
        synchronized (delivered) {
            assertThat(delivered).containsExactly("new");
        }
    }

    @Test
    void failuresOfTheLatestRequestReachTheErrorHandler() throws Exception {
        List<String> errors = new ArrayList<>();
        LatestRequestRunner runner = new LatestRequestRunner(pool, UiScheduler.immediate());
        var future = runner.submit(() -> {
            throw new IllegalStateException("decoder failed");
        }, r -> errors.add("result"), e -> errors.add(e.getMessage()));
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (Exception expected) {
            // the returned stage completes exceptionally, after the handler has run
        }
        assertThat(errors).containsExactly("decoder failed");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
