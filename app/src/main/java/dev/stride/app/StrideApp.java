package dev.stride.app;

import atlantafx.base.theme.PrimerLight;
import dev.stride.app.common.AppContext;
import dev.stride.app.common.Messages;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window, shows it, then warms the training backend up in the background. */
public final class StrideApp extends Application {
    /** With -Dstride.smoke=true the app prints the time to its first frame and exits (used by CI). */
    static final String SMOKE_PROPERTY = "stride.smoke";

    private AppContext context;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        context = AppContext.create(Messages.forDefaultLocale());
        MainWindow window = new MainWindow(context);
        Scene scene = new Scene(window.root(), 1440, 900);
        scene.getStylesheets().add(MainWindow.themeStylesheet());
        stage.setTitle(context.messages().get("app.title"));
        stage.setScene(scene);
        stage.show();
        window.root().requestFocus();
        window.openDefaultSample();
        reportFirstFrame();
        TrainingDemo.startIfRequested(scene);
        // The window is up: now load ND4J (seconds on a cold start) without holding the UI.
        context.backend().loadInBackground();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.shutdown();
        }
    }

    private static void reportFirstFrame() {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // The second pulse runs after the first frame has been rendered.
                if (++frames < 2) {
                    return;
                }
                stop();
                long millis = StartupClock.millisSinceProcessStart();
                System.out.println("Stride: first frame " + millis + " ms after JVM start");
                if (Boolean.getBoolean(SMOKE_PROPERTY)) {
                    Platform.exit();
                }
            }
        }.start();
    }
}
