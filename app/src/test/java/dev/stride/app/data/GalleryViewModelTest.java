package dev.stride.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.app.common.Messages;
import dev.stride.app.common.UiScheduler;
import dev.stride.engine.data.DatasetItem;
import dev.stride.engine.data.ImageFolderDataset;
import dev.stride.engine.data.ShapesDataset;
import dev.stride.engine.data.SkippedFile;
import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.data.vision.AugmentationSettings.Transform;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ImagePipeline;
import dev.stride.engine.data.vision.Seeds;
import dev.stride.engine.data.vision.ShapeKind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gallery's state, run on the calling thread: no Stage, no FX toolkit. */
class GalleryViewModelTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    private final GalleryViewModel viewModel = new GalleryViewModel(Messages.of(Locale.ENGLISH), Runnable::run,
            UiScheduler.immediate(), 1, 7L);

    @AfterEach
    void closeThumbnails() {
        if (viewModel.thumbnailsProperty().get() != null) {
            viewModel.thumbnailsProperty().get().close();
        }
    }

    private static ShapesDataset shapes(int perClass) {
        return new ShapesDataset(List.of(ShapeKind.CIRCLE, ShapeKind.SQUARE, ShapeKind.TRIANGLE), perClass, 32, 3L);
    }

    @Test
    void classesListEveryClassWithItsCountAfterAnAllEntry() {
        viewModel.show(shapes(20));

        assertThat(viewModel.classes()).extracting(GalleryViewModel.ClassCount::classIndex,
                        GalleryViewModel.ClassCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GalleryViewModel.ALL_CLASSES, 60),
                        org.assertj.core.groups.Tuple.tuple(0, 20), org.assertj.core.groups.Tuple.tuple(1, 20),
                        org.assertj.core.groups.Tuple.tuple(2, 20));
        assertThat(viewModel.classes().get(0).name()).isEqualTo("All classes");
        assertThat(viewModel.itemsProperty().get()).hasSize(60);
    }

    @Test
    void theClassFilterShowsOnlyThatClassAndAllShowsEverythingAgain() {
        viewModel.show(shapes(20));

        viewModel.classFilterProperty().set(2);
        assertThat(viewModel.itemsProperty().get()).hasSize(20).allMatch(item -> item.label() == 2);

        viewModel.classFilterProperty().set(GalleryViewModel.ALL_CLASSES);
        assertThat(viewModel.itemsProperty().get()).hasSize(60);
    }

    @Test
    void theBundledDigitsLoadWithTenClassesAndTheFirstDigitSelected() {
        viewModel.loadDigits(SAMPLES);

        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(viewModel.classes()).hasSize(11);
        assertThat(viewModel.classes().get(0).count()).isEqualTo(viewModel.itemsProperty().get().size())
                .isGreaterThan(1000);
        assertThat(viewModel.selectedItemProperty().get()).isEqualTo(viewModel.itemsProperty().get().get(0));
        assertThat(viewModel.previewProperty().get().variants()).hasSize(GalleryViewModel.PREVIEW_VARIANTS);
    }

    @Test
    void selectingAnItemPreviewsItThroughTheTrainingPipeline() {
        ShapesDataset dataset = shapes(10);
        viewModel.show(dataset);
        DatasetItem item = viewModel.itemsProperty().get().get(17);

        viewModel.selectedItemProperty().set(item);

        GalleryViewModel.PreviewResult preview = viewModel.previewProperty().get();
        assertThat(preview.item()).isEqualTo(item);
        assertThat(preview.source()).isEqualTo(dataset.read(17));
        // What training draws for the same image and seed, variant by variant.
        ImagePipeline training = new ImagePipeline(preview.input(), viewModel.augmentationProperty().get());
        List<ImageData> expected = new ArrayList<>();
        for (int i = 0; i < GalleryViewModel.PREVIEW_VARIANTS; i++) {
            expected.add(training.process(dataset.read(17), Seeds.mix(preview.seed(), i)));
        }
        assertThat(preview.variants()).isEqualTo(expected);
    }

    @Test
    void changingTheSettingsRequestsANewPreviewUnderTheNewSettings() {
        viewModel.show(shapes(10));
        int before = viewModel.previewRequestsProperty().get();
        AugmentationSettings flipsOnly = AugmentationSettings.NONE.withHorizontalFlip(1);

        viewModel.augmentationProperty().set(flipsOnly);

        assertThat(viewModel.previewRequestsProperty().get()).isEqualTo(before + 1);
        GalleryViewModel.PreviewResult preview = viewModel.previewProperty().get();
        assertThat(preview.settings()).isEqualTo(flipsOnly);
        ImageData source = preview.source();
        ImageData mirrored = preview.variants().get(0);
        assertThat(mirrored.value(0, 5, 0)).isEqualTo(source.value(source.width() - 1, 5, 0));
    }

    @Test
    void shuffleDrawsANewSeedAndNewVariants() {
        viewModel.show(shapes(10));
        viewModel.augmentationProperty().set(AugmentationSettings.everything());
        long seed = viewModel.seedProperty().get();
        List<ImageData> variants = viewModel.previewProperty().get().variants();

        viewModel.shuffle();

        assertThat(viewModel.seedProperty().get()).isNotEqualTo(seed);
        assertThat(viewModel.previewProperty().get().seed()).isEqualTo(viewModel.seedProperty().get());
        assertThat(viewModel.previewProperty().get().variants()).isNotEqualTo(variants);
    }

    @Test
    void onlyTheLatestPreviewIsDeliveredAndStaleOnesAreDropped() {
        Queue<Runnable> queued = new ArrayDeque<>();
        GalleryViewModel queuedModel = new GalleryViewModel(Messages.of(Locale.ENGLISH), queued::add,
                UiScheduler.immediate(), 1, 7L);
        queuedModel.show(shapes(10));
        List<AugmentationSettings> delivered = new ArrayList<>();
        queuedModel.previewProperty().addListener((obs, old, preview) -> {
            if (preview != null) {
                delivered.add(preview.settings());
            }
        });
        AugmentationSettings rotation = AugmentationSettings.NONE.withRotation(new Transform(1, 30));
        AugmentationSettings noise = AugmentationSettings.NONE.withNoise(new Transform(1, 0.2));

        queuedModel.augmentationProperty().set(rotation);
        queuedModel.augmentationProperty().set(noise);
        while (!queued.isEmpty()) {
            queued.poll().run();
        }

        assertThat(delivered).containsExactly(noise);
        queuedModel.thumbnailsProperty().get().close();
    }

    @Test
    void skippedFilesAreListedWithTheirReasons(@TempDir Path folder) throws IOException {
        writePng(folder.resolve("cats/a.png"));
        writePng(folder.resolve("cats/b.png"));
        writePng(folder.resolve("dogs/c.png"));
        Files.write(folder.resolve("dogs/empty.png"), new byte[0]);
        Files.writeString(folder.resolve("dogs/notes.jpg"), "not a picture at all, just text", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("stray.txt"), "x", StandardCharsets.UTF_8);

        viewModel.show(ImageFolderDataset.scan(folder));

        assertThat(viewModel.itemsProperty().get()).hasSize(3);
        assertThat(viewModel.skipped()).extracting(skipped -> skipped.path().getFileName().toString())
                .contains("empty.png", "notes.jpg", "stray.txt");
        assertThat(viewModel.skipped()).extracting(SkippedFile::reason).allMatch(reason -> !reason.isBlank());
        assertThat(viewModel.skipped()).filteredOn(s -> s.path().endsWith("empty.png"))
                .extracting(SkippedFile::reason).containsExactly("empty file (0 bytes)");
    }

    @Test
    void aTableShowsItsClassCountsAndSaysItHasNoImages() {
        viewModel.open(SAMPLES.resolve("tabular/blobs.csv"));

        assertThat(viewModel.problemProperty().get()).contains("table");
        assertThat(viewModel.itemsProperty().get()).isEmpty();
        assertThat(viewModel.classes()).hasSizeGreaterThan(2);
        assertThat(viewModel.previewProperty().get()).isNull();
    }

    @Test
    void aMissingFolderIsReportedByName() {
        viewModel.open(Path.of("no-such-dataset-folder"));

        assertThat(viewModel.problemProperty().get()).contains("no-such-dataset-folder");
        assertThat(viewModel.loadingProperty().get()).isFalse();
    }

    private static void writePng(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xFF8800);
        ImageIO.write(image, "png", file.toFile());
    }
}
