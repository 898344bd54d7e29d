package dev.stride.app;

import atlantafx.base.theme.PrimerLight;
import dev.stride.app.common.AppContext;
import dev.stride.app.common.Messages;
import dev.stride.app.common.UiScheduler;
import dev.stride.app.editor.DesignerViewModel;
import dev.stride.app.project.DocumentService;
import dev.stride.engine.project.Project;
import dev.stride.engine.project.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The JavaFX application: builds the main window, shows it, then warms the training backend up in the background. */
public final class StrideApp extends Application {
    /** With -Dstride.smoke=true the app prints the time to its first frame and exits (used by CI). */
    static final String SMOKE_PROPERTY = "stride.smoke";
    /** Seconds between autosaves of unsaved work to the recovery file. */
    static final int AUTOSAVE_SECONDS = 30;

    private AppContext context;
    private DesignerViewModel model;
    private DocumentService documents;
    private MainWindow window;
    private Stage stage;
    private Timeline autosave;

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        context = AppContext.create(Messages.forDefaultLocale());
        model = new DesignerViewModel();
        documents = new DocumentService(model, context.background(), UiScheduler.fx(), DocumentService.defaultHome());
        boolean offerRecovery = documents.hasRecovery() && !Boolean.getBoolean(SMOKE_PROPERTY);
        Scene scene = new Scene(buildWindow().root(), 1440, 900);
        scene.getStylesheets().add(MainWindow.themeStylesheet());
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            if (!window.confirmDiscard()) {
                event.consume();
            } else {
                documents.deleteRecovery();
            }
        });
        stage.show();
        window.root().requestFocus();
        window.showExplainerIfAsked();
        reportFirstFrame();
        TrainingDemo.startIfRequested(scene);
        // The window is up: now load ND4J (seconds on a cold start) without holding the UI.
        context.backend().loadInBackground();
        if (offerRecovery) {
            Platform.runLater(this::offerRecovery);
        } else {
            // After the first frame: the window shows at once, the network a moment later.
            Platform.runLater(this::openDefaultSample);
        }
        autosave = new Timeline(new KeyFrame(Duration.seconds(AUTOSAVE_SECONDS), event -> documents.autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
    }

    /** The view-model behind the window (tests drive it directly). */
    DesignerViewModel model() {
        return model;
    }

    MainWindow window() {
        return window;
    }

    DocumentService documents() {
        return documents;
    }

    @Override
    public void stop() {
        if (autosave != null) {
            autosave.stop();
        }
        if (context != null) {
            context.shutdown();
        }
    }

    private MainWindow buildWindow() {
        window = new MainWindow(context, model, documents, this::switchLanguage);
        stage.titleProperty().bind(Bindings.createStringBinding(window::title, model.dirtyProperty(),
                model.fileProperty()));
        return window;
    }

    /** Rebuilds the window in another language; the document, selection and history stay. */
    void switchLanguage(Locale locale) {
        context = context.withMessages(Messages.of(locale));
        window.dispose();
        stage.getScene().setRoot(buildWindow().root());
        Platform.runLater(window.canvas()::fitToContent);
    }

    /** Opens samples/lenet-digits.stride, or the LeNet-5 template when the samples are not there. */
    private void openDefaultSample() {
        if (model.network().size() > 0 || model.fileProperty().get() != null) {
            return; // something was opened or built meanwhile: keep it
        }
        Path sample = SampleLocator.defaultProject();
        if (sample != null && Files.isRegularFile(sample)) {
            window.open(sample);
        } else {
            model.load(Project.of(Templates.ALL.get(0).network().get()), null, false);
            Platform.runLater(window.canvas()::fitToContent);
        }
    }

    private void offerRecovery() {
        Messages messages = context.messages();
        ButtonType recover = new ButtonType(messages.get("dialog.recover"));
        ButtonType discard = new ButtonType(messages.get("dialog.discard"));
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.get("dialog.recoverText"), recover, discard);
        alert.setHeaderText(messages.get("dialog.recoverTitle"));
        alert.initOwner(stage);
        if (alert.showAndWait().orElse(discard) == recover) {
            documents.recover().whenComplete((project, error) -> Platform.runLater(() -> {
                if (error != null) {
                    openDefaultSample();
                } else {
                    window.canvas().fitToContent();
                }
            }));
        } else {
            documents.deleteRecovery();
            openDefaultSample();
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
