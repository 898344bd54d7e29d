package dev.stride.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.app.common.Messages;
import dev.stride.app.common.UiScheduler;
import dev.stride.engine.data.DatasetItem;
import dev.stride.engine.data.ShapesDataset;
import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.data.vision.AugmentationSettings.Transform;
import dev.stride.engine.data.vision.ShapeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The gallery on a synthetic 60,000-image dataset: scrolling decodes only what is seen; the preview is live. */
@ExtendWith(ApplicationExtension.class)
class GalleryViewTest {
    private static final int IMAGES = 60_000;

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private GalleryViewModel viewModel;
    private GalleryView view;

    @Start
    void start(Stage stage) {
        viewModel = new GalleryViewModel(Messages.of(Locale.ENGLISH), background, UiScheduler.fx(), 2, 11L);
        view = new GalleryView(viewModel, Messages.of(Locale.ENGLISH));
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(view, 1300, 420);
        scene.getStylesheets().add(getClass().getResource("/dev/stride/resources/theme/stride.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        // 4 classes × 15,000 shapes drawn on demand: 60,000 items, none decoded up front.
        viewModel.show(new ShapesDataset(List.of(ShapeKind.CIRCLE, ShapeKind.SQUARE, ShapeKind.TRIANGLE,
                ShapeKind.STAR), IMAGES / 4, 32, 5L));
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void scrollingSixtyThousandImagesDecodesOnlyTheCellsShown(FxRobot robot) throws Exception {
        ThumbnailLoader loader = viewModel.thumbnailsProperty().get();
        waitUntil(() -> visibleCells(robot).stream().allMatch(cell -> cell.shownImage() != null), 30);
        int perScreen = renderedCells(robot).size();
        assertThat(perScreen).isBetween(8, 400);
        VirtualFlow<?> flow = robot.lookup("#galleryGrid .virtual-flow").queryAs(VirtualFlow.class);

        int jumps = 20;
        List<Long> jumpNanos = new ArrayList<>();
        List<Long> jumpCpuNanos = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int jump = 1; jump <= jumps; jump++) {
            double position = (double) jump / jumps;
            long[] took = onFx(() -> {
                long started = System.nanoTime();
                long cpuStarted = threads.getCurrentThreadCpuTime();
                flow.setPosition(position);
                flow.layout();
                return new long[] {System.nanoTime() - started, threads.getCurrentThreadCpuTime() - cpuStarted};
            });
            jumpNanos.add(took[0]);
            jumpCpuNanos.add(took[1]);
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitUntil(() -> visibleCells(robot).stream().allMatch(cell -> cell.shownImage() != null), 30);

        List<DatasetItem> shown = visibleCells(robot).stream().map(ThumbnailCell::getItem).toList();
        assertThat(shown).extracting(DatasetItem::index).contains(IMAGES - 1);
        int decoded = loader.decodeCount();
        System.out.printf(Locale.ROOT, "gallery: %d cells per screen, %d jumps over %d images decoded %d "
                        + "thumbnails; layout per jump median %.2f ms (FX thread CPU %.2f ms), max %.2f ms%n",
                perScreen, jumps, IMAGES, decoded, median(jumpNanos) / 1e6, median(jumpCpuNanos) / 1e6,
                Collections.max(jumpNanos) / 1e6);
        // Each screen passed decodes about what it shows (half again for rows cut at the edges), never the dataset.
        assertThat(decoded).isLessThanOrEqualTo((jumps + 1) * perScreen * 3 / 2).isLessThan(IMAGES / 10);
    }

    @Test
    void clickingAThumbnailShowsItLargeWithItsNameAndLabel(FxRobot robot) throws Exception {
        waitUntil(() -> visibleCells(robot).size() > 5 && visibleCells(robot).get(5).shownImage() != null, 30);
        ThumbnailCell cell = visibleCells(robot).get(5);
        DatasetItem item = cell.getItem();

        robot.clickOn(cell);
        waitUntil(() -> viewModel.previewProperty().get() != null
                && item.equals(viewModel.previewProperty().get().item()), 10);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#gallerySelectedName").queryLabeled().getText()).isEqualTo(item.name());
        assertThat(robot.lookup("#gallerySelectedLabel").queryLabeled().getText())
                .isEqualTo("Label: " + viewModel.className(item));
        ImageView large = robot.lookup("#galleryLarge").queryAs(ImageView.class);
        assertThat(large.getImage().getWidth()).isEqualTo(32);
        assertThat(large.getFitWidth()).isGreaterThan(32);

        robot.doubleClickOn(cell);
        waitUntil(() -> robot.lookup("#galleryLargeCaption").tryQuery().isPresent(), 10);
        assertThat(robot.lookup("#galleryLargeCaption").queryLabeled().getText())
                .isEqualTo(item.name() + " · label " + viewModel.className(item) + " · 32×32×3");
        onFx(() -> {
            robot.lookup("#galleryLargeCaption").query().getScene().getWindow().hide();
            return null;
        });
    }

    @Test
    void theNinePreviewImagesRefreshLiveWhenTheSettingsChange(FxRobot robot) throws Exception {
        waitUntil(() -> viewModel.previewProperty().get() != null, 30);
        List<Long> refreshNanos = new ArrayList<>();
        List<Long> renderNanos = new ArrayList<>();
        for (int change = 1; change <= 15; change++) {
            AugmentationSettings settings = AugmentationSettings.NONE.withRotation(new Transform(1, change * 10))
                    .withNoise(new Transform(1, 0.05));
            CompletableFuture<Long> shown = new CompletableFuture<>();
            long requested = onFx(() -> {
                // Registered after the view's own listener, so it runs once the nine images are written.
                viewModel.previewProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends GalleryViewModel.PreviewResult> o,
                                        GalleryViewModel.PreviewResult old, GalleryViewModel.PreviewResult result) {
                        if (result != null && result.settings().equals(settings)) {
                            viewModel.previewProperty().removeListener(this);
                            renderNanos.add(result.renderNanos());
                            shown.complete(System.nanoTime());
                        }
                    }
                });
                long now = System.nanoTime();
                viewModel.augmentationProperty().set(settings);
                return now;
            });
            refreshNanos.add(shown.get(10, TimeUnit.SECONDS) - requested);
        }
        List<ImageView> variants = robot.lookup(".preview-variant").queryAllAs(ImageView.class).stream().toList();
        assertThat(variants).hasSize(9).allMatch(v -> v.getImage() != null && v.getImage().getWidth() == 32);
        double medianMillis = median(refreshNanos) / 1e6;
        double renderMillis = median(renderNanos) / 1e6;
        System.out.printf(Locale.ROOT, "gallery: settings change -> 9 preview images shown: median %.2f ms, max "
                        + "%.2f ms over %d changes; rendering the 9 variants: median %.2f ms%n", medianMillis,
                Collections.max(refreshNanos) / 1e6, refreshNanos.size(), renderMillis);
        // The target is 100 ms; the bounds leave room for a CI machine shared by many jobs.
        assertThat(renderMillis).isLessThan(50);
        assertThat(medianMillis).isLessThan(250);
    }

    @Test
    void theClassFilterListsCountsAndNarrowsTheGrid(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<GalleryViewModel.ClassCount> filter =
                robot.lookup("#galleryFilter").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(filter.getItems()).extracting(GalleryViewModel.ClassCount::count)
                .containsExactly(IMAGES, IMAGES / 4, IMAGES / 4, IMAGES / 4, IMAGES / 4);
        onFx(() -> {
            filter.setValue(filter.getItems().get(3));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> !visibleCells(robot).isEmpty(), 10);
        assertThat(visibleCells(robot)).extracting(cell -> cell.getItem().label()).containsOnly(2);
        assertThat(robot.lookup("#galleryCount").queryLabeled().getText()).isEqualTo("15,000 images");
    }

    @Test
    void theFormEditsTheSharedSettingsAndShuffleDrawsNewVariants(FxRobot robot) throws Exception {
        waitUntil(() -> viewModel.previewProperty().get() != null, 30);
        long seed = viewModel.seedProperty().get();

        robot.clickOn("#augment-horizontal-flip");
        waitUntil(() -> viewModel.previewProperty().get().settings().horizontalFlip().probability() == 0.5, 10);
        assertThat(viewModel.augmentationProperty().get().horizontalFlip()).isEqualTo(new Transform(0.5, 0));

        robot.clickOn("#galleryShuffle");
        waitUntil(() -> viewModel.previewProperty().get().seed() != seed, 10);
        assertThat(viewModel.previewProperty().get().seed()).isEqualTo(viewModel.seedProperty().get());

        onFx(() -> {
            viewModel.augmentationProperty().set(AugmentationSettings.NONE);
            return null;
        });
        assertThat(robot.lookup("#augment-rotation").queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .as("the form follows settings changed elsewhere (the training form)").isFalse();
    }

    @Test
    void skippedFilesAreListedWithTheirReasons(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path
            folder) throws Exception {
        for (String name : List.of("cats/a.png", "dogs/b.png")) {
            java.nio.file.Path file = folder.resolve(name);
            java.nio.file.Files.createDirectories(file.getParent());
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        }
        java.nio.file.Files.write(folder.resolve("dogs/empty.jpg"), new byte[0]);

        onFx(() -> {
            viewModel.show(dev.stride.engine.data.ImageFolderDataset.scan(folder));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<dev.stride.engine.data.SkippedFile> skipped =
                robot.lookup("#gallerySkipped").queryAs(javafx.scene.control.ListView.class);
        assertThat(skipped.getItems()).extracting(file -> file.path().getFileName().toString())
                .containsExactly("empty.jpg");
        assertThat(robot.lookup(".titled-pane").queryAs(javafx.scene.control.TitledPane.class).getText())
                .isEqualTo("Skipped files (1)");
    }

    /** Cells holding an item, partly visible rows included. */
    private static List<ThumbnailCell> renderedCells(FxRobot robot) {
        return robot.lookup(".thumbnail-cell").queryAllAs(ThumbnailCell.class).stream()
                .filter(cell -> cell.getItem() != null && isTreeVisible(cell))
                .toList();
    }

    /** Cells wholly inside the grid's viewport. */
    private static List<ThumbnailCell> visibleCells(FxRobot robot) {
        return robot.lookup(".thumbnail-cell").queryAllAs(ThumbnailCell.class).stream()
                .filter(cell -> cell.getItem() != null && isTreeVisible(cell) && isInsideFlow(cell))
                .toList();
    }

    /** False for the hidden row VirtualFlow measures with and for pooled rows. */
    private static boolean isTreeVisible(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static boolean isInsideFlow(IndexedCell<?> cell) {
        var flow = cell.getParent();
        while (flow != null && !(flow instanceof VirtualFlow)) {
            flow = flow.getParent();
        }
        if (flow == null || cell.getScene() == null) {
            return false;
        }
        var cellBounds = cell.localToScene(cell.getBoundsInLocal());
        var flowBounds = flow.localToScene(flow.getBoundsInLocal());
        return cellBounds.getMinY() >= flowBounds.getMinY() - 1 && cellBounds.getMaxY() <= flowBounds.getMaxY() + 1;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean met = onFx(condition::getAsBoolean);
            if (met) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met within " + seconds + " s");
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
