package dev.stride.app;

import javafx.application.Application;

/**
 * The jar's main class. It must not extend {@link Application}: with JavaFX on the class path, an Application
 * subclass as main class fails with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        StartupClock.markMain();
        dev.stride.engine.backend.NativeBuild.prepareBeforeNd4j();
        Application.launch(StrideApp.class, args);
    }
}
