package dev.stride.app.data;

import dev.stride.app.common.AppContext;
import dev.stride.app.common.Messages;
import dev.stride.app.common.UiScheduler;
import dev.stride.engine.data.Dataset;
import dev.stride.engine.data.DatasetItem;
import dev.stride.engine.data.SkippedFile;
import dev.stride.engine.data.vision.ImageData;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.controlsfx.control.GridView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The gallery dock: a virtualised grid of the dataset's images with a class filter and the skipped files, the
 * selected image large beside a 3 × 3 grid of its augmented variants, and the augmentation settings form.
 */
public final class GalleryView extends SplitPane {
    static final double MIN_PREVIEW_CELL = 32;
    static final double MAX_PREVIEW_CELL = 110;
    static final double MAX_LARGE_IMAGE = 240;
    static final double LARGE_WINDOW = 512;

    private final GalleryViewModel viewModel;
    private final Messages messages;
    private final GridView<DatasetItem> grid = new GridView<>();
    private final ImageView largeImage = new ImageView();
    private final List<ImageView> variantViews = new ArrayList<>();
    private final List<WritableImage> variantImages = new ArrayList<>();
    private WritableImage largeBuffer;

    public GalleryView(GalleryViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        setId("gallery");
        getStyleClass().add("gallery");
        ScrollPane form = settingsForm();
        getItems().addAll(browser(), preview(), form);
        setDividerPositions(0.42, 0.69);
        SplitPane.setResizableWithParent(form, false);
    }

    /**
     * Puts a gallery into the dock's tab; the bundled digits load the first time the tab is shown, so start-up
     * does not pay for them.
     */
    public static GalleryView attach(Tab tab, AppContext context, Path samplesFolder) {
        GalleryViewModel viewModel = new GalleryViewModel(context.messages(), context.background(), UiScheduler.fx(),
                2, System.nanoTime());
        GalleryView view = new GalleryView(viewModel, context.messages());
        tab.setContent(view);
        if (tab.isSelected()) {
            viewModel.loadDigits(samplesFolder);
        } else {
            tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean old,
                                    Boolean selected) {
                    if (selected) {
                        tab.selectedProperty().removeListener(this);
                        if (viewModel.datasetProperty().get() == null) {
                            viewModel.loadDigits(samplesFolder);
                        }
                    }
                }
            });
        }
        return view;
    }

    public GalleryViewModel viewModel() {
        return viewModel;
    }

    private VBox browser() {
        MenuButton open = new MenuButton(messages.get("gallery.open"), new FontIcon(MaterialDesignF.FOLDER_OPEN));
        open.setId("galleryOpen");
        MenuItem folder = new MenuItem(messages.get("gallery.open.folder"));
        folder.setOnAction(event -> chooseFolder());
        MenuItem file = new MenuItem(messages.get("gallery.open.file"));
        file.setOnAction(event -> chooseFile());
        open.getItems().addAll(folder, file);

        ComboBox<GalleryViewModel.ClassCount> filter = new ComboBox<>(viewModel.classes());
        filter.setId("galleryFilter");
        filter.setVisibleRowCount(12);
        filter.setCellFactory(list -> new ClassCountCell());
        filter.setButtonCell(new ClassCountCell());
        filter.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                viewModel.classFilterProperty().set(value.classIndex());
            }
        });
        viewModel.classes().addListener((javafx.collections.ListChangeListener<GalleryViewModel.ClassCount>) c ->
                selectFilter(filter));
        viewModel.classFilterProperty().addListener((obs, old, value) -> selectFilter(filter));

        Label count = new Label();
        count.setId("galleryCount");
        count.getStyleClass().add("gallery-count");
        count.textProperty().bind(Bindings.createStringBinding(this::describeShown,
                viewModel.itemsProperty(), viewModel.datasetProperty()));
        count.setMinWidth(0);
        Tooltip description = new Tooltip();
        description.textProperty().bind(Bindings.createStringBinding(() -> viewModel.datasetProperty().get() == null
                ? "" : viewModel.datasetProperty().get().description(), viewModel.datasetProperty()));
        count.setTooltip(description);
        open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        filter.setMinWidth(150);
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(viewModel.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        HBox toolbar = new HBox(8, open, filter, loading, count);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 6, 4, 6));

        Label problem = new Label();
        problem.setId("galleryProblem");
        problem.getStyleClass().add("gallery-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        grid.setId("galleryGrid");
        grid.itemsProperty().bind(viewModel.itemsProperty());
        grid.setCellWidth(ThumbnailCell.IMAGE_SIZE + 8);
        grid.setCellHeight(ThumbnailCell.IMAGE_SIZE + 24);
        grid.setHorizontalCellSpacing(2);
        grid.setVerticalCellSpacing(2);
        grid.setCellFactory(view -> new ThumbnailCell(viewModel, this::openLarge));
        // Every row has the same height: telling the flow spares it measuring rows to estimate 60,000 of them.
        grid.skinProperty().addListener((obs, old, skin) -> {
            if (grid.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                flow.setFixedCellSize(grid.getCellHeight() + 2 * grid.getVerticalCellSpacing());
            }
        });
        VBox.setVgrow(grid, Priority.ALWAYS);

        ListView<SkippedFile> skippedList = new ListView<>(viewModel.skipped());
        skippedList.setId("gallerySkipped");
        skippedList.setPrefHeight(110);
        skippedList.setCellFactory(list -> new SkippedFileCell());
        TitledPane skipped = new TitledPane();
        skipped.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("gallery.skipped", viewModel.skipped().size()), viewModel.skipped()));
        skipped.setContent(skippedList);
        skipped.setExpanded(false);
        skipped.setAnimated(false);
        skipped.visibleProperty().bind(Bindings.isNotEmpty(viewModel.skipped()));
        skipped.managedProperty().bind(skipped.visibleProperty());

        VBox browser = new VBox(toolbar, problem, grid, skipped);
        browser.getStyleClass().add("gallery-browser");
        browser.setMinWidth(200);
        return browser;
    }

    private VBox preview() {
        Label title = new Label(messages.get("gallery.preview.title"));
        title.getStyleClass().add("gallery-heading");
        Button shuffle = new Button(messages.get("gallery.shuffle"), new FontIcon(MaterialDesignS.SHUFFLE_VARIANT));
        shuffle.setId("galleryShuffle");
        shuffle.setTooltip(new Tooltip(messages.get("gallery.shuffle.tip")));
        shuffle.setOnAction(event -> viewModel.shuffle());
        Label timing = new Label();
        timing.setId("galleryPreviewTime");
        timing.setTooltip(new Tooltip(messages.get("gallery.preview.time.tip")));
        timing.getStyleClass().add("gallery-count");
        HBox header = new HBox(8, title, shuffle, timing);
        header.setAlignment(Pos.CENTER_LEFT);

        HBox images = new HBox(12);
        images.setMinHeight(0);
        VBox.setVgrow(images, Priority.ALWAYS);
        // The dock is often short: the nine cells and the large image share whatever height it has.
        javafx.beans.binding.DoubleBinding cell = Bindings.createDoubleBinding(
                () -> Math.max(MIN_PREVIEW_CELL, Math.min(MAX_PREVIEW_CELL, (images.getHeight() - 6) / 3)),
                images.heightProperty());
        javafx.beans.binding.DoubleBinding large = Bindings.createDoubleBinding(
                () -> Math.max(MIN_PREVIEW_CELL, Math.min(MAX_LARGE_IMAGE, images.getHeight() - 44)),
                images.heightProperty());

        largeImage.setId("galleryLarge");
        largeImage.fitWidthProperty().bind(large);
        largeImage.fitHeightProperty().bind(large);
        largeImage.setPreserveRatio(true);
        StackPane largeFrame = new StackPane(largeImage);
        largeFrame.getStyleClass().addAll("preview-frame", "opens-large");
        largeFrame.setOnMouseClicked(event -> {
            if (viewModel.selectedItemProperty().get() != null) {
                openLarge(viewModel.selectedItemProperty().get());
            }
        });
        Tooltip.install(largeFrame, new Tooltip(messages.get("gallery.large.tip")));
        largeFrame.setMinSize(0, 0);
        largeFrame.prefWidthProperty().bind(large);
        largeFrame.prefHeightProperty().bind(large);
        largeFrame.maxWidthProperty().bind(large);
        largeFrame.maxHeightProperty().bind(large);
        Label name = new Label();
        name.setId("gallerySelectedName");
        name.maxWidthProperty().bind(large);
        Label label = new Label();
        label.setId("gallerySelectedLabel");
        label.getStyleClass().add("gallery-heading");
        VBox selected = new VBox(4, largeFrame, label, name);

        GridPane variants = new GridPane();
        variants.setId("galleryVariants");
        variants.setHgap(3);
        variants.setVgap(3);
        for (int i = 0; i < GalleryViewModel.PREVIEW_VARIANTS; i++) {
            ImageView view = new ImageView();
            view.fitWidthProperty().bind(cell);
            view.fitHeightProperty().bind(cell);
            view.setPreserveRatio(true);
            view.getStyleClass().add("preview-variant");
            StackPane frame = new StackPane(view);
            frame.getStyleClass().add("preview-frame");
            frame.setMinSize(0, 0);
            frame.prefWidthProperty().bind(cell);
            frame.prefHeightProperty().bind(cell);
            variants.add(frame, i % 3, i / 3);
            variantViews.add(view);
            variantImages.add(null);
        }
        Label problem = new Label();
        problem.getStyleClass().add("gallery-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.previewProblemProperty());
        problem.visibleProperty().bind(viewModel.previewProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        images.getChildren().addAll(selected, variants);
        VBox preview = new VBox(6, header, problem, images);
        preview.setPadding(new Insets(4, 8, 4, 8));
        preview.setMinWidth(0);
        shuffle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        timing.setMinWidth(0);

        viewModel.selectedItemProperty().addListener((obs, old, item) -> {
            name.setText(item == null ? "" : item.name());
            label.setText(item == null ? "" : messages.get("gallery.label", viewModel.className(item)));
        });
        viewModel.previewProperty().addListener((obs, old, result) -> {
            showPreview(result);
            // The first preview also loads OpenCV's native libraries: timing it would only say how slow that is.
            timing.setText(result == null || old == null ? "" : messages.get("gallery.preview.time",
                    String.format(Locale.ROOT, "%.1f", result.elapsedNanos() / 1e6)));
        });
        return preview;
    }

    private void showPreview(GalleryViewModel.PreviewResult result) {
        if (result == null) {
            largeImage.setImage(null);
            variantViews.forEach(view -> view.setImage(null));
            return;
        }
        largeBuffer = FxImages.write(result.source(), largeBuffer);
        largeImage.setSmooth(result.source().width() > largeImage.getFitWidth());
        largeImage.setImage(largeBuffer);
        for (int i = 0; i < variantViews.size(); i++) {
            if (i >= result.variants().size()) {
                variantViews.get(i).setImage(null);
                continue;
            }
            ImageData variant = result.variants().get(i);
            // Written into the same nine images each time: no allocation while a slider is dragged.
            WritableImage image = FxImages.write(variant, variantImages.get(i));
            variantImages.set(i, image);
            variantViews.get(i).setSmooth(variant.width() > variantViews.get(i).getFitWidth());
            variantViews.get(i).setImage(image);
        }
    }

    /** Opens {@code item} in a window of its own, as large as fits 512 px, once its preview has been read. */
    void openLarge(DatasetItem item) {
        GalleryViewModel.PreviewResult current = viewModel.previewProperty().get();
        if (current != null && current.item().equals(item)) {
            showLargeWindow(current);
            return;
        }
        viewModel.previewProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends GalleryViewModel.PreviewResult> obs,
                                GalleryViewModel.PreviewResult old, GalleryViewModel.PreviewResult result) {
                if (result == null || !result.item().equals(item)) {
                    if (!item.equals(viewModel.selectedItemProperty().get())) {
                        viewModel.previewProperty().removeListener(this);
                    }
                    return;
                }
                viewModel.previewProperty().removeListener(this);
                showLargeWindow(result);
            }
        });
    }

    private void showLargeWindow(GalleryViewModel.PreviewResult result) {
        ImageData source = result.source();
        double side = Math.max(source.width(), source.height());
        // Whole multiples keep small images (digits) pixel-sharp; large photos are shrunk to fit.
        double scale = side >= LARGE_WINDOW ? LARGE_WINDOW / side : Math.floor(LARGE_WINDOW / side);
        ImageView view = new ImageView(FxImages.write(source, null));
        view.setFitWidth(source.width() * scale);
        view.setFitHeight(source.height() * scale);
        view.setSmooth(scale < 1);
        Label caption = new Label(messages.get("gallery.large.caption", result.item().name(),
                viewModel.className(result.item()), source.width(), source.height(), source.channels()));
        caption.setId("galleryLargeCaption");
        VBox box = new VBox(8, view, caption);
        box.setPadding(new Insets(10));
        box.setAlignment(Pos.CENTER);
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.initOwner(getScene().getWindow());
        stage.setTitle(result.item().name());
        Scene scene = new Scene(box);
        scene.getStylesheets().setAll(getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
    }

    private ScrollPane settingsForm() {
        AugmentationForm form = new AugmentationForm(messages);
        form.setId("augmentationForm");
        form.settingsProperty().bindBidirectional(viewModel.augmentationProperty());
        Label title = new Label(messages.get("gallery.settings"));
        title.getStyleClass().add("gallery-heading");
        Button none = new Button(messages.get("gallery.settings.none"));
        none.setOnAction(event -> viewModel.augmentationProperty().set(
                dev.stride.engine.data.vision.AugmentationSettings.NONE));
        Button starting = new Button(messages.get("gallery.settings.starting"));
        starting.setOnAction(event -> viewModel.augmentationProperty().set(GalleryViewModel.startingAugmentation()));
        HBox header = new HBox(8, title, none, starting);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, header, form);
        box.setPadding(new Insets(4, 8, 4, 8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(260);
        return scroll;
    }

    private String describeShown() {
        Dataset dataset = viewModel.datasetProperty().get();
        if (dataset == null) {
            return messages.get("gallery.loading");
        }
        return messages.get("gallery.count", viewModel.itemsProperty().get().size());
    }

    private void selectFilter(ComboBox<GalleryViewModel.ClassCount> filter) {
        int wanted = viewModel.classFilterProperty().get();
        viewModel.classes().stream().filter(c -> c.classIndex() == wanted).findFirst().ifPresent(filter::setValue);
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("gallery.open.folder"));
        File folder = chooser.showDialog(getScene().getWindow());
        if (folder != null) {
            viewModel.open(folder.toPath());
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("gallery.open.file"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("gallery.open.file.types"),
                "*.csv", "*-idx3-ubyte", "*-idx3-ubyte.gz"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            viewModel.open(file.toPath());
        }
    }

    /** "digit 3 (500)". */
    private static final class ClassCountCell extends ListCell<GalleryViewModel.ClassCount> {
        @Override
        protected void updateItem(GalleryViewModel.ClassCount item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name() + " (" + item.count() + ")");
        }
    }

    /** A skipped file's name and why it was left out. */
    private static final class SkippedFileCell extends ListCell<SkippedFile> {
        @Override
        protected void updateItem(SkippedFile item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Path name = item.path().getFileName();
            setText((name == null ? item.path() : name) + " — " + item.reason());
            setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
            setTooltip(new Tooltip(item.path().toString()));
        }
    }
}
