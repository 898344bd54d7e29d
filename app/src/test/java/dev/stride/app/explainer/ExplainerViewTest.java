package dev.stride.app.explainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.app.StrideApp;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ExplainerViewTest {

    @Start
    void start(Stage stage) throws Exception {
        new StrideApp().start(stage);
    }

    private static void openUneven(FxRobot robot) {
        robot.clickOn(robot.lookup(".tab").match(node -> node.getId() != null
                && node.getId().equals("dock.explainer")).queryAs(javafx.scene.Node.class));
        robot.clickOn("#explainerPresets");
        robot.clickOn(robot.lookup(".menu-item").lookup(".label").match(node -> node instanceof Label label
                && label.getText().startsWith("Uneven")).queryAs(Label.class));
    }

    @Test
    void opensTheExplainerPicksTheUnevenPresetAndSteps(FxRobot robot) {
        openUneven(robot);

        assertThat(robot.lookup("#explainerInput").queryAs(Spinner.class).getValue()).isEqualTo(6);
        assertThat(robot.lookup("#explainerRowFormula").queryAs(Label.class).getText()).endsWith("= 3");
        assertThat(robot.lookup("#explainerCoverageNote").queryAs(Label.class).getText()).contains("padded rows 7");

        robot.clickOn("#explainerForward").clickOn("#explainerForward");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#explainerStatus").queryAs(Label.class).getText())
                .startsWith("Frame 3 of 9: output (0, 2)");
        robot.clickOn("#explainerBack");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#explainerStatus").queryAs(Label.class).getText()).startsWith("Frame 2 of 9");
    }

    @Test
    void presentationModeStepsWithTheKeyboard(FxRobot robot) {
        openUneven(robot);
        robot.clickOn("#explainerPresent");
        WaitForAsyncUtils.waitForFxEvents();

        robot.type(KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();

        Label status = robot.lookup("#explainerPresentation #explainerStatus").queryAs(Label.class);
        assertThat(status.getText()).startsWith("Frame 3 of 9");
        javafx.stage.Window presentation = status.getScene().getWindow();
        robot.interact(presentation::hide);
    }

    @AfterEach
    void closeEveryWindow() throws Exception {
        // A presentation window left open would be drawn while the next test's stage is set up.
        FxToolkit.cleanupStages();
    }

    @Test
    void theExportedGifHasOneFramePerStep(FxRobot robot, @TempDir Path folder) throws Exception {
        openUneven(robot);
        ExplainerView view = (ExplainerView) robot.lookup("#explainer").queryAs(javafx.scene.Parent.class)
                .getProperties().get(ExplainerView.class);
        Path gif = folder.resolve("uneven.gif");

        CompletableFuture<CompletableFuture<Integer>> started = new CompletableFuture<>();
        robot.interact(() -> started.complete(view.export(ExplainerFrameExport.Format.GIF, gif)));
        int frames = started.get(5, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);

        assertThat(frames).isEqualTo(9);
        try (ImageInputStream stream = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(stream).next();
            reader.setInput(stream);
            assertThat(reader.getNumImages(true)).isEqualTo(9);
            BufferedImage first = reader.read(0);
            assertThat(first.getWidth()).isEqualTo(ExplainerFrameExport.WIDTH);
            assertThat(first.getHeight()).isEqualTo(ExplainerFrameExport.HEIGHT);
            reader.dispose();
        }
    }
}
