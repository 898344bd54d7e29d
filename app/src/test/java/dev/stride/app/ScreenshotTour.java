package dev.stride.app;

import dev.stride.app.editor.DesignerViewModel;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.project.Project;
import dev.stride.engine.project.Templates;
import java.io.File;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Not a test: a main class that drives the real window (run it under Xvfb) into the states worth showing and
 * writes PNG screenshots to the folder given as first argument. Used to look at the UI, not to assert on it.
 */
public final class ScreenshotTour extends Application {
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private StrideApp app;
    private Stage stage;
    private File folder;

    public static void main(String[] args) {
        launch(ScreenshotTour.class, args);
    }

    @Override
    public void start(Stage primaryStage) throws Exception {
        folder = new File(getParameters().getRaw().isEmpty() ? "shots" : getParameters().getRaw().get(0));
        folder.mkdirs();
        stage = primaryStage;
        app = new StrideApp();
        app.start(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1600);
        stage.setHeight(1000);
        DesignerViewModel model = app.model();
        steps.add(() -> {
            model.load(Project.of(Templates.find("lenet5").orElseThrow().network().get()), null, false);
            app.window().canvas().fitToContent();
            select(model, "conv2d_1");
        });
        steps.add(() -> shot("designer-lenet.png"));
        steps.add(() -> {
            model.load(Project.of(Templates.find("resnet-small").orElseThrow().network().get()), null, false);
            app.window().canvas().fitToContent();
            // Break the residual block: the projection shortcut no longer halves the size, so Add cannot match.
            LayerNode shortcut = model.network().findByName("conv2d_5").orElseThrow();
            model.editSpec(shortcut.id(), ((Conv2DSpec) shortcut.spec()).withStrides(Size2D.square(1)),
                    "Set strides of conv2d_5 to 1×1", null);
            select(model, "add_1");
        });
        steps.add(() -> shot("designer-residual-error.png"));
        steps.add(() -> {
            app.switchLanguage(Locale.SIMPLIFIED_CHINESE);
            model.load(Project.of(Templates.find("mnist-convnet").orElseThrow().network().get()), null, false);
            select(model, "conv2d");
        });
        steps.add(() -> app.window().canvas().fitToContent());
        steps.add(() -> shot("designer-chinese.png"));
        steps.add(Platform::exit);
        next();
    }

    private static void select(DesignerViewModel model, String name) {
        model.network().findByName(name).ifPresent(node -> model.select(node.id()));
    }

    private void next() {
        PauseTransition pause = new PauseTransition(Duration.millis(1500));
        pause.setOnFinished(event -> {
            Runnable step = steps.poll();
            if (step != null) {
                step.run();
                next();
            }
        });
        pause.play();
    }

    private void shot(String name) {
        try {
            File file = new File(folder, name);
            ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", file);
            System.out.println("wrote " + file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
