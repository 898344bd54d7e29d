package dev.stride.app.data;

import dev.stride.app.common.UiScheduler;
import dev.stride.engine.data.vision.ImageData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Decodes gallery thumbnails on a small pool of its own, newest request first, and keeps the most recent ones in an
 * LRU cache; a request cancelled before it starts (a cell scrolled past) is never decoded.
 */
public final class ThumbnailLoader implements AutoCloseable {
    private final Decoder decoder;
    private final UiScheduler ui;
    private final ThreadPoolExecutor pool;
    private final Map<Integer, ImageData> cache;
    private final Map<Integer, String> failures = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger decodeCount = new AtomicInteger();

    /**
     * @param decoder  reads example {@code index} as a thumbnail; runs on the loader's threads and may throw
     * @param capacity thumbnails kept in memory
     * @param threads  decoding threads
     */
    public ThumbnailLoader(Decoder decoder, int capacity, int threads, UiScheduler ui) {
        this.decoder = decoder;
        this.ui = ui;
        this.cache = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, ImageData> eldest) {
                return size() > capacity;
            }
        };
        // Last in, first out: after a fast scroll the cells now on screen are decoded before those scrolled past.
        LinkedBlockingDeque<Runnable> queue = new LinkedBlockingDeque<>() {
            @Override
            public boolean offer(Runnable task) {
                return super.offerFirst(task);
            }
        };
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, queue, runnable -> {
            Thread thread = new Thread(runnable, "stride-thumbnails");
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Reads one example as a thumbnail; may fail with the reason in the exception's message. */
    @FunctionalInterface
    public interface Decoder {
        ImageData decode(int index) throws Exception;
    }

    /** The thumbnail if it is in the cache, else null. */
    public ImageData cached(int index) {
        synchronized (cache) {
            return cache.get(index);
        }
    }

    /**
     * Decodes {@code index} in the background and hands it to {@code onReady} on the UI thread (at once when
     * cached); {@code onFailure} gets the reason when it cannot be decoded.
     *
     * @return a handle whose {@link Future#cancel} drops the request if it has not started
     */
    public Future<?> request(int index, Consumer<ImageData> onReady, Consumer<String> onFailure) {
        ImageData hit = cached(index);
        if (hit != null) {
            onReady.accept(hit);
            return java.util.concurrent.CompletableFuture.completedFuture(hit);
        }
        String knownFailure = failures.get(index);
        if (knownFailure != null) {
            // A bad file is decoded once, not on every layout pass.
            onFailure.accept(knownFailure);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return pool.submit(() -> {
            ImageData thumbnail = cached(index);
            if (thumbnail == null) {
                decodeCount.incrementAndGet();
                try {
                    thumbnail = decoder.decode(index);
                } catch (Exception e) {
                    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    failures.put(index, reason);
                    ui.run(() -> onFailure.accept(reason));
                    return;
                }
                synchronized (cache) {
                    cache.put(index, thumbnail);
                }
            }
            ImageData ready = thumbnail;
            ui.run(() -> onReady.accept(ready));
        });
    }

    /** Thumbnails decoded so far (cache hits excluded): what keeps scrolling honest in tests. */
    public int decodeCount() {
        return decodeCount.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
