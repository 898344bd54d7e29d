package dev.stride.app.explainer;

import dev.stride.app.common.Messages;
import dev.stride.engine.data.vision.KernelPreview.KernelPreset;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.explain.CellComputation;
import dev.stride.engine.explain.ConvolutionSetup;
import dev.stride.engine.explain.ConvolutionWalk;
import dev.stride.engine.explain.ExplainerPreset;
import dev.stride.engine.explain.ExplainerWalk;
import dev.stride.engine.explain.LayerKind;
import dev.stride.engine.explain.PaddingMode;
import dev.stride.engine.explain.TransposedConvolutionWalk;
import java.io.File;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The explainer: controls, the animated grids (alone, or 'valid' and 'same' side by side), the formula and numbers
 * panel and the real-image pane. Thin: every decision lives in {@link ExplainerViewModel}.
 */
public final class ExplainerView {
    private static final String[] PADDING_CHOICES = {"valid", "same", "explicit", "full"};

    private final Messages messages;
    private final ExplainerViewModel model;
    private final Executor background;
    private final boolean presentation;
    private final WalkPainter painter;
    private final BorderPane root = new BorderPane();
    private final CanvasPane mainCanvas = new CanvasPane();
    private final CanvasPane validCanvas = new CanvasPane();
    private final CanvasPane sameCanvas = new CanvasPane();
    private final StackPane gridArea = new StackPane();
    private final HBox sideBySideBox = new HBox(8);
    private final Label status = new Label();
    private final GridPane products = new GridPane();
    private final Label sumLabel = new Label();
    private Label[][] productLabels = new Label[0][0];
    private final Label frameLabel = new Label();
    private final TabPane tabs = new TabPane();
    private final ImageView photoView = new ImageView();
    private final ImageView filteredView = new ImageView();
    private final Label photoSize = new Label();
    private final Label filteredSize = new Label();
    private final Label imageStatus = new Label();
    private final AnimationTimer timer;

    private final Spinner<Integer> inputSpinner = new Spinner<>(1, 64, 6);
    private final Spinner<Integer> kernelSpinner = new Spinner<>(1, 9, 3);
    private final Spinner<Integer> strideSpinner = new Spinner<>(1, 6, 1);
    private final Spinner<Integer> dilationSpinner = new Spinner<>(1, 5, 1);
    private final ChoiceBox<String> paddingChoice = new ChoiceBox<>();
    private final Spinner<Integer> paddingAmount = new Spinner<>(0, 8, 0);
    private final ChoiceBox<LayerKind> kindChoice = new ChoiceBox<>();
    private final ChoiceBox<String> outputPaddingChoice = new ChoiceBox<>();
    private boolean syncing;
    private boolean dirty = true;
    private WalkPainter.Painted lastPainted;
    private final FpsMeter fpsMeter;

    public ExplainerView(Messages messages, ExplainerViewModel model, Executor background, boolean presentation) {
        this.messages = messages;
        this.model = model;
        this.background = background;
        this.presentation = presentation;
        this.painter = new WalkPainter(presentation ? 1.6 : 1.0);
        this.fpsMeter = FpsMeter.fromSystemProperty();
        root.setId(presentation ? "explainerPresentation" : "explainer");
        root.getProperties().put(ExplainerView.class, this);
        root.getStyleClass().add("explainer");
        if (presentation) {
            root.getStyleClass().add("presentation");
        }
        root.setTop(new VBox(setupBar(), playbackBar()));
        root.setCenter(centre());
        root.setRight(formulaPanel());
        BorderPane.setMargin(root.getRight(), new Insets(6));
        wireRedraws();
        syncControls(model.setup());
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                timer.start();
            } else {
                timer.stop();
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public Parent root() {
        return root;
    }

    /** Selects the grid ("grid") or real-image ("image") tab. */
    public void showTab(String which) {
        tabs.getSelectionModel().select("image".equals(which) ? 1 : 0);
    }

    public void dispose() {
        timer.stop();
    }

    // --- controls ---------------------------------------------------------------------------------------------------

    private ToolBar setupBar() {
        MenuButton presets = new MenuButton(messages.get("explainer.presets"));
        presets.setId("explainerPresets");
        presets.setGraphic(new FontIcon(MaterialDesignF.FORMAT_LIST_BULLETED));
        Menu transposed = new Menu(messages.get("explainer.presets.transposed"));
        for (ExplainerPreset preset : ExplainerPreset.values()) {
            presets.getItems().add(presetItem(preset, false));
            transposed.getItems().add(presetItem(preset, true));
        }
        presets.getItems().add(transposed);

        kindChoice.setId("explainerKind");
        kindChoice.getItems().setAll(LayerKind.values());
        kindChoice.setConverter(converter(LayerKind::kerasName));
        kindChoice.valueProperty().addListener((obs, old, kind) -> {
            if (!syncing && kind != null) {
                model.setKind(kind);
            }
        });
        spinner(inputSpinner, "explainerInput", model::setInputSize);
        spinner(kernelSpinner, "explainerKernel", model::setKernel);
        spinner(strideSpinner, "explainerStride", model::setStride);
        spinner(dilationSpinner, "explainerDilation", model::setDilation);
        paddingChoice.setId("explainerPadding");
        paddingChoice.getItems().setAll(PADDING_CHOICES);
        paddingChoice.setConverter(converter(key -> messages.get("explainer.padding." + key)));
        paddingChoice.valueProperty().addListener((obs, old, choice) -> applyPadding());
        spinner(paddingAmount, "explainerPaddingAmount", amount -> applyPadding());
        paddingAmount.disableProperty().bind(paddingChoice.valueProperty().isNotEqualTo("explicit"));
        outputPaddingChoice.setId("explainerOutputPadding");
        outputPaddingChoice.valueProperty().addListener((obs, old, choice) -> {
            if (!syncing && choice != null) {
                model.setOutputPadding("None".equals(choice) ? OptionalInt.empty()
                        : OptionalInt.of(Integer.parseInt(choice)));
            }
        });
        Label outputPaddingLabel = new Label(messages.get("explainer.outputPadding"));
        outputPaddingLabel.visibleProperty().bind(outputPaddingChoice.visibleProperty());
        outputPaddingLabel.managedProperty().bind(outputPaddingChoice.visibleProperty());
        outputPaddingChoice.managedProperty().bind(outputPaddingChoice.visibleProperty());

        ToolBar bar = new ToolBar(presets, new Separator(),
                labelled("explainer.kind", kindChoice),
                labelled("explainer.input", inputSpinner),
                labelled("explainer.kernel", kernelSpinner),
                labelled("explainer.stride", strideSpinner),
                labelled("explainer.dilation", dilationSpinner),
                labelled("explainer.padding", paddingChoice), paddingAmount,
                outputPaddingLabel, outputPaddingChoice);
        bar.getStyleClass().add("explainer-bar");
        return bar;
    }

    private MenuItem presetItem(ExplainerPreset preset, boolean transposed) {
        ConvolutionSetup setup = transposed ? preset.transposedSetup() : preset.setup();
        String numbers = transposed
                ? "(" + preset.expectedOutput() + ", " + preset.kernel() + ", " + preset.padding().label() + ", "
                        + preset.stride() + ", " + preset.dilation() + ", op=" + (setup.outputPaddingHeight()
                        .isPresent() ? setup.outputPaddingHeight().getAsInt() : "None") + " → " + preset.input() + ")"
                : "(" + preset.input() + ", " + preset.kernel() + ", " + preset.padding().label() + ", "
                        + preset.stride() + ", " + preset.dilation() + " → " + preset.expectedOutput() + ")";
        MenuItem item = new MenuItem(messages.get("explainer.preset." + preset.id()) + "  " + numbers);
        item.setId((transposed ? "explainerPresetTransposed-" : "explainerPreset-") + preset.id());
        item.setOnAction(event -> model.applyPreset(preset, transposed));
        return item;
    }

    private ToolBar playbackBar() {
        Button back = iconButton("explainerBack", MaterialDesignS.SKIP_PREVIOUS, "explainer.back");
        back.setOnAction(event -> model.stepBack());
        Button play = iconButton("explainerPlay", MaterialDesignP.PLAY, "explainer.play");
        play.setOnAction(event -> model.togglePlay());
        model.playingProperty().addListener((obs, old, playing) -> {
            play.setGraphic(new FontIcon(playing ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY));
            play.setTooltip(new Tooltip(messages.get(playing ? "explainer.pause" : "explainer.play")));
        });
        Button forward = iconButton("explainerForward", MaterialDesignS.SKIP_NEXT, "explainer.forward");
        forward.setOnAction(event -> model.stepForward());
        frameLabel.setId("explainerFrame");
        frameLabel.setMinWidth(70);

        Slider speed = new Slider(ExplainerViewModel.MIN_SPEED, ExplainerViewModel.MAX_SPEED, model.speedProperty()
                .get());
        speed.setId("explainerSpeed");
        speed.setPrefWidth(120);
        speed.valueProperty().bindBidirectional(model.speedProperty());
        Label speedValue = new Label();
        speedValue.textProperty().bind(model.speedProperty().asString(messages.get("explainer.speed.value")));

        CheckBox numbers = new CheckBox(messages.get("explainer.numbers"));
        numbers.setId("explainerNumbers");
        numbers.selectedProperty().bindBidirectional(model.showNumbersProperty());
        CheckBox sideBySide = new CheckBox(messages.get("explainer.sideBySide"));
        sideBySide.setId("explainerSideBySide");
        sideBySide.selectedProperty().bindBidirectional(model.sideBySideProperty());

        MenuButton export = new MenuButton(messages.get("explainer.export"));
        export.setId("explainerExport");
        export.setGraphic(new FontIcon(MaterialDesignE.EXPORT));
        MenuItem gif = new MenuItem(messages.get("explainer.export.gif"));
        gif.setId("explainerExportGif");
        gif.setOnAction(event -> chooseAndExport(ExplainerFrameExport.Format.GIF));
        MenuItem png = new MenuItem(messages.get("explainer.export.png"));
        png.setId("explainerExportPng");
        png.setOnAction(event -> chooseAndExport(ExplainerFrameExport.Format.PNG_FRAMES));
        export.getItems().addAll(gif, png);

        ToolBar bar = new ToolBar(back, play, forward, frameLabel, new Separator(),
                labelled("explainer.speed", speed), speedValue, new Separator(), numbers, sideBySide,
                new Separator(), export);
        if (!presentation) {
            Button present = new Button(messages.get("explainer.present"),
                    new FontIcon(MaterialDesignP.PRESENTATION_PLAY));
            present.setId("explainerPresent");
            present.setOnAction(event -> ExplainerPresentation.open(messages, model, background, root));
            bar.getItems().add(present);
        } else {
            Label hint = new Label(messages.get("explainer.presentation.hint"));
            hint.getStyleClass().add("explainer-hint");
            bar.getItems().add(hint);
        }
        bar.getStyleClass().add("explainer-bar");
        return bar;
    }

    private void spinner(Spinner<Integer> spinner, String id, java.util.function.IntConsumer onChange) {
        spinner.setId(id);
        spinner.setPrefWidth(presentation ? 110 : 76);
        spinner.valueProperty().addListener((obs, old, value) -> {
            if (!syncing && value != null) {
                onChange.accept(value);
            }
        });
    }

    private Node labelled(String key, Node control) {
        Label label = new Label(messages.get(key));
        label.setLabelFor(control);
        HBox box = new HBox(4, label, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String tooltipKey) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(messages.get(tooltipKey)));
        return button;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choice boxes do not parse");
            }
        };
    }

    private void applyPadding() {
        if (syncing || paddingChoice.getValue() == null) {
            return;
        }
        model.setPadding(switch (paddingChoice.getValue()) {
            case "same" -> PaddingMode.same();
            case "full" -> PaddingMode.full();
            case "explicit" -> PaddingMode.explicit(paddingAmount.getValue());
            default -> PaddingMode.valid();
        });
    }

    /** Shows a set-up in the controls without feeding the change back. */
    private void syncControls(ConvolutionSetup setup) {
        syncing = true;
        try {
            kindChoice.setValue(setup.kind());
            inputSpinner.getValueFactory().setValue(setup.inputHeight());
            kernelSpinner.getValueFactory().setValue(setup.kernelHeight());
            strideSpinner.getValueFactory().setValue(setup.strideHeight());
            dilationSpinner.getValueFactory().setValue(setup.dilationHeight());
            dilationSpinner.setDisable(setup.kind() == LayerKind.POOLING);
            PaddingMode padding = setup.padding();
            paddingChoice.setValue(padding instanceof PaddingMode.Same ? "same"
                    : padding instanceof PaddingMode.Full ? "full"
                    : padding instanceof PaddingMode.Explicit ? "explicit" : "valid");
            if (padding instanceof PaddingMode.Explicit explicit) {
                paddingAmount.getValueFactory().setValue(explicit.perSide());
            }
            outputPaddingChoice.getItems().setAll("None");
            for (int op = 0; op < setup.strideHeight(); op++) {
                outputPaddingChoice.getItems().add(Integer.toString(op));
            }
            outputPaddingChoice.setValue(setup.outputPaddingHeight().isPresent()
                    ? Integer.toString(setup.outputPaddingHeight().getAsInt()) : "None");
            outputPaddingChoice.setVisible(setup.transposed());
        } finally {
            syncing = false;
        }
    }

    // --- centre: grids and real image -------------------------------------------------------------------------------

    private Node centre() {
        mainCanvas.setId("explainerCanvas");
        validCanvas.setId("explainerValidCanvas");
        sameCanvas.setId("explainerSameCanvas");
        HBox.setHgrow(validCanvas, Priority.ALWAYS);
        HBox.setHgrow(sameCanvas, Priority.ALWAYS);
        sideBySideBox.getChildren().setAll(validCanvas, sameCanvas);
        gridArea.getChildren().setAll(mainCanvas);
        mainCanvas.canvas().setOnMouseMoved(event -> hover(event.getX(), event.getY()));
        mainCanvas.canvas().setOnMouseExited(event -> model.hoveredFrameProperty().set(-1));
        status.setId("explainerStatus");
        status.getStyleClass().add("explainer-status");
        status.textProperty().bind(model.cellNoteProperty());
        VBox grid = new VBox(4, gridArea, status);
        VBox.setVgrow(gridArea, Priority.ALWAYS);
        grid.setPadding(new Insets(6));

        Tab gridTab = new Tab(messages.get("explainer.grid"), grid);
        gridTab.setId("explainerGridTab");
        Tab imageTab = new Tab(messages.get("explainer.realImage"), realImagePane());
        imageTab.setId("explainerImageTab");
        tabs.getTabs().setAll(gridTab, imageTab);
        tabs.setId("explainerTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.realImageWantedProperty().bind(imageTab.selectedProperty());
        return tabs;
    }

    private Node realImagePane() {
        ChoiceBox<KernelPreset> kernel = new ChoiceBox<>();
        kernel.setId("explainerKernelPreset");
        kernel.getItems().setAll(KernelPreset.values());
        kernel.setConverter(converter(preset -> messages.get("explainer.kernelPreset." + preset.name())));
        kernel.valueProperty().bindBidirectional(model.kernelPresetProperty());
        imageStatus.setId("explainerImageStatus");
        model.imageBusyProperty().addListener((obs, old, busy) -> refreshImageStatus());
        model.imageProblemProperty().addListener((obs, old, problem) -> refreshImageStatus());
        HBox controls = new HBox(8, new Label(messages.get("explainer.image.kernel")), kernel, imageStatus);
        controls.setAlignment(Pos.CENTER_LEFT);

        photoView.setId("explainerPhoto");
        filteredView.setId("explainerFiltered");
        photoView.setSmooth(false);
        filteredView.setSmooth(false);
        photoSize.setId("explainerPhotoSize");
        filteredSize.setId("explainerFilteredSize");
        photoSize.getStyleClass().add("explainer-image-size");
        filteredSize.getStyleClass().add("explainer-image-size");
        VBox photoBox = new VBox(6, photoView, photoSize);
        VBox filteredBox = new VBox(6, filteredView, filteredSize);
        photoBox.setAlignment(Pos.BOTTOM_CENTER);
        filteredBox.setAlignment(Pos.BOTTOM_CENTER);
        Label arrow = new Label("→");
        arrow.getStyleClass().add("explainer-image-arrow");
        HBox images = new HBox(24, photoBox, arrow, filteredBox);
        images.setAlignment(Pos.BOTTOM_LEFT);
        model.photoProperty().addListener((obs, old, image) -> showImages());
        model.filteredPhotoProperty().addListener((obs, old, image) -> showImages());
        Label note = new Label(messages.get("explainer.image.note"));
        note.setWrapText(true);
        note.getStyleClass().add("explainer-status");
        filteredSize.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox pane = new VBox(12, controls, note, images);
        pane.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(pane);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void refreshImageStatus() {
        String problem = model.imageProblemProperty().get();
        imageStatus.setText(!problem.isEmpty() ? problem
                : model.imageBusyProperty().get() ? messages.get("explainer.image.busy") : "");
    }

    /** Input and output at the same scale, so the shrinking of a stride shows as it is. */
    private void showImages() {
        ImageData source = model.photoProperty().get();
        ImageData filtered = model.filteredPhotoProperty().get();
        if (source == null) {
            return;
        }
        double room = presentation ? 620 : 360;
        double scale = Math.min(1.0, Math.min(room / source.height(), room * 1.4 / source.width()));
        photoView.setImage(toFxImage(source));
        photoView.setFitWidth(source.width() * scale);
        photoView.setFitHeight(source.height() * scale);
        photoSize.setText(messages.get("explainer.image.input", source.height(), source.width()));
        if (filtered != null) {
            filteredView.setImage(toFxImage(filtered));
            filteredView.setFitWidth(filtered.width() * scale);
            filteredView.setFitHeight(filtered.height() * scale);
            ConvolutionSetup s = model.setup();
            filteredSize.setText(messages.get("explainer.image.output", filtered.height(), filtered.width(),
                    s.strideHeight(), s.padding().label(), s.dilationHeight()));
        } else {
            filteredView.setImage(null);
            filteredSize.setText("");
        }
    }

    static WritableImage toFxImage(ImageData image) {
        WritableImage fx = new WritableImage(image.width(), image.height());
        fx.getPixelWriter().setPixels(0, 0, image.width(), image.height(), PixelFormat.getByteBgraPreInstance(),
                image.toBgra(), 0, image.width() * 4);
        return fx;
    }

    // --- formula and numbers ----------------------------------------------------------------------------------------

    private Node formulaPanel() {
        Label title = new Label(messages.get("explainer.formulaTitle"));
        title.getStyleClass().add("explainer-panel-title");
        Label formula = boundLabel("explainerFormulaText", model.formulaProperty());
        formula.getStyleClass().add("explainer-formula");
        Label rows = boundLabel("explainerRowFormula", model.rowFormulaProperty());
        Label columns = boundLabel("explainerColumnFormula", model.columnFormulaProperty());
        Label padding = boundLabel("explainerPaddingNote", model.paddingNoteProperty());
        Label coverage = boundLabel("explainerCoverageNote", model.coverageNoteProperty());
        Runnable markNeverCovered = () -> {
            coverage.getStyleClass().remove("explainer-never-covered");
            if (texts(model.walk(), null).never() != null) {
                coverage.getStyleClass().add("explainer-never-covered");
            }
        };
        model.walkProperty().addListener((obs, old, walk) -> markNeverCovered.run());
        markNeverCovered.run();
        Label cellTitle = new Label(messages.get("explainer.cellTitle"));
        cellTitle.getStyleClass().add("explainer-panel-title");
        products.setId("explainerProducts");
        products.setHgap(22);
        products.setVgap(2);
        model.computationProperty().addListener((obs, old, cell) -> showProducts(cell));
        showProducts(model.computationProperty().get());
        VBox numbersBox = new VBox(6, cellTitle, products);
        numbersBox.visibleProperty().bind(model.showNumbersProperty());
        numbersBox.managedProperty().bind(model.showNumbersProperty());
        VBox panel = new VBox(8, title, formula, rows, columns, padding, coverage, new Separator(), numbersBox);
        panel.setId("explainerFormula");
        panel.getStyleClass().add("explainer-formula-panel");
        panel.setPrefWidth(presentation ? 560 : 380);
        panel.setMaxWidth(presentation ? 560 : 380);
        return panel;
    }

    private Label boundLabel(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    private void showProducts(CellComputation cell) {
        if (cell == null) {
            products.getChildren().clear();
            productLabels = new Label[0][0];
            return;
        }
        int rows = cell.products().length;
        int columns = cell.products()[0].length;
        if (productLabels.length != rows || productLabels[0].length != columns) {
            // Rebuilt only when the kernel size changes: while playing, the labels just change their text.
            products.getChildren().clear();
            productLabels = new Label[rows][columns];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    productLabels[i][j] = new Label();
                    productLabels[i][j].getStyleClass().add("explainer-product");
                    products.add(productLabels[i][j], j, i);
                }
            }
            sumLabel.setId("explainerSum");
            sumLabel.getStyleClass().setAll("label", "explainer-sum");
            products.add(sumLabel, 0, rows, columns, 1);
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                productLabels[i][j].setText(signed(cell.values()[i][j]) + " · " + signed(cell.weights()[i][j])
                        + " = " + String.valueOf(cell.products()[i][j]).replace('-', '−'));
            }
        }
        boolean transposed = model.walk() instanceof TransposedConvolutionWalk;
        sumLabel.setText(messages.get(transposed ? "explainer.sum.scatter" : "explainer.sum",
                String.valueOf(cell.sum()).replace('-', '−')));
    }

    /** A number with a true minus sign, in parentheses when negative so "6 · (−1)" reads as a product. */
    static String signed(long value) {
        return value < 0 ? "(−" + (-value) + ")" : Long.toString(value);
    }

    // --- drawing ----------------------------------------------------------------------------------------------------

    private void wireRedraws() {
        model.setupProperty().addListener((obs, old, setup) -> {
            syncControls(setup);
            dirty = true;
        });
        model.walkProperty().addListener((obs, old, walk) -> dirty = true);
        model.shownFrameProperty().addListener((obs, old, frame) -> dirty = true);
        model.showNumbersProperty().addListener((obs, old, on) -> dirty = true);
        model.sideBySideProperty().addListener((obs, old, on) -> {
            gridArea.getChildren().setAll(on ? sideBySideBox : mainCanvas);
            dirty = true;
        });
        if (model.sideBySideProperty().get()) {
            gridArea.getChildren().setAll(sideBySideBox);
        }
    }

    private void pulse(long now) {
        model.tick(now);
        if (!onScreen()) {
            return; // a hidden tab or window draws nothing; it redraws in full when shown again
        }
        boolean resized = mainCanvas.takeSizeChanged() | validCanvas.takeSizeChanged() | sameCanvas.takeSizeChanged();
        if (!presentation && model.presentingProperty().get()) {
            return; // the full-screen view draws; this one is hidden behind it
        }
        if (dirty || resized || fpsMeter.active()) {
            long start = System.nanoTime();
            redraw();
            fpsMeter.rendered(now, System.nanoTime() - start, model.walk());
            dirty = false;
        }
        frameLabel.setText(model.frameCount() == 0 ? "0 / 0"
                : (model.stepProperty().get() + 1) + " / " + model.frameCount());
    }

    private boolean onScreen() {
        if (root.getScene() == null || root.getScene().getWindow() == null
                || !root.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node node = root; node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                dirty = true;
                return false;
            }
        }
        return true;
    }

    /** Redraws the visible grids (also used by tests and the frame-rate measurement). */
    void redraw() {
        int frame = model.shownFrameProperty().get();
        if (model.sideBySideProperty().get()) {
            paint(validCanvas, model.validWalkProperty().get(), frame, messages.get("explainer.valid"));
            paint(sameCanvas, model.sameWalkProperty().get(), frame, messages.get("explainer.same"));
        } else {
            lastPainted = paint(mainCanvas, model.walk(), frame, null);
        }
    }

    private WalkPainter.Painted paint(CanvasPane pane, ExplainerWalk walk, int frame, String heading) {
        var canvas = pane.canvas();
        if (canvas.getWidth() < 1 || canvas.getHeight() < 1) {
            return null;
        }
        int shown = walk.frameCount() == 0 ? -1 : Math.min(frame, walk.frameCount() - 1);
        return painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), walk, shown,
                texts(walk, heading), model.inputValuesProperty().get(), model.kernelValuesProperty().get(),
                model.showNumbersProperty().get());
    }

    WalkPainter.Texts texts(ExplainerWalk walk, String heading) {
        ConvolutionSetup s = walk.setup();
        boolean padded = walk instanceof ConvolutionWalk forward
                && (forward.rows().totalPadding() > 0 || forward.columns().totalPadding() > 0);
        boolean dilated = s.dilationHeight() > 1 || s.dilationWidth() > 1;
        boolean never = walk instanceof ConvolutionWalk forward
                ? !forward.rows().neverCovered().isEmpty() || !forward.columns().neverCovered().isEmpty()
                : !((TransposedConvolutionWalk) walk).rows().neverWritten().isEmpty()
                        || !((TransposedConvolutionWalk) walk).columns().neverWritten().isEmpty();
        return new WalkPainter.Texts(heading, model.inputTitle(walk), model.outputTitle(walk),
                padded ? messages.get("explainer.legend.padding") : null,
                messages.get(walk instanceof ConvolutionWalk ? "explainer.legend.window" : "explainer.legend.scatter"),
                dilated ? messages.get("explainer.legend.gap") : null,
                never ? messages.get(walk instanceof ConvolutionWalk ? "explainer.legend.never"
                        : "explainer.legend.neverWritten") : null,
                model.notes(walk),
                (firstRow, lastRow, firstColumn, lastColumn, rows, columns) -> messages.get("explainer.region",
                        firstRow, lastRow, firstColumn, lastColumn, rows, columns));
    }

    private void hover(double x, double y) {
        if (lastPainted == null) {
            return;
        }
        ExplainerWalk walk = model.walk();
        int frame = -1;
        if (walk instanceof ConvolutionWalk forward) {
            int[] cell = lastPainted.output().cellAt(x, y);
            if (cell != null) {
                frame = forward.frameIndexOf(cell[0], cell[1]);
            }
        } else {
            int[] cell = lastPainted.input().cellAt(x, y);
            if (cell != null) {
                frame = cell[0] * walk.setup().inputWidth() + cell[1];
            }
        }
        model.hoveredFrameProperty().set(frame);
    }

    private void onKey(KeyEvent event) {
        if (event.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        if (event.getCode() == KeyCode.SPACE) {
            model.togglePlay();
            event.consume();
        } else if (event.getCode() == KeyCode.RIGHT) {
            model.stepForward();
            event.consume();
        } else if (event.getCode() == KeyCode.LEFT) {
            model.stepBack();
            event.consume();
        }
    }

    // --- export -----------------------------------------------------------------------------------------------------

    private void chooseAndExport(ExplainerFrameExport.Format format) {
        File target;
        if (format == ExplainerFrameExport.Format.GIF) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("explainer.export.gif"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("GIF", "*.gif"));
            chooser.setInitialFileName("explainer.gif");
            target = chooser.showSaveDialog(root.getScene().getWindow());
        } else {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.get("explainer.export.png"));
            target = chooser.showDialog(root.getScene().getWindow());
        }
        if (target != null) {
            export(format, target.toPath());
        }
    }

    /** Exports the current walk; the status line reports the outcome. Call on the FX thread. */
    public CompletableFuture<Integer> export(ExplainerFrameExport.Format format, Path target) {
        ExplainerWalk walk = model.walk();
        WalkPainter exportPainter = new WalkPainter(1.0);
        WalkPainter.Texts texts = texts(walk, null);
        int[][] input = model.inputValuesProperty().get();
        int[][] kernel = model.kernelValuesProperty().get();
        boolean numbers = model.showNumbersProperty().get();
        double frameMillis = 1000 / Math.max(ExplainerViewModel.MIN_SPEED, model.speedProperty().get());
        status.textProperty().unbind();
        status.setText(messages.get("explainer.export.running"));
        return ExplainerFrameExport.export(walk, frame -> canvas -> exportPainter.paint(
                        canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), walk, frame, texts,
                        input, kernel, numbers), frameMillis, format, target, background)
                .whenComplete((count, error) -> Platform.runLater(() -> {
                    status.setText(error == null ? messages.get("explainer.export.done", count, target)
                            : messages.get("explainer.export.failed", error.getMessage()));
                    rebindStatusLater();
                }));
    }

    private void rebindStatusLater() {
        // The outcome stays until the next step, then the cell note returns.
        model.shownFrameProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number now) {
                model.shownFrameProperty().removeListener(this);
                status.textProperty().bind(model.cellNoteProperty());
            }
        });
    }
}
