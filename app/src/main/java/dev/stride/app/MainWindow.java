package dev.stride.app;

import dev.stride.app.common.AppContext;
import dev.stride.app.common.LatestRequestRunner;
import dev.stride.app.common.Messages;
import dev.stride.app.common.UiScheduler;
import dev.stride.app.explainer.ExplainerLaunchOptions;
import dev.stride.app.explainer.ExplainerPresentation;
import dev.stride.app.explainer.ExplainerView;
import dev.stride.app.explainer.ExplainerViewModel;
import dev.stride.app.editor.DesignerViewModel;
import dev.stride.app.editor.HelpTexts;
import dev.stride.app.editor.LayerNodeView;
import dev.stride.app.editor.LayerPalette;
import dev.stride.app.editor.NetworkCanvas;
import dev.stride.app.editor.PropertyPanel;
import dev.stride.app.editor.SummaryView;
import dev.stride.app.project.DocumentService;
import dev.stride.app.training.TrainingView;
import dev.stride.engine.backend.BackendInfo;
import dev.stride.engine.project.Templates;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The main window's layout and menus: palette, canvas, property panel, the dock (summary, training, gallery) and
 * the status bar. Built again when the language changes; the document lives in the view-model and survives that.
 */
final class MainWindow {
    private final AppContext context;
    private final Messages messages;
    private final DesignerViewModel model;
    private final DocumentService documents;
    private final Consumer<Locale> switchLanguage;
    private final BorderPane root = new BorderPane();
    private final StatusBar statusBar = new StatusBar();
    private ExplainerViewModel explainerModel;
    private ExplainerView explainerView;
    /** True while a run trains: the designer is locked (bound once the Training tab exists). */
    private final javafx.beans.property.BooleanProperty designLocked =
            new javafx.beans.property.SimpleBooleanProperty(this, "designLocked");
    private dev.stride.app.data.GalleryView galleryView;
    private Tab galleryTab;
    private TabPane dock;
    private final NetworkCanvas canvas;
    private final Menu recentMenu = new Menu();
    private final dev.stride.app.common.Subscriptions subscriptions = new dev.stride.app.common.Subscriptions();
    private SummaryView summary;
    private PropertyPanel properties;
    private TrainingView trainingView;
    private Menu editMenu;

    MainWindow(AppContext context, DesignerViewModel model, DocumentService documents,
            Consumer<Locale> switchLanguage) {
        this.context = context;
        this.messages = context.messages();
        this.model = model;
        this.documents = documents;
        this.switchLanguage = switchLanguage;
        this.canvas = new NetworkCanvas(model, new LayerNodeView.CardTexts(messages.get("card.params"),
                messages.get("card.error")));
        root.setId("mainWindow");
        root.setTop(menuBar());
        root.setCenter(workArea());
        editMenu.disableProperty().bind(designLocked);
        root.setBottom(statusBar());
    }

    static String themeStylesheet() {
        return Objects.requireNonNull(MainWindow.class.getResource("/dev/stride/resources/theme/stride.css"),
                "theme stylesheet missing from the app jar").toExternalForm();
    }

    Parent root() {
        return root;
    }

    /** Detaches this window's views from the view-model before a new window replaces it. */
    void dispose() {
        subscriptions.dispose();
        canvas.dispose();
        summary.dispose();
        properties.dispose();
    }

    NetworkCanvas canvas() {
        return canvas;
    }

    /** The window title: file name, a dot while there are unsaved changes. */
    String title() {
        Path file = model.fileProperty().get();
        String name = file == null ? messages.get("title.untitled") : file.getFileName().toString();
        return (model.isDirty() ? "• " : "") + name + " — " + messages.get("app.title");
    }

    void status(String text) {
        statusBar.setText(text);
    }

    // --- menus ---------------------------------------------------------------------------------------------

    private MenuBar menuBar() {
        Menu newMenu = new Menu(messages.get("menu.file.new"));
        newMenu.setId("menu.file.new");
        MenuItem blank = item("menu.file.new.blank", "Shortcut+N", this::newBlank);
        newMenu.getItems().addAll(blank, new SeparatorMenuItem());
        for (Templates.Template template : Templates.ALL) {
            MenuItem item = new MenuItem(messages.get("template." + template.id()));
            item.setId("template-" + template.id());
            item.setOnAction(event -> newFromTemplate(template));
            newMenu.getItems().add(item);
        }
        recentMenu.setText(messages.get("menu.file.recent"));
        recentMenu.setId("menu.file.recent");
        subscriptions.on(documents.recent(), (ListChangeListener<Path>) change -> fillRecent());
        fillRecent();
        Menu file = new Menu(messages.get("menu.file"), null, newMenu,
                item("menu.file.open", "Shortcut+O", this::openChosen), recentMenu,
                new SeparatorMenuItem(),
                item("menu.file.save", "Shortcut+S", this::save),
                item("menu.file.saveAs", "Shortcut+Shift+S", this::saveAs),
                new SeparatorMenuItem(),
                item("menu.file.importKeras", null, this::importKeras), exportMenu(),
                new SeparatorMenuItem(), item("menu.file.exit", null, this::exit));

        MenuItem undo = item("menu.edit.undo", "Shortcut+Z", () -> text().ifPresentOrElse(TextInputControl::undo,
                model::undo));
        undo.textProperty().bind(Bindings.createStringBinding(() -> model.undoDescriptionProperty().get().isEmpty()
                ? messages.get("menu.edit.undo")
                : messages.get("menu.edit.undoWhat", model.undoDescriptionProperty().get()),
                model.undoDescriptionProperty()));
        undo.disableProperty().bind(model.undoDescriptionProperty().isEmpty());
        MenuItem redo = item("menu.edit.redo", "Shortcut+Shift+Z", () -> text().ifPresentOrElse(TextInputControl::redo,
                model::redo));
        redo.textProperty().bind(Bindings.createStringBinding(() -> model.redoDescriptionProperty().get().isEmpty()
                ? messages.get("menu.edit.redo")
                : messages.get("menu.edit.redoWhat", model.redoDescriptionProperty().get()),
                model.redoDescriptionProperty()));
        redo.disableProperty().bind(model.redoDescriptionProperty().isEmpty());
        MenuItem redoAlt = item("menu.edit.redoAlt", "Shortcut+Y", () -> text().ifPresentOrElse(
                TextInputControl::redo, model::redo));
        redoAlt.disableProperty().bind(model.redoDescriptionProperty().isEmpty());
        Menu edit = editMenu = new Menu(messages.get("menu.edit"), null, undo, redo, redoAlt, new SeparatorMenuItem(),
                item("menu.edit.copy", "Shortcut+C", () -> text().ifPresentOrElse(TextInputControl::copy,
                        model::copySelection)),
                item("menu.edit.paste", "Shortcut+V", () -> text().ifPresentOrElse(TextInputControl::paste,
                        model::paste)),
                item("menu.edit.duplicate", "Shortcut+D", () -> {
                    if (text().isEmpty()) {
                        model.duplicateSelection();
                    }
                }),
                item("menu.edit.delete", null, model::deleteSelection),
                item("menu.edit.selectAll", "Shortcut+A", () -> text().ifPresentOrElse(TextInputControl::selectAll,
                        () -> model.selectAll(model.network().nodes().stream().map(n -> n.id()).toList()))));

        ToggleGroup languages = new ToggleGroup();
        RadioMenuItem english = new RadioMenuItem("English");
        english.setId("language-en");
        RadioMenuItem chinese = new RadioMenuItem("简体中文");
        chinese.setId("language-zh");
        english.setToggleGroup(languages);
        chinese.setToggleGroup(languages);
        boolean isChinese = messages.locale().getLanguage().equals("zh");
        (isChinese ? chinese : english).setSelected(true);
        english.setOnAction(event -> switchLanguage.accept(Locale.ENGLISH));
        chinese.setOnAction(event -> switchLanguage.accept(Locale.SIMPLIFIED_CHINESE));
        Menu language = new Menu(messages.get("menu.view.language"), null, english, chinese);
        Menu view = new Menu(messages.get("menu.view"), null,
                item("menu.view.fit", null, canvas::fitToContent),
                item("menu.view.zoomIn", "Shortcut+EQUALS", () -> canvas.zoomAt(1.2, canvas.getWidth() / 2,
                        canvas.getHeight() / 2)),
                item("menu.view.zoomOut", "Shortcut+MINUS", () -> canvas.zoomAt(1 / 1.2, canvas.getWidth() / 2,
                        canvas.getHeight() / 2)),
                item("menu.view.autoLayout", "Shortcut+L", () -> {
                    model.autoLayout();
                    canvas.fitToContent();
                }),
                item("menu.view.explainer", "Shortcut+E", this::openExplainerFullScreen),
                new SeparatorMenuItem(), language);
        Menu help = new Menu(messages.get("menu.help"), null, item("menu.help.about", null, this::about));
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menuBar");
        return bar;
    }

    /** File → Export: the design in every format a design (not yet trained) can take. */
    private Menu exportMenu() {
        Menu export = new Menu(messages.get("menu.file.export"));
        export.setId("menu.file.export");
        for (dev.stride.engine.export.ExportFormat format : dev.stride.app.project.DesignExport.designFormats()) {
            MenuItem item = new MenuItem(messages.get("export." + format.cliName()) + "…");
            item.setId("menu.file.export." + format.cliName());
            item.setOnAction(event -> exportChosen(format));
            export.getItems().add(item);
        }
        return export;
    }

    private void exportChosen(dev.stride.engine.export.ExportFormat format) {
        FileChooser chooser = chooser("dialog.export");
        String stem = format == dev.stride.engine.export.ExportFormat.DL4J_JAVA ? "Network" : documentStem();
        chooser.setInitialFileName(stem + format.extension());
        java.io.File chosen = chooser.showSaveDialog(window());
        if (chosen != null) {
            exportTo(format, chosen.toPath());
        }
    }

    /** Writes the open design in {@code format} to {@code target} in the background; reports in the status bar. */
    CompletableFuture<Path> exportTo(dev.stride.engine.export.ExportFormat format, Path target) {
        return dev.stride.app.project.DesignExport.export(context.background(), model.toProject(), documentStem(),
                format, target).whenComplete((written, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        showError(messages.get("error.export", target.getFileName()), String.valueOf(
                                cause.getMessage()));
                    } else {
                        status(messages.get("status.exported", target.getFileName()));
                    }
                }));
    }

    private String documentStem() {
        Path file = model.fileProperty().get();
        String name = file == null ? "network" : file.getFileName().toString();
        return name.endsWith(".stride") ? name.substring(0, name.length() - ".stride".length()) : name;
    }

    /**
     * The text field being typed in, if any: menu accelerators fire before the focused control sees the key, so
     * the Edit menu hands Ctrl+C/V/A/Z to the text field instead of copying layers while the user edits a value.
     */
    private Optional<TextInputControl> text() {
        // A spinner keeps the focus itself and forwards keys to its text field.
        return Optional.ofNullable(root.getScene()).map(javafx.scene.Scene::getFocusOwner)
                .map(owner -> owner instanceof javafx.scene.control.Spinner<?> spinner ? spinner.getEditor() : owner)
                .filter(TextInputControl.class::isInstance).map(TextInputControl.class::cast);
    }

    private MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(key);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path path : documents.recent()) {
            MenuItem item = new MenuItem(path.getFileName() + "  —  " + path.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(event -> {
                if (confirmDiscard()) {
                    open(path);
                }
            });
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    // --- layout --------------------------------------------------------------------------------------------

    private Parent workArea() {
        LayerPalette palette = new LayerPalette(messages, model);
        palette.setId("palette");
        Label hint = new Label(messages.get("canvas.empty"));
        hint.getStyleClass().add("canvas-message");
        hint.setMouseTransparent(true);
        hint.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.network().size() == 0,
                model.networkProperty()));
        StackPane canvasPane = new StackPane(canvas, hint);
        canvasPane.getStyleClass().add("design-canvas");
        properties = new PropertyPanel(model, messages, new HelpTexts(messages.locale()));
        properties.setMinWidth(330);
        properties.setPrefWidth(380);
        palette.setPrefWidth(210);

        SplitPane editor = new SplitPane(palette, canvasPane, properties);
        editor.setDividerPositions(0.17, 0.72);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(properties, false);

        SplitPane vertical = new SplitPane(editor, dock());
        // While a run trains, the design is locked (the Training tab says so); Stop unlocks it.
        editor.disableProperty().bind(designLocked);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.7);
        // The explainer and the code need room: selecting their tab raises the dock (the user can drag it back).
        dock.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            boolean wantsRoom = tab != null && ("dock.explainer".equals(tab.getId()) || "dock.code".equals(tab.getId()));
            if (wantsRoom && vertical.getDividerPositions()[0] > 0.4) {
                vertical.setDividerPositions(0.3);
            }
        });
        return vertical;
    }

    private TabPane dock() {
        this.summary = new SummaryView(model, messages);
        Tab summary = new Tab(messages.get("dock.summary"), this.summary);
        summary.setId("dock.summary");
        summary.setGraphic(new FontIcon(MaterialDesignT.TABLE_LARGE));
        Tab training = placeholderTab("dock.training", new FontIcon(MaterialDesignC.CHART_LINE));
        Tab gallery = placeholderTab("dock.gallery", new FontIcon(MaterialDesignI.IMAGE_MULTIPLE));
        galleryTab = gallery;
        Tab code = new Tab(messages.get("dock.code"));
        code.setId("dock.code");
        code.setGraphic(new FontIcon(MaterialDesignC.CODE_BRACES));
        Tab explainer = new Tab(messages.get("dock.explainer"));
        explainer.setId("dock.explainer");
        explainer.setGraphic(new FontIcon(MaterialDesignM.MOTION_PLAY_OUTLINE));
        dock = new TabPane(summary, training, gallery, code, explainer);
        dock.setId("dock");
        // Every tab but the summary is built when first shown: the window's first frame stays fast.
        dock.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab == gallery) {
                galleryView();
            } else if (tab == code && code.getContent() == null) {
                code.setContent(new dev.stride.app.editor.CodePane(model, messages));
            } else if (tab == training && trainingView == null) {
                training.setContent(trainingView().root());
            } else if (tab == explainer && explainer.getContent() == null) {
                explainer.setContent(explainerView().root());
            }
        });
        // -Dstride.tab=gallery opens on that dock tab (screenshots, demos).
        dock.getTabs().stream().filter(t -> t.getId().equals("dock." + System.getProperty("stride.tab"))).findFirst()
                .ifPresent(dock.getSelectionModel()::select);
        dock.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return dock;
    }

    /** The Training tab's view, made on first use: the design being edited trains, with the gallery's augmentation. */
    TrainingView trainingView() {
        if (trainingView == null) {
            trainingView = TrainingView.create(context, dev.stride.app.training.DatasetLauncher.compilingTheDesign(
                    galleryView().viewModel().augmentationProperty()::get));
            trainingView.followDesigner(model.networkProperty(), model.fileProperty());
            designLocked.bind(trainingView.viewModel().designLockedProperty());
        }
        return trainingView;
    }

    /** The Gallery tab's view, made on first use (the Training tab shares its augmentation settings). */
    private dev.stride.app.data.GalleryView galleryView() {
        if (galleryView == null) {
            galleryView = dev.stride.app.data.GalleryView.attach(galleryTab, context, SampleLocator.samplesFolder());
        }
        return galleryView;
    }

    private ExplainerView explainerView() {
        if (explainerView == null) {
            explainerModel = new ExplainerViewModel(messages,
                    new LatestRequestRunner(context.background(), UiScheduler.fx()),
                    () -> dev.stride.app.explainer.SamplePhoto.load(SampleLocator.samplesFolder()));
            explainerView = new ExplainerView(messages, explainerModel, context.background(), false);
        }
        return explainerView;
    }

    /**
     * Shows the explainer on a layer's own numbers, for "Explain" on the selected Conv2D, Conv2DTranspose or pooling
     * layer: build the set-up with {@code ConvolutionSetup.forLayer(spec, inputShape)}.
     */
    void explainLayer(dev.stride.engine.explain.ConvolutionSetup layer) {
        dock.getSelectionModel().select(dock.getTabs().size() - 1);
        explainerModel.openLayer(layer);
    }

    /** The explainer full screen in presentation mode (View menu). */
    ExplainerView openExplainerFullScreen() {
        explainerView();
        return ExplainerPresentation.open(messages, explainerModel, context.background(), root);
    }

    /** Honours -Dstride.explainer.* (demos, screenshots, the frame-rate measurement). */
    void showExplainerIfAsked() {
        ExplainerLaunchOptions options = ExplainerLaunchOptions.from(System.getProperties());
        if (!options.any()) {
            return;
        }
        dock.getSelectionModel().select(dock.getTabs().size() - 1);
        options.applyTo(explainerModel);
        ExplainerView shown = options.present() ? openExplainerFullScreen() : explainerView;
        if (options.tab() != null) {
            shown.showTab(options.tab());
        }
        if (options.exportGif() != null) {
            javafx.application.Platform.runLater(() -> shown.export(
                    dev.stride.app.explainer.ExplainerFrameExport.Format.GIF, options.exportGif())
                    .thenAccept(frames -> System.out.println("Explainer: exported " + frames + " frames to "
                            + options.exportGif())));
        }
    }

    private Tab placeholderTab(String key, FontIcon icon) {
        Tab tab = new Tab(messages.get(key));
        tab.setId(key);
        tab.setGraphic(icon);
        Label placeholder = new Label(messages.get(key + ".empty"));
        placeholder.getStyleClass().add("dock-placeholder");
        tab.setContent(new StackPane(placeholder));
        return tab;
    }

    private StatusBar statusBar() {
        statusBar.setId("statusBar");
        statusBar.setText(messages.get("status.ready"));
        Label backend = new Label(messages.get("status.backend.loading"));
        backend.setId("backendStatus");
        backend.setGraphic(new FontIcon(MaterialDesignC.CHIP));
        if (context.backend().infoProperty().get() != null) {
            backend.setText(describe(context.backend().infoProperty().get()));
        }
        context.backend().infoProperty().addListener((obs, old, info) -> backend.setText(describe(info)));
        context.backend().problemProperty().addListener((obs, old, problem) ->
                backend.setText(messages.get("status.backend.failed", problem)));
        Label errors = new Label();
        errors.setId("errorCount");
        errors.getStyleClass().add("status-problems");
        errors.textProperty().bind(Bindings.createStringBinding(() -> messages.get("status.problems",
                model.analysis().errors().size(), model.analysis().warnings().size()), model.analysisProperty()));
        statusBar.getRightItems().addAll(errors, backend);
        return statusBar;
    }

    private String describe(BackendInfo info) {
        return messages.get("status.backend", info.shortDescription());
    }

    // --- file actions --------------------------------------------------------------------------------------

    void newBlank() {
        if (confirmDiscard()) {
            model.load(dev.stride.engine.project.Project.of(dev.stride.engine.model.Network.empty()), null, false);
            status(messages.get("status.new"));
        }
    }

    void newFromTemplate(Templates.Template template) {
        if (confirmDiscard()) {
            model.load(dev.stride.engine.project.Project.of(template.network().get()), null, false);
            Platform.runLater(canvas::fitToContent);
            status(messages.get("status.template", messages.get("template." + template.id())));
        }
    }

    private void openChosen() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = chooser("dialog.open");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("dialog.strideFiles"),
                "*.stride"));
        Optional.ofNullable(chooser.showOpenDialog(window())).map(java.io.File::toPath).ifPresent(this::open);
    }

    CompletableFuture<?> open(Path file) {
        status(messages.get("status.opening", file.getFileName()));
        return documents.open(file).whenComplete((project, error) -> Platform.runLater(() -> {
            if (error != null) {
                showError(messages.get("error.open", file.getFileName()), DocumentService.reason(error));
            } else {
                canvas.fitToContent();
                status(messages.get("status.opened", file.getFileName()));
            }
        }));
    }

    /** Saves to the current file, or asks where; false when cancelled. */
    boolean save() {
        Path file = model.fileProperty().get();
        if (file == null) {
            return saveAs();
        }
        saveTo(file);
        return true;
    }

    private boolean saveAs() {
        FileChooser chooser = chooser("dialog.saveAs");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("dialog.strideFiles"),
                "*.stride"));
        chooser.setInitialFileName(model.fileProperty().get() == null ? "network.stride"
                : model.fileProperty().get().getFileName().toString());
        java.io.File chosen = chooser.showSaveDialog(window());
        if (chosen == null) {
            return false;
        }
        Path file = chosen.toPath();
        if (!file.getFileName().toString().endsWith(".stride")) {
            file = file.resolveSibling(file.getFileName() + ".stride");
        }
        saveTo(file);
        return true;
    }

    CompletableFuture<?> saveTo(Path file) {
        return documents.save(file).whenComplete((saved, error) -> Platform.runLater(() -> {
            if (error != null) {
                showError(messages.get("error.save", file.getFileName()), DocumentService.reason(error));
            } else {
                status(messages.get("status.saved", file.getFileName()));
            }
        }));
    }

    private void importKeras() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = chooser("dialog.importKeras");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("dialog.kerasFiles"),
                "*.json"));
        java.io.File chosen = chooser.showOpenDialog(window());
        if (chosen == null) {
            return;
        }
        documents.importKeras(chosen.toPath()).whenComplete((network, error) -> Platform.runLater(() -> {
            if (error != null) {
                showError(messages.get("error.import", chosen.getName()), DocumentService.reason(error));
            } else {
                canvas.fitToContent();
                status(messages.get("status.imported", chosen.getName(), network.size()));
            }
        }));
    }

    /** Asks about unsaved changes: true to go on (saved or discarded), false to stay. */
    boolean confirmDiscard() {
        if (!model.isDirty()) {
            return true;
        }
        ButtonType saveButton = new ButtonType(messages.get("dialog.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(messages.get("dialog.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.get("dialog.unsaved"), saveButton, discard,
                cancel);
        alert.setHeaderText(messages.get("dialog.unsavedTitle"));
        alert.initOwner(window());
        ButtonType answer = alert.showAndWait().orElse(cancel);
        if (answer == saveButton) {
            return save();
        }
        return answer == discard;
    }

    private void exit() {
        if (confirmDiscard()) {
            documents.deleteRecovery();
            Platform.exit();
        }
    }

    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, messages.get("about.text"));
        alert.setHeaderText(messages.get("app.title"));
        alert.initOwner(window());
        alert.showAndWait();
    }

    private FileChooser chooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(titleKey));
        Path current = model.fileProperty().get();
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        return chooser;
    }

    private void showError(String header, String reason) {
        Alert alert = new Alert(Alert.AlertType.ERROR, reason);
        alert.setHeaderText(header);
        alert.initOwner(window());
        alert.show();
        status(header);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
