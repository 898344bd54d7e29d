package dev.stride.app.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs background requests where only the latest matters (previews, live analysis): a newer request makes the
 * result of every older one be dropped, so a stale result never overwrites a fresh one.
 */
public final class LatestRequestRunner {
    private final Executor background;
    private final UiScheduler ui;
    private final AtomicLong generation = new AtomicLong();

    public LatestRequestRunner(Executor background, UiScheduler ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Computes in the background, then delivers on the UI thread unless a newer request came in meanwhile. */
    public <T> CompletableFuture<T> submit(Supplier<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        long mine = generation.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            if (generation.get() != mine) {
                throw new CancellationException("superseded");
            }
            return work.get();
        }, background).whenComplete((result, error) -> {
            if (generation.get() != mine || error instanceof CancellationException
                    || error != null && error.getCause() instanceof CancellationException) {
                return;
            }
            ui.run(() -> {
                if (generation.get() != mine) {
                    return;
                }
                if (error != null) {
                    onError.accept(error.getCause() != null ? error.getCause() : error);
                } else {
                    onResult.accept(result);
                }
            });
        });
    }

    /** True while a request submitted with this generation is still the latest (for cooperative cancel). */
    public boolean isLatest(long requestGeneration) {
        return generation.get() == requestGeneration;
    }
}
