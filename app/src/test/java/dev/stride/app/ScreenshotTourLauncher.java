package dev.stride.app;

/** Main class for {@link ScreenshotTour}: an Application subclass cannot be the main class on the class path. */
public final class ScreenshotTourLauncher {
    private ScreenshotTourLauncher() {
    }

    public static void main(String[] args) {
        ScreenshotTour.main(args);
    }
}
