package dev.stride.app.data;

import dev.stride.app.common.LatestRequestRunner;
import dev.stride.app.common.Messages;
import dev.stride.app.common.UiScheduler;
import dev.stride.engine.data.ClassBalance;
import dev.stride.engine.data.Dataset;
import dev.stride.engine.data.DatasetItem;
import dev.stride.engine.data.DatasetLoader;
import dev.stride.engine.data.DatasetSpec;
import dev.stride.engine.data.DatasetType;
import dev.stride.engine.data.ImageDataset;
import dev.stride.engine.data.ImageSize;
import dev.stride.engine.data.SkippedFile;
import dev.stride.engine.data.vision.AugmentationPreview;
import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.data.vision.AugmentationSettings.Transform;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ImageDecodeException;
import dev.stride.engine.data.vision.ImagePipeline;
import dev.stride.engine.data.vision.Preprocessing;
import dev.stride.engine.data.vision.ResizeMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The gallery's state without any Node: the dataset, its classes and counts, the class filter and the items it
 * leaves, the selected item, skipped files, the shared augmentation settings and the preview they produce.
 */
public final class GalleryViewModel {
    /** Augmented variants in the preview grid (3 × 3). */
    public static final int PREVIEW_VARIANTS = 9;
    /** Side of a gallery thumbnail; smaller images are shown as they are. */
    public static final int THUMBNAIL_SIZE = 64;
    /** The class filter's value for "every class". */
    public static final int ALL_CLASSES = -1;
    /** Input size for the preview of folders of mixed sizes, until the network's input is known. */
    static final Preprocessing FOLDER_PREVIEW_INPUT = Preprocessing.of(96, 96, 3);

    // At most 64×64×3 bytes each: about 25 MB for photos, under 1 MB for digits.
    private static final int THUMBNAIL_CACHE = 2_000;

    private final Messages messages;
    private final UiScheduler ui;
    private final int thumbnailThreads;
    private final LatestRequestRunner loadRunner;
    private final LatestRequestRunner previewRunner;
    private final AtomicLong previewGeneration = new AtomicLong();
    private final SplittableRandom seeds;
    private volatile DecodedSource lastSource;

    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ObservableList<ClassCount> classes = FXCollections.observableArrayList();
    // Made once: an unmodifiable view forwards changes only while it is referenced.
    private final ObservableList<ClassCount> classesView = FXCollections.unmodifiableObservableList(classes);
    private final IntegerProperty classFilter = new SimpleIntegerProperty(this, "classFilter", ALL_CLASSES);
    private final ReadOnlyObjectWrapper<ObservableList<DatasetItem>> items =
            new ReadOnlyObjectWrapper<>(this, "items", FXCollections.emptyObservableList());
    private final ObjectProperty<DatasetItem> selectedItem = new SimpleObjectProperty<>(this, "selectedItem");
    private final ObservableList<SkippedFile> skipped = FXCollections.observableArrayList();
    private final ObservableList<SkippedFile> skippedView = FXCollections.unmodifiableObservableList(skipped);
    private final ObjectProperty<AugmentationSettings> augmentation =
            new SimpleObjectProperty<>(this, "augmentation", startingAugmentation());
    private final ObjectProperty<Preprocessing> previewInput = new SimpleObjectProperty<>(this, "previewInput");
    private final ReadOnlyLongWrapper seed = new ReadOnlyLongWrapper(this, "seed");
    private final ReadOnlyObjectWrapper<PreviewResult> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper previewProblem = new ReadOnlyStringWrapper(this, "previewProblem", "");
    private final ReadOnlyIntegerWrapper previewRequests = new ReadOnlyIntegerWrapper(this, "previewRequests");
    private final ReadOnlyObjectWrapper<ThumbnailLoader> thumbnails = new ReadOnlyObjectWrapper<>(this, "thumbnails");

    /**
     * @param background       runs dataset loading and preview rendering
     * @param ui               delivers results (the FX thread in the app, the caller's thread in tests)
     * @param thumbnailThreads threads that decode gallery thumbnails
     * @param seedSource       seeds the preview and each "shuffle"
     */
    public GalleryViewModel(Messages messages, Executor background, UiScheduler ui, int thumbnailThreads,
                            long seedSource) {
        this.messages = messages;
        this.ui = ui;
        this.thumbnailThreads = thumbnailThreads;
        this.loadRunner = new LatestRequestRunner(background, ui);
        this.previewRunner = new LatestRequestRunner(background, ui);
        this.seeds = new SplittableRandom(seedSource);
        seed.set(seeds.nextLong());
        classFilter.addListener((obs, old, value) -> showItems());
        selectedItem.addListener((obs, old, value) -> requestPreview());
        augmentation.addListener((obs, old, value) -> requestPreview());
        previewInput.addListener((obs, old, value) -> requestPreview());
    }

    /** MNIST-style starting settings: small rotations, zooms and shifts, no flips (a mirrored 2 is no 2). */
    public static AugmentationSettings startingAugmentation() {
        return AugmentationSettings.NONE.withRotation(new Transform(1, 10)).withZoom(new Transform(1, 0.1))
                .withWidthShift(new Transform(1, 0.1)).withHeightShift(new Transform(1, 0.1));
    }

    /** The bundled digits, found from the samples folder. */
    public void loadDigits(Path samplesFolder) {
        load(DatasetSpec.of(DatasetType.DIGITS, null), samplesFolder);
    }

    /** Loads a dataset in the background; a newer load wins. */
    public void load(DatasetSpec spec, Path baseFolder) {
        startLoading(() -> DatasetLoader.load(spec, baseFolder));
    }

    /** Opens a folder of class folders, a folder of IDX files, an IDX file or a CSV table. */
    public void open(Path path) {
        startLoading(() -> DatasetLoader.load(DatasetLoader.detect(path), null));
    }

    private void startLoading(java.util.function.Supplier<Dataset> work) {
        loading.set(true);
        problem.set("");
        loadRunner.submit(work, this::show, error -> {
            loading.set(false);
            problem.set(error.getMessage() == null ? error.toString() : error.getMessage());
        });
    }

    /** Shows {@code source}: its classes, every item, and the first one selected. */
    public void show(Dataset source) {
        loading.set(false);
        ThumbnailLoader old = thumbnails.get();
        if (old != null) {
            old.close();
        }
        lastSource = null;
        dataset.set(source);
        ClassBalance balance = source.balance();
        List<ClassCount> counts = new ArrayList<>();
        counts.add(new ClassCount(ALL_CLASSES, messages.get("gallery.filter.all"), balance.total()));
        for (int c = 0; c < balance.classNames().size(); c++) {
            counts.add(new ClassCount(c, balance.classNames().get(c), balance.counts().get(c)));
        }
        classes.setAll(counts);
        if (source instanceof ImageDataset images) {
            problem.set("");
            thumbnails.set(new ThumbnailLoader(index -> thumbnail(images, index), THUMBNAIL_CACHE, thumbnailThreads,
                    ui));
        } else {
            problem.set(messages.get("gallery.table", source.description()));
            thumbnails.set(null);
        }
        refreshSkipped();
        if (classFilter.get() == ALL_CLASSES) {
            showItems();
        } else {
            classFilter.set(ALL_CLASSES);
        }
        ObservableList<DatasetItem> shown = items.get();
        DatasetItem first = shown.isEmpty() ? null : shown.get(0);
        if (java.util.Objects.equals(first, selectedItem.get())) {
            // Same index and name in a reloaded dataset: no change event, but the picture may differ.
            requestPreview();
        } else {
            selectedItem.set(first);
        }
    }

    private static ImageData thumbnail(ImageDataset images, int index) throws ImageDecodeException {
        ImageData image = images.read(index);
        if (image.width() <= THUMBNAIL_SIZE && image.height() <= THUMBNAIL_SIZE) {
            return image;
        }
        // Shrunk by the engine's own resize (OpenCV, area interpolation), keeping the aspect ratio.
        Preprocessing thumbnail = Preprocessing.of(THUMBNAIL_SIZE, THUMBNAIL_SIZE, image.channels())
                .withResize(ResizeMode.PAD);
        return new ImagePipeline(thumbnail, AugmentationSettings.NONE).process(image, 0L);
    }

    private void showItems() {
        Dataset source = dataset.get();
        if (!(source instanceof ImageDataset images)) {
            items.set(FXCollections.emptyObservableList());
            return;
        }
        int filter = classFilter.get();
        // Wrapped, not copied: the engine's lists create items as they are read, so 60,000 cost nothing up front.
        List<DatasetItem> list = filter == ALL_CLASSES || filter >= images.classNames().size() ? images.items()
                : images.itemsOfClass(filter);
        items.set(FXCollections.unmodifiableObservableList(FXCollections.observableList(list)));
    }

    /** Re-reads the skipped files: decoding can discover new bad files after the folder scan. */
    public void refreshSkipped() {
        Dataset source = dataset.get();
        List<SkippedFile> now = source == null ? List.of() : source.skipped();
        if (!now.equals(skipped)) {
            skipped.setAll(now);
        }
    }

    /** A new seed for the preview: nine fresh draws under the same settings. */
    public void shuffle() {
        seed.set(seeds.nextLong());
        requestPreview();
    }

    /** The class name of {@code item}. */
    public String className(DatasetItem item) {
        Dataset source = dataset.get();
        return source == null ? "" : source.classNames().get(item.label());
    }

    /** The input the preview renders at: the one set from the network, else the dataset's own size. */
    public Preprocessing effectivePreviewInput() {
        if (previewInput.get() != null) {
            return previewInput.get();
        }
        if (dataset.get() instanceof ImageDataset images && images.uniformSize().isPresent()) {
            ImageSize size = images.uniformSize().get();
            return Preprocessing.of(size.width(), size.height(), size.channels());
        }
        return FOLDER_PREVIEW_INPUT;
    }

    private void requestPreview() {
        DatasetItem item = selectedItem.get();
        if (!(dataset.get() instanceof ImageDataset images) || item == null) {
            previewGeneration.incrementAndGet();
            preview.set(null);
            return;
        }
        AugmentationSettings settings = augmentation.get();
        long previewSeed = seed.get();
        Preprocessing input = effectivePreviewInput();
        long generation = previewGeneration.incrementAndGet();
        long requested = System.nanoTime();
        previewRequests.set(previewRequests.get() + 1);
        previewRunner.submit(() -> {
            long started = System.nanoTime();
            ImageData source = source(images, item.index());
            // The engine's training path: same pipeline, same per-variant seeds.
            List<ImageData> variants = AugmentationPreview.variants(source, new ImagePipeline(input, settings),
                    previewSeed, PREVIEW_VARIANTS, () -> previewGeneration.get() != generation);
            return new PreviewResult(item, source, variants, settings, input, previewSeed,
                    System.nanoTime() - started, 0);
        }, result -> {
            previewProblem.set("");
            preview.set(result.deliveredAfter(System.nanoTime() - requested));
        }, error -> {
            previewProblem.set(messages.get("gallery.preview.failed", item.name(), error.getMessage()));
            preview.set(null);
            refreshSkipped();
        });
    }

    private ImageData source(ImageDataset images, int index) {
        DecodedSource cached = lastSource;
        if (cached != null && cached.dataset() == images && cached.index() == index) {
            return cached.image();
        }
        try {
            ImageData image = images.read(index);
            lastSource = new DecodedSource(images, index, image);
            return image;
        } catch (ImageDecodeException e) {
            throw new IllegalStateException(e.reason(), e);
        }
    }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the dataset cannot be shown, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "All" first, then each class with its number of usable examples. */
    public ObservableList<ClassCount> classes() {
        return classesView;
    }

    /** The class shown, or {@link #ALL_CLASSES}. */
    public IntegerProperty classFilterProperty() {
        return classFilter;
    }

    /** The items the filter leaves, in dataset order. */
    public ReadOnlyObjectProperty<ObservableList<DatasetItem>> itemsProperty() {
        return items.getReadOnlyProperty();
    }

    public ObjectProperty<DatasetItem> selectedItemProperty() {
        return selectedItem;
    }

    public ObservableList<SkippedFile> skipped() {
        return skippedView;
    }

    /** The augmentation settings, shared with training: bind both to the same value. */
    public ObjectProperty<AugmentationSettings> augmentationProperty() {
        return augmentation;
    }

    /** The network's input (size, channels, resize); null to use the dataset's own size. */
    public ObjectProperty<Preprocessing> previewInputProperty() {
        return previewInput;
    }

    public ReadOnlyLongProperty seedProperty() {
        return seed.getReadOnlyProperty();
    }

    /** The latest preview delivered; null until the first one, or when nothing is selected. */
    public ReadOnlyObjectProperty<PreviewResult> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewProblemProperty() {
        return previewProblem.getReadOnlyProperty();
    }

    /** Preview requests made so far (each settings change, selection or shuffle is one). */
    public ReadOnlyIntegerProperty previewRequestsProperty() {
        return previewRequests.getReadOnlyProperty();
    }

    /** Decodes thumbnails of the current image dataset; null for tables or before a dataset is shown. */
    public ReadOnlyObjectProperty<ThumbnailLoader> thumbnailsProperty() {
        return thumbnails.getReadOnlyProperty();
    }

    /**
     * One entry of the class filter.
     *
     * @param classIndex the label, or {@link #ALL_CLASSES}
     * @param name       the class name, or "All classes"
     * @param count      usable examples
     */
    public record ClassCount(int classIndex, String name, int count) {
    }

    /**
     * A rendered preview: the source image and its augmented variants under the settings and seed they came from.
     *
     * @param renderNanos  decoding the source and drawing the variants, on the background thread
     * @param elapsedNanos from the request to its delivery on the UI thread (queueing included)
     */
    public record PreviewResult(DatasetItem item, ImageData source, List<ImageData> variants,
                                AugmentationSettings settings, Preprocessing input, long seed, long renderNanos,
                                long elapsedNanos) {
        PreviewResult deliveredAfter(long nanos) {
            return new PreviewResult(item, source, variants, settings, input, seed, renderNanos, nanos);
        }
    }

    private record DecodedSource(ImageDataset dataset, int index, ImageData image) {
    }
}
