package dev.stride.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        // A fresh home: no recovery file from another run may put a dialog in front of the window.
        System.setProperty("stride.home", java.nio.file.Files.createTempDirectory("stride-home").toString());
        new StrideApp().start(stage);
    }

    @Test
    void mainWindowShowsPaletteCanvasPropertiesAndDock(FxRobot robot) {
        assertThat(robot.lookup("#palette").tryQuery()).isPresent();
        assertThat(robot.lookup("#canvas").tryQuery()).isPresent();
        assertThat(robot.lookup("#properties").tryQuery()).isPresent();
        TabPane dock = robot.lookup("#dock").queryAs(TabPane.class);
        assertThat(dock.getTabs()).extracting(tab -> tab.getText())
                .containsExactly("Summary", "Training", "Gallery", "Code", "Explainer");
    }

    @Test
    void statusBarShowsTheBackendOnceNd4jHasLoaded(FxRobot robot) throws Exception {
        Label backend = robot.lookup("#backendStatus").queryAs(Label.class);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (backend.getText().contains("loading") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(backend.getText()).startsWith("Backend: CPU");
    }

    @Test
    void paletteSearchHidesLayersThatDoNotMatch(FxRobot robot) {
        robot.clickOn("#paletteSearch").write("pool");
        assertThat(robot.lookup(".palette-item").queryAllAs(Label.class))
                .filteredOn(Label::isVisible)
                .extracting(Label::getText)
                .allMatch(name -> name.toLowerCase().contains("pool"))
                .hasSize(4);
    }
}
