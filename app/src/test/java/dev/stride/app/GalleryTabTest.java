package dev.stride.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.app.data.GalleryViewModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening the Gallery tab of the main window shows the bundled digits and their 3 × 3 augmentation preview. */
@ExtendWith(ApplicationExtension.class)
class GalleryTabTest {
    private final StrideApp app = new StrideApp();

    @Start
    void start(Stage stage) {
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void theGalleryTabShowsDigitThumbnailsAndANineImageAugmentationGrid(FxRobot robot) throws Exception {
        assertThat(robot.lookup(".thumbnail-cell").tryQuery()).as("digits load only once the tab is opened")
                .isEmpty();

        robot.clickOn("Gallery");

        waitUntil(robot, () -> shownThumbnails(robot) >= 10, 60);
        waitUntil(robot, () -> robot.lookup(".preview-variant").queryAllAs(ImageView.class).stream()
                .filter(view -> view.getImage() != null).count() == GalleryViewModel.PREVIEW_VARIANTS, 60);
        List<String> captions = robot.lookup(".thumbnail-caption").queryAllAs(Label.class).stream()
                .map(Label::getText).filter(text -> !text.isEmpty()).toList();
        assertThat(captions).isNotEmpty().allMatch(text -> text.matches("[0-9]"));
        assertThat(robot.lookup("#galleryCount").queryLabeled().getText()).matches("[0-9,]+ images");
        assertThat(robot.lookup("#gallerySelectedLabel").queryLabeled().getText()).isEqualTo("Label: 0");
    }

    private static long shownThumbnails(FxRobot robot) {
        return robot.lookup(".thumbnail-cell ImageView").queryAllAs(ImageView.class).stream()
                .filter(view -> view.getImage() != null).count();
    }

    private static void waitUntil(FxRobot robot, BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(10, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the gallery did not show within " + seconds + " s");
    }

}
