package dev.stride.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.app.common.AppContext;
import dev.stride.app.common.Messages;
import dev.stride.app.common.UiScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Trains the default sample (lenet-digits.stride: LeNet on the bundled digits, 4,000 training images of 20×20 grey
 * in 10 classes) for one epoch from the UI, headless: the design compiled by engine.dl4j, the data from engine.data.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    /** The digits' training files hold 400 images per class; the sample's 0.05 stratified split keeps 20 of each. */
    private static final int DIGITS_VALIDATION_IMAGES = 200;

    @TempDir
    static Path projectFolder;

    private AppContext context;
    private TrainingView view;

    @Start
    void start(Stage stage) {
        context = AppContext.create(Messages.of(Locale.ENGLISH));
        TrainingViewModel vm = new TrainingViewModel(context.messages(), UiScheduler.fx(), context.background(),
                DatasetLauncher.compilingTheDesign(), DrainClock.fxTimeline(100), projectFolder.resolve("unsaved"));
        view = new TrainingView(vm, context.messages());
        view.openProject(sampleCopy());
        stage.setScene(new Scene(view.root(), 1400, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        context.shutdown();
    }

    @Test
    void oneEpochFromTheUiStreamsCurvesFinishesAndShowsAFullConfusionMatrix(FxRobot robot) throws Exception {
        TrainingViewModel vm = view.viewModel();
        Spinner<?> epochs = robot.lookup("#trainingEpochs").queryAs(Spinner.class);
        robot.doubleClickOn(epochs.getEditor()).eraseText(3).write("1");
        robot.clickOn("#trainingBatchSize");
        assertThat(vm.epochsProperty().get()).isEqualTo(1);
        assertThat(vm.networkProperty().get().size()).isEqualTo(8);
        assertThat(vm.datasetKindProperty().get()).isEqualTo(DatasetChoice.Kind.PROJECT_DATASET);

        robot.clickOn("#trainingStart");
        assertThat(robot.lookup("#trainingLockBanner").query().isVisible()).isTrue();
        LineChart<?, ?> iterations = robot.lookup("#chartIterationLoss").queryAs(LineChart.class);
        waitFor(60, () -> !iterations.getData().get(0).getData().isEmpty());

        waitFor(120, () -> vm.stateProperty().get() == RunState.FINISHED);
        assertThat(robot.lookup("#trainingLockBanner").query().isVisible()).isFalse();
        assertThat(iterations.getData().get(0).getData().size()).isEqualTo(vm.pointsReceived(
                TrainingViewModel.Curve.ITERATION_LOSS));

        // The charts export as a PNG of the curves page, written atomically.
        Path png = projectFolder.resolve("curves.png");
        robot.interact(() -> {
            try {
                TrainingView.writePng(view.chartRow(), png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage written = javax.imageio.ImageIO.read(png.toFile());
        assertThat(written.getWidth()).isEqualTo((int) Math.ceil(view.chartRow().getLayoutBounds().getWidth()));

        robot.clickOn("#trainingPageEvaluation");
        waitFor(60, () -> robot.lookup(".confusion-cell").queryAll().size() == 100);
        int total = 0;
        for (Node cell : robot.lookup(".confusion-cell").queryAll()) {
            Label count = (Label) ((StackPane) cell).getChildren().get(1);
            total += Integer.parseInt(count.getText());
        }
        assertThat(total).isEqualTo(vm.inspectorProperty().get().evaluationSize()).isEqualTo(DIGITS_VALIDATION_IMAGES);

        // A cell lists its images.
        Node diagonal = robot.lookup(".confusion-cell.diagonal").queryAll().stream()
                .filter(cell -> !((Label) ((StackPane) cell).getChildren().get(1)).getText().equals("0"))
                .findFirst().orElseThrow();
        int expected = Integer.parseInt(((Label) ((StackPane) diagonal).getChildren().get(1)).getText());
        robot.clickOn(diagonal);
        waitFor(30, () -> robot.lookup("#cellExamples").queryAs(javafx.scene.layout.FlowPane.class)
                .getChildren().size() == Math.min(60, expected));

        // The run was kept beside the project, with the design's fingerprint.
        try (var files = Files.list(projectFolder.resolve("lenet-digits.stride.runs"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSize(1);
        }
        assertThat(vm.runs()).singleElement().satisfies(run -> assertThat(run.architecture()).hasSize(vm.networkProperty().get().size()));
    }

    /** The default sample copied to a temporary folder (so its runs land there), its dataset path made absolute. */
    private static Path sampleCopy() {
        try {
            Path samples = samplesFolder();
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                    samples.resolve("lenet-digits.stride").toFile());
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("dataset")).put("path",
                    samples.resolve("digits").toString());
            Path copy = projectFolder.resolve("lenet-digits.stride");
            json.writeValue(copy.toFile(), tree);
            return copy;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The repository's samples/ folder, from the module folder Maven runs tests in. */
    private static Path samplesFolder() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve("samples").resolve("digits"))) {
                return folder.resolve("samples");
            }
        }
        throw new IllegalStateException("samples/digits not found above " + Path.of("").toAbsolutePath());
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
