package dev.stride.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.export.ExportFormat;
import dev.stride.engine.keras.KerasModelReader;
import dev.stride.engine.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Export and the Code tab on the default sample, headless. */
@ExtendWith(ApplicationExtension.class)
class ExportUiTest {
    private final StrideApp app = new StrideApp();

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void theExportMenuWritesEveryDesignFormatAndKerasJsonReadsBackAsTheSameNetwork(FxRobot robot) throws Exception {
        waitUntil(() -> app.model().network().size() > 0);
        robot.clickOn("File").clickOn("Export");
        assertThat(robot.lookup("Keras (Python)…").tryQuery()).isPresent();
        assertThat(robot.lookup("ONNX (fresh weights)…").tryQuery()).isPresent();
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);

        for (ExportFormat format : dev.stride.app.project.DesignExport.designFormats()) {
            Path target = folder.resolve("lenet" + format.extension().replace(".", "-" + format.cliName() + "."));
            if (format == ExportFormat.DL4J_JAVA) {
                target = folder.resolve("LenetDigits.java");
            }
            Path written = app.window().exportTo(format, target).get(60, TimeUnit.SECONDS);
            assertThat(Files.size(written)).as(format.cliName()).isPositive();
        }
        Path json = folder.resolve("lenet-keras-json.json");
        Network reread = KerasModelReader.read(Files.readString(json));
        Network design = app.model().network();
        assertThat(reread.nodes()).extracting(n -> n.spec()).containsExactlyElementsOf(
                design.nodes().stream().map(n -> n.spec()).toList());
        assertThat(Files.readString(folder.resolve("lenet-pytorch.py"))).contains("nn.Module");
    }

    @Test
    void theCodeTabShowsTheSelectedLayerAsKerasAndTheDesignAsCode(FxRobot robot) throws Exception {
        waitUntil(() -> app.model().network().size() > 0);
        robot.clickOn("Code");
        var conv = app.model().network().findByName("conv2d").orElseThrow();
        robot.interact(() -> app.model().select(conv.id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#codeLayerLine").queryAs(TextField.class).getText())
                .startsWith("layers.Conv2D(20, (5, 5)").contains("padding=\"same\"");
        assertThat(robot.lookup("#codeText").queryAs(TextArea.class).getText()).contains("import keras")
                .contains("layers.Conv2D(50, (5, 5)");
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(10, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the default sample did not open within 60 s");
    }
}
