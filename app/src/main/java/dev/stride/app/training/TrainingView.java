package dev.stride.app.training;

import dev.stride.engine.export.AtomicFiles;
import dev.stride.app.common.AppContext;
import dev.stride.app.common.Messages;
import dev.stride.app.common.UiScheduler;
import dev.stride.engine.training.TrainingSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javafx.util.converter.DoubleStringConverter;
import javafx.util.converter.LongStringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The Training tab: the settings form on the left; on the right the run's controls and progress above four pages
 * (curves, evaluation, runs, try it). Everything it shows comes from a {@link TrainingViewModel}.
 */
public final class TrainingView {
    private final TrainingViewModel vm;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final Map<TrainingViewModel.Curve, XYChart.Series<Number, Number>> series =
            new EnumMap<>(TrainingViewModel.Curve.class);
    private final Map<TrainingViewModel.Curve, MarkedLineChart> chartOf = new EnumMap<>(TrainingViewModel.Curve.class);
    private final List<MarkedLineChart> charts = new ArrayList<>();
    private final ToggleButton logScale;
    private final HBox chartRow = new HBox(6);
    private final TabPane pages = new TabPane();

    public TrainingView(TrainingViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        root.setId("trainingView");
        // Lets the app (demo mode, tests) reach the view from the scene graph without a static registry.
        root.getProperties().put(TrainingView.class, this);
        root.getStyleClass().add("training-view");
        logScale = new ToggleButton(messages.get("training.chart.log"));
        logScale.setId("trainingLogScale");

        SplitPane split = new SplitPane(settingsForm(), runArea());
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setTop(new VBox(lockBanner(), notificationBar()));
        root.setCenter(split);
        vm.chartRevisionProperty().addListener((obs, old, revision) -> redrawCharts());
        vm.bestEpochProperty().addListener((obs, old, value) -> redrawCharts());
        vm.earlyStoppedEpochProperty().addListener((obs, old, value) -> redrawCharts());
        logScale.selectedProperty().addListener((obs, old, value) -> redrawCharts());
        chartRow.widthProperty().addListener((obs, old, value) -> redrawCharts());
    }

    /** The view with a view-model trained by the given launcher, wired to the app's backend and executors. */
    public static TrainingView create(AppContext context, TrainingLauncher launcher) {
        Path unsaved = Path.of(System.getProperty("user.home"), ".stride", "unsaved-project.runs");
        TrainingViewModel vm = new TrainingViewModel(context.messages(), UiScheduler.fx(), context.background(),
                launcher, DrainClock.fxTimeline(100), unsaved);
        vm.followBackend(context.backend().infoProperty());
        vm.refreshRuns();
        return new TrainingView(vm, context.messages());
    }

    /**
     * The view for a project file: its design, settings and dataset, until the designer drives {@link
     * TrainingViewModel#networkProperty()} and {@link TrainingViewModel#projectFileProperty()}. A missing or broken
     * file leaves the form at its defaults.
     */
    public static TrainingView forProject(AppContext context, Path projectFile) {
        return forProject(context, projectFile, null);
    }

    /** As {@link #forProject(AppContext, Path)}, augmenting with the gallery's settings when they are given. */
    public static TrainingView forProject(AppContext context, Path projectFile,
                                          java.util.function.Supplier<dev.stride.engine.data.vision.AugmentationSettings>
                                                  gallerySettings) {
        TrainingView view = create(context, gallerySettings == null ? DatasetLauncher.compilingTheDesign()
                : DatasetLauncher.compilingTheDesign(gallerySettings));
        view.openProject(projectFile);
        return view;
    }

    /**
     * Follows the designer: its network is what trains, its file is where runs are kept and whose "training" block
     * fills the form when another project is opened. The designer, in turn, should refuse edits while
     * {@link TrainingViewModel#designLockedProperty()} is true.
     */
    public void followDesigner(javafx.beans.value.ObservableValue<dev.stride.engine.model.Network> network,
                               javafx.beans.value.ObservableValue<Path> file) {
        vm.networkProperty().bind(network);
        file.addListener((obs, old, path) -> {
            if (path != null && !path.equals(old)) {
                loadSettingsFrom(path);
            }
            vm.projectFileProperty().set(path);
        });
        if (file.getValue() != null) {
            loadSettingsFrom(file.getValue());
        }
        vm.projectFileProperty().set(file.getValue());
    }

    private void loadSettingsFrom(Path projectFile) {
        try {
            var project = dev.stride.engine.project.ProjectFile.read(projectFile);
            if (project.training() != null && !project.training().isEmpty()) {
                vm.loadSettings(TrainingSettings.fromJson(project.training()));
            }
        } catch (Exception e) {
            // An unreadable training block leaves the form as it was; the designer reports the file's problems.
        }
    }

    /** Takes design, settings and dataset from a project file; a missing or unreadable file changes nothing. */
    public void openProject(Path projectFile) {
        if (projectFile == null || !java.nio.file.Files.isRegularFile(projectFile)) {
            return;
        }
        try {
            var project = dev.stride.engine.project.ProjectFile.read(projectFile);
            TrainingSettings settings = project.training() == null || project.training().isEmpty() ? null
                    : TrainingSettings.fromJson(project.training());
            vm.networkProperty().set(project.network());
            vm.projectFileProperty().set(projectFile);
            if (settings != null) {
                vm.loadSettings(settings);
            }
        } catch (Exception e) {
            // The Training tab still works with another dataset; the designer reports what is wrong with the file.
        }
    }

    public Parent root() {
        return root;
    }

    public TrainingViewModel viewModel() {
        return vm;
    }

    /** Shows one of the pages: 0 curves, 1 evaluation, 2 runs, 3 try it. */
    public void showPage(int index) {
        pages.getSelectionModel().select(index);
    }

    // ---- banner, notification ---------------------------------------------------------------------------------

    private Node lockBanner() {
        Label banner = new Label(messages.get("training.locked"), new FontIcon(MaterialDesignL.LOCK));
        banner.setId("trainingLockBanner");
        banner.getStyleClass().add("training-lock-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.visibleProperty().bind(vm.designLockedProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node notificationBar() {
        Label title = new Label();
        title.getStyleClass().add("training-notification-title");
        Label text = new Label();
        text.setWrapText(true);
        Label suggestion = new Label();
        suggestion.setWrapText(true);
        suggestion.getStyleClass().add("training-notification-suggestion");
        Button close = new Button(null, new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CLOSE));
        close.setTooltip(new Tooltip(messages.get("training.notification.dismiss")));
        close.setOnAction(e -> vm.dismissNotification());
        VBox words = new VBox(2, title, text, suggestion);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox bar = new HBox(8, words, close);
        bar.setId("trainingNotification");
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("training-notification");
        vm.notificationProperty().addListener((obs, old, note) -> {
            bar.getStyleClass().removeAll("info", "warning", "error");
            if (note != null) {
                title.setText(note.title());
                text.setText(note.message());
                suggestion.setText(note.suggestion());
                suggestion.setVisible(!note.suggestion().isEmpty());
                suggestion.setManaged(!note.suggestion().isEmpty());
                bar.getStyleClass().add(note.severity().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        bar.visibleProperty().bind(vm.notificationProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    // ---- settings ---------------------------------------------------------------------------------------------

    private Node settingsForm() {
        GridPane form = new GridPane();
        form.setId("trainingSettings");
        form.getStyleClass().add("training-form");
        form.setHgap(8);
        form.setVgap(6);
        form.setPadding(new Insets(8));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        int row = 0;

        ComboBox<DatasetChoice.Kind> dataset = new ComboBox<>(FXCollections.observableArrayList(
                DatasetChoice.Kind.values()));
        dataset.setId("trainingDataset");
        dataset.setConverter(converter(kind -> messages.get("training.dataset." + kind.name())));
        dataset.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DatasetChoice.Kind kind, boolean empty) {
                super.updateItem(kind, empty);
                setText(empty || kind == null ? null : messages.get("training.dataset." + kind.name()));
                setDisable(kind != null && !vm.launcher().supports(kind));
            }
        });
        dataset.valueProperty().bindBidirectional(vm.datasetKindProperty());
        form.addRow(row++, new Label(messages.get("training.dataset")), grow(dataset));
        TextField path = new TextField();
        path.setEditable(false);
        path.setPromptText(messages.get("training.dataset.path"));
        path.textProperty().bind(Bindings.createStringBinding(() -> vm.datasetPathProperty().get() == null ? ""
                : vm.datasetPathProperty().get().toString(), vm.datasetPathProperty()));
        Button browse = new Button(messages.get("training.dataset.browse"));
        browse.setOnAction(e -> browseDataset());
        HBox pathRow = new HBox(4, path, browse);
        HBox.setHgrow(path, Priority.ALWAYS);
        pathRow.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !new DatasetChoice(vm.datasetKindProperty().get(), null).needsPath(), vm.datasetKindProperty()));
        form.add(pathRow, 1, row++);

        form.add(sectionLabel("training.section.optimizer"), 0, row++, 2, 1);
        ComboBox<TrainingSettings.Optimizer> optimizer = enumBox(TrainingSettings.Optimizer.values(),
                vm.optimizerProperty());
        optimizer.setId("trainingOptimizer");
        form.addRow(row++, new Label(messages.get("training.optimizer")), grow(optimizer));
        form.addRow(row++, new Label(messages.get("training.learningRate")),
                doubleField(vm.learningRateProperty(), "trainingLearningRate"));
        ComboBox<TrainingSettings.LearningRateSchedule.Type> schedule = enumBox(
                TrainingSettings.LearningRateSchedule.Type.values(), vm.scheduleProperty());
        form.addRow(row++, new Label(messages.get("training.schedule")), grow(schedule));
        Spinner<Integer> decaySteps = intSpinner(1, 1_000_000, vm.decayStepsProperty());
        TextField decayRate = doubleField(vm.decayRateProperty(), "trainingDecayRate");
        HBox decay = new HBox(4, decaySteps, new Label("×"), decayRate);
        decay.disableProperty().bind(vm.scheduleProperty().isEqualTo(TrainingSettings.LearningRateSchedule.Type.NONE));
        form.addRow(row++, new Label(messages.get("training.decay")), decay);
        ComboBox<TrainingSettings.Loss> loss = enumBox(TrainingSettings.Loss.values(), vm.lossProperty());
        form.addRow(row++, new Label(messages.get("training.loss")), grow(loss));

        form.add(sectionLabel("training.section.run"), 0, row++, 2, 1);
        Spinner<Integer> batch = intSpinner(1, 4096, vm.batchSizeProperty());
        batch.setId("trainingBatchSize");
        form.addRow(row++, new Label(messages.get("training.batchSize")), batch);
        Spinner<Integer> epochs = intSpinner(1, 10_000, vm.epochsProperty());
        epochs.setId("trainingEpochs");
        form.addRow(row++, new Label(messages.get("training.epochs")), epochs);
        Spinner<Double> split = new Spinner<>(0.0, 0.9, vm.validationSplitProperty().get(), 0.05);
        split.setEditable(true);
        split.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                vm.validationSplitProperty().set(value);
            }
        });
        vm.validationSplitProperty().addListener((obs, old, value) -> split.getValueFactory().setValue(
                value.doubleValue()));
        form.addRow(row++, new Label(messages.get("training.validationSplit")), split);
        TextField seed = new TextField();
        TextFormatter<Long> seedFormat = new TextFormatter<>(new LongStringConverter(), vm.seedProperty().get());
        seed.setTextFormatter(seedFormat);
        seedFormat.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                vm.seedProperty().set(value);
            }
        });
        form.addRow(row++, new Label(messages.get("training.seed")), seed);

        CheckBox early = new CheckBox(messages.get("training.earlyStopping"));
        early.selectedProperty().bindBidirectional(vm.earlyStoppingProperty());
        form.add(early, 0, row++, 2, 1);
        ComboBox<TrainingSettings.Monitor> monitor = enumBox(TrainingSettings.Monitor.values(), vm.monitorProperty());
        monitor.setConverter(converter(TrainingSettings.Monitor::kerasName));
        Spinner<Integer> patience = intSpinner(0, 1000, vm.patienceProperty());
        HBox earlyRow = new HBox(4, monitor, new Label(messages.get("training.patience")), patience);
        earlyRow.disableProperty().bind(vm.earlyStoppingProperty().not());
        form.add(earlyRow, 0, row++, 2, 1);
        CheckBox restore = new CheckBox(messages.get("training.restoreBest"));
        restore.selectedProperty().bindBidirectional(vm.restoreBestWeightsProperty());
        restore.disableProperty().bind(vm.earlyStoppingProperty().not());
        form.add(restore, 0, row++, 2, 1);
        CheckBox augment = new CheckBox(messages.get("training.augment"));
        augment.selectedProperty().bindBidirectional(vm.augmentProperty());
        augment.setDisable(!vm.launcher().supportsAugmentation());
        if (!vm.launcher().supportsAugmentation()) {
            augment.setTooltip(new Tooltip(messages.get("training.augment.unavailable")));
        }
        form.add(augment, 0, row++, 2, 1);

        form.add(sectionLabel("training.section.backend"), 0, row++, 2, 1);
        ToggleGroup backend = new ToggleGroup();
        RadioButton cpu = new RadioButton("CPU");
        RadioButton gpu = new RadioButton("GPU");
        cpu.setToggleGroup(backend);
        gpu.setToggleGroup(backend);
        cpu.setSelected(!vm.useGpuProperty().get());
        gpu.selectedProperty().bindBidirectional(vm.useGpuProperty());
        gpu.disableProperty().bind(vm.gpuAvailableProperty().not());
        vm.useGpuProperty().addListener((obs, old, value) -> cpu.setSelected(!value));
        form.addRow(row++, new Label(messages.get("training.backend")), new HBox(10, cpu, gpu));
        Label devices = new Label();
        devices.setWrapText(true);
        devices.getStyleClass().add("training-muted");
        devices.textProperty().bind(vm.devicesProperty());
        form.add(devices, 0, row++, 2, 1);
        Label memory = new Label();
        memory.setId("trainingMemory");
        memory.setWrapText(true);
        memory.textProperty().bind(vm.memoryEstimateProperty());
        form.add(memory, 0, row++, 2, 1);

        form.disableProperty().bind(vm.designLockedProperty());
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(260);
        return scroll;
    }

    private void browseDataset() {
        File chosen;
        DatasetChoice.Kind kind = vm.datasetKindProperty().get();
        if (kind == DatasetChoice.Kind.IMAGE_FOLDER || kind == DatasetChoice.Kind.IDX_FILES) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.get("training.dataset." + kind.name()));
            chosen = chooser.showDialog(root.getScene().getWindow());
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("training.dataset." + kind.name()));
            if (kind == DatasetChoice.Kind.CSV_FILE) {
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            }
            chosen = chooser.showOpenDialog(root.getScene().getWindow());
        }
        if (chosen != null) {
            vm.datasetPathProperty().set(chosen.toPath());
        }
    }

    private Label sectionLabel(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("training-section");
        return label;
    }

    private static <T extends Region> T grow(T control) {
        control.setMaxWidth(Double.MAX_VALUE);
        return control;
    }

    private static <E extends Enum<E>> ComboBox<E> enumBox(E[] values,
                                                           javafx.beans.property.ObjectProperty<E> property) {
        ComboBox<E> box = new ComboBox<>(FXCollections.observableArrayList(values));
        // Keras's own names (adam, categorical_crossentropy) are what students meet in every tutorial.
        box.setConverter(converter(value -> value.name().toLowerCase(java.util.Locale.ROOT)));
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }

    private static Spinner<Integer> intSpinner(int min, int max, javafx.beans.property.IntegerProperty property) {
        Spinner<Integer> spinner = new Spinner<>(min, max, property.get());
        spinner.setEditable(true);
        spinner.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                property.set(value);
            }
        });
        property.addListener((obs, old, value) -> spinner.getValueFactory().setValue(value.intValue()));
        spinner.setMaxWidth(Double.MAX_VALUE);
        return spinner;
    }

    private static TextField doubleField(javafx.beans.property.DoubleProperty property, String id) {
        TextField field = new TextField();
        field.setId(id);
        TextFormatter<Double> format = new TextFormatter<>(new DoubleStringConverter(), property.get());
        field.setTextFormatter(format);
        format.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                property.set(value);
            }
        });
        property.addListener((obs, old, value) -> format.setValue(value.doubleValue()));
        return field;
    }

    // ---- run controls and pages -------------------------------------------------------------------------------

    private Node runArea() {
        Button start = new Button(messages.get("training.start"), new FontIcon(MaterialDesignP.PLAY));
        start.setId("trainingStart");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(vm.designLockedProperty());
        start.setOnAction(e -> vm.start());
        Button pause = new Button(messages.get("training.pause"), new FontIcon(MaterialDesignP.PAUSE));
        pause.setId("trainingPause");
        pause.disableProperty().bind(vm.stateProperty().isNotEqualTo(RunState.RUNNING));
        pause.setOnAction(e -> vm.pause());
        Button resume = new Button(messages.get("training.resume"), new FontIcon(MaterialDesignP.PLAY_PAUSE));
        resume.setId("trainingResume");
        resume.disableProperty().bind(vm.stateProperty().isNotEqualTo(RunState.PAUSED));
        resume.setOnAction(e -> vm.resume());
        Button stop = new Button(messages.get("training.stop"), new FontIcon(MaterialDesignS.STOP));
        stop.setId("trainingStop");
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            RunState s = vm.stateProperty().get();
            return s != RunState.RUNNING && s != RunState.PAUSED && s != RunState.PREPARING;
        }, vm.stateProperty()));
        stop.setOnAction(e -> vm.stop());

        ProgressBar bar = new ProgressBar();
        bar.setId("trainingProgress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() ->
                vm.stateProperty().get() == RunState.PREPARING ? -1 : vm.progressProperty().get(),
                vm.stateProperty(), vm.progressProperty()));
        Label progress = new Label();
        progress.setId("trainingProgressText");
        progress.textProperty().bind(vm.progressTextProperty());
        Label remaining = new Label();
        remaining.getStyleClass().add("training-muted");
        remaining.textProperty().bind(vm.timeRemainingProperty());
        HBox controls = new HBox(6, start, pause, resume, stop, bar, progress, remaining);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(6, 8, 6, 8));

        Tab curves = new Tab(messages.get("training.page.curves"), curvesPage());
        Tab evaluation = new Tab(messages.get("training.page.evaluation"), new EvaluationPane(vm, messages).root());
        Tab runs = new Tab(messages.get("training.page.runs"), new RunsPane(vm, messages).root());
        Tab tryIt = new Tab(messages.get("training.page.try"), new TryItPane(vm, messages).root());
        curves.setId("trainingPageCurves");
        evaluation.setId("trainingPageEvaluation");
        runs.setId("trainingPageRuns");
        tryIt.setId("trainingPageTry");
        pages.getTabs().addAll(curves, evaluation, runs, tryIt);
        pages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        pages.setId("trainingPages");
        return new BorderPane(pages, controls, null, null, null);
    }

    private Node curvesPage() {
        MarkedLineChart iterations = chart("training.chart.iterations", "training.chart.iteration",
                "training.chart.loss", TrainingViewModel.Curve.ITERATION_LOSS,
                TrainingViewModel.Curve.ITERATION_LOSS_SMOOTHED);
        iterations.setId("chartIterationLoss");
        MarkedLineChart epochLoss = chart("training.chart.epochLoss", "training.chart.epoch", "training.chart.loss",
                TrainingViewModel.Curve.EPOCH_LOSS, TrainingViewModel.Curve.EPOCH_VAL_LOSS);
        epochLoss.setId("chartEpochLoss");
        MarkedLineChart accuracy = chart("training.chart.accuracy", "training.chart.epoch",
                "training.chart.accuracyAxis", TrainingViewModel.Curve.EPOCH_ACCURACY,
                TrainingViewModel.Curve.EPOCH_VAL_ACCURACY);
        accuracy.setId("chartAccuracy");
        for (MarkedLineChart chart : charts) {
            HBox.setHgrow(chart, Priority.ALWAYS);
            chart.setMinWidth(120);
            chart.setPrefWidth(300);
        }
        chartRow.getChildren().setAll(charts);
        chartRow.setPadding(new Insets(4));
        Button png = new Button(messages.get("training.export.png"), new FontIcon(MaterialDesignE.EXPORT));
        png.setId("trainingExportPng");
        png.setOnAction(e -> exportPng());
        Button csv = new Button(messages.get("training.export.csv"), new FontIcon(MaterialDesignE.EXPORT));
        csv.setId("trainingExportCsv");
        csv.disableProperty().bind(Bindings.isEmpty(vm.history()));
        csv.setOnAction(e -> exportCsv());
        HBox tools = new HBox(6, logScale, png, csv);
        tools.setPadding(new Insets(4, 8, 0, 8));
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox page = new VBox(tools, chartRow);
        VBox.setVgrow(chartRow, Priority.ALWAYS);
        return page;
    }

    private MarkedLineChart chart(String titleKey, String xKey, String yKey, TrainingViewModel.Curve... curves) {
        MarkedLineChart chart = new MarkedLineChart(messages.get(xKey), messages.get(yKey));
        chart.setTitle(messages.get(titleKey));
        // Epoch curves have one point per epoch (decimated to the width like the rest): symbols make the first
        // epoch visible before there is a line; the per-iteration chart stays without them.
        chart.setCreateSymbols(curves[0] != TrainingViewModel.Curve.ITERATION_LOSS);
        for (TrainingViewModel.Curve curve : curves) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(messages.get("training.curve." + curve.name()));
            chart.getData().add(s);
            series.put(curve, s);
            chartOf.put(curve, chart);
        }
        charts.add(chart);
        return chart;
    }

    /** Replaces every series with its curve decimated to the chart's current width (at most 2 points per pixel). */
    private void redrawCharts() {
        boolean log = logScale.isSelected();
        for (Map.Entry<TrainingViewModel.Curve, XYChart.Series<Number, Number>> entry : series.entrySet()) {
            TrainingViewModel.Curve curve = entry.getKey();
            MarkedLineChart chart = chartOf.get(curve);
            int pixels = Math.max(50, (int) chart.getWidth() - 60);
            boolean logHere = log && curve != TrainingViewModel.Curve.EPOCH_ACCURACY
                    && curve != TrainingViewModel.Curve.EPOCH_VAL_ACCURACY;
            double[] points = vm.points(curve, pixels);
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.length / 2);
            for (int i = 0; i < points.length; i += 2) {
                double y = points[i + 1];
                if (logHere) {
                    if (!(y > 0)) {
                        continue;
                    }
                    y = Math.log10(y);
                }
                data.add(new XYChart.Data<>(points[i], y));
            }
            entry.getValue().getData().setAll(data);
        }
        for (MarkedLineChart chart : charts) {
            if (!"chartIterationLoss".equals(chart.getId())) {
                wholeEpochs((NumberAxis) chart.getXAxis());
            }
            boolean logHere = log && chart.getId() != null && !chart.getId().equals("chartAccuracy");
            NumberAxis y = (NumberAxis) chart.getYAxis();
            y.setTickLabelFormatter(logHere ? new StringConverter<>() {
                @Override
                public String toString(Number value) {
                    return String.format(java.util.Locale.ROOT, "%.3g", Math.pow(10, value.doubleValue()));
                }

                @Override
                public Number fromString(String string) {
                    return Math.log10(Double.parseDouble(string));
                }
            } : new NumberAxis.DefaultFormatter(y));
        }
        List<MarkedLineChart.Marker> markers = new ArrayList<>();
        if (vm.bestEpochProperty().get() > 0) {
            markers.add(new MarkedLineChart.Marker(vm.bestEpochProperty().get(),
                    messages.get("training.marker.best", vm.bestEpochProperty().get()), "best"));
        }
        if (vm.earlyStoppedEpochProperty().get() > 0) {
            markers.add(new MarkedLineChart.Marker(vm.earlyStoppedEpochProperty().get(),
                    messages.get("training.marker.early", vm.earlyStoppedEpochProperty().get()), "early"));
        }
        chartOf.get(TrainingViewModel.Curve.EPOCH_LOSS).setMarkers(markers);
        chartOf.get(TrainingViewModel.Curve.EPOCH_ACCURACY).setMarkers(markers);
    }

    /** Epoch axes tick at whole epochs: "2.5 epochs" means nothing. */
    private void wholeEpochs(NumberAxis x) {
        int last = Math.max(2, Math.max(vm.totalEpochsProperty().get(), vm.history().size()));
        x.setAutoRanging(false);
        x.setLowerBound(1);
        x.setUpperBound(last);
        x.setTickUnit(Math.max(1, Math.ceil(last / 10.0)));
        x.setMinorTickVisible(false);
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("training-curves.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            try {
                writePng(chartRow, file.toPath());
            } catch (IOException e) {
                showWriteError(e);
            }
        }
    }

    /** Snapshots a node (on the FX thread) and writes it as PNG, atomically. */
    static void writePng(Node node, Path target) throws IOException {
        WritableImage image = node.snapshot(null, null);
        java.awt.image.BufferedImage buffered = javafx.embed.swing.SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.write(target, out -> {
            if (!javax.imageio.ImageIO.write(buffered, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("training-history.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            try {
                vm.exportHistoryCsv(file.toPath());
            } catch (IOException e) {
                showWriteError(e);
            }
        }
    }

    private void showWriteError(IOException e) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                messages.get("training.export.failed", e.getMessage()));
        alert.initOwner(root.getScene().getWindow());
        alert.show();
    }

    /** The curves page's charts, for the PNG export and for tests. */
    Node chartRow() {
        return chartRow;
    }
}
