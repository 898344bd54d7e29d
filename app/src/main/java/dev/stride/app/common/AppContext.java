package dev.stride.app.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** What the views and view-models share, handed over by constructor: no static singletons. */
public final class AppContext {
    private final Messages messages;
    private final ExecutorService background;
    private final BackendStatus backend;

    private AppContext(Messages messages, ExecutorService background) {
        this(messages, background, BackendStatus.onFxThread(background));
    }

    private AppContext(Messages messages, ExecutorService background, BackendStatus backend) {
        this.messages = messages;
        this.background = background;
        this.backend = backend;
    }

    /** The same context in another language (the window is rebuilt with it; executor and backend stay). */
    public AppContext withMessages(Messages other) {
        return new AppContext(other, background, backend);
    }

    public static AppContext create(Messages messages) {
        ExecutorService background = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stride-background");
            thread.setDaemon(true);
            return thread;
        });
        return new AppContext(messages, background);
    }

    public Messages messages() {
        return messages;
    }

    public ExecutorService background() {
        return background;
    }

    public BackendStatus backend() {
        return backend;
    }

    public void shutdown() {
        background.shutdownNow();
    }
}
