package dev.stride.app.common;

import dev.stride.engine.backend.BackendInfo;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The training backend as the UI sees it: unknown until ND4J has loaded on a background thread. */
public final class BackendStatus {
    private final ReadOnlyObjectWrapper<BackendInfo> info = new ReadOnlyObjectWrapper<>(this, "info");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ExecutorService executor;
    private final Consumer<Runnable> uiThread;

    BackendStatus(ExecutorService executor, Consumer<Runnable> uiThread) {
        this.executor = executor;
        this.uiThread = uiThread;
    }

    static BackendStatus onFxThread(ExecutorService executor) {
        return new BackendStatus(executor, Platform::runLater);
    }

    public void loadInBackground() {
        executor.execute(() -> {
            try {
                BackendInfo detected = BackendInfo.detect();
                uiThread.accept(() -> info.set(detected));
            } catch (RuntimeException | LinkageError e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                uiThread.accept(() -> problem.set(reason));
            }
        });
    }

    public ReadOnlyObjectProperty<BackendInfo> infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** Why the backend could not load, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
