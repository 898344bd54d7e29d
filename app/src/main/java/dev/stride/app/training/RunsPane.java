package dev.stride.app.training;

import dev.stride.app.common.Messages;
import dev.stride.engine.training.EpochMetrics;
import dev.stride.engine.training.RunRecord;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The project's kept runs: pick two, see their curves overlaid and what differed between them. */
final class RunsPane {
    private final TrainingViewModel vm;
    private final Messages messages;
    private final MarkedLineChart loss;
    private final MarkedLineChart accuracy;
    private final VBox root;

    RunsPane(TrainingViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        ComboBox<RunRecord> a = runBox(vm.compareAProperty());
        a.setId("compareRunA");
        ComboBox<RunRecord> b = runBox(vm.compareBProperty());
        b.setId("compareRunB");
        Label count = new Label();
        vm.runs().addListener((ListChangeListener<RunRecord>) change ->
                count.setText(messages.get("training.runs.count", vm.runs().size())));
        HBox pick = new HBox(8, new Label(messages.get("training.runs.a")), a,
                new Label(messages.get("training.runs.b")),
                b, count);
        pick.setAlignment(Pos.CENTER_LEFT);

        loss = new MarkedLineChart(messages.get("training.chart.epoch"), messages.get("training.chart.loss"));
        loss.setCreateSymbols(true);
        loss.setTitle(messages.get("training.runs.lossOverlay"));
        loss.setId("runsLossOverlay");
        accuracy = new MarkedLineChart(messages.get("training.chart.epoch"),
                messages.get("training.chart.accuracyAxis"));
        accuracy.setTitle(messages.get("training.runs.accuracyOverlay"));
        accuracy.setCreateSymbols(true);
        accuracy.setId("runsAccuracyOverlay");
        ListView<String> differences = new ListView<>(vm.differences());
        differences.setId("runDifferences");
        differences.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        differences.setPrefWidth(380);
        VBox diffBox = new VBox(4, new Label(messages.get("training.runs.differences")), differences);
        VBox.setVgrow(differences, Priority.ALWAYS);
        HBox.setHgrow(loss, Priority.ALWAYS);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        loss.setPrefWidth(300);
        accuracy.setPrefWidth(300);
        HBox body = new HBox(8, loss, accuracy, diffBox);
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(6, pick, body);
        root.setPadding(new Insets(6));
        vm.compareAProperty().addListener((obs, old, value) -> redraw());
        vm.compareBProperty().addListener((obs, old, value) -> redraw());
    }

    Node root() {
        return root;
    }

    private ComboBox<RunRecord> runBox(javafx.beans.property.ObjectProperty<RunRecord> property) {
        ComboBox<RunRecord> box = new ComboBox<>(vm.runs());
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(RunRecord run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : describe(run));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        box.valueProperty().bindBidirectional(property);
        box.setPrefWidth(300);
        return box;
    }

    private String describe(RunRecord run) {
        double accuracy = run.headlineAccuracy();
        String started;
        try {
            started = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .withZone(java.time.ZoneId.systemDefault()).format(java.time.Instant.parse(run.started()));
        } catch (RuntimeException e) {
            started = run.started();
        }
        return messages.get("training.runs.item", started,
                run.outcome(), run.history().size(),
                Double.isNaN(accuracy) ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", accuracy * 100),
                run.architectureFingerprint().substring(0, Math.min(6, run.architectureFingerprint().length())));
    }

    private void redraw() {
        loss.getData().clear();
        accuracy.getData().clear();
        add(vm.compareAProperty().get(), "A");
        add(vm.compareBProperty().get(), "B");
        int epochs = 2;
        for (RunRecord run : new RunRecord[] {vm.compareAProperty().get(), vm.compareBProperty().get()}) {
            epochs = Math.max(epochs, run == null ? 0 : run.history().size());
        }
        for (MarkedLineChart chart : new MarkedLineChart[] {loss, accuracy}) {
            javafx.scene.chart.NumberAxis x = (javafx.scene.chart.NumberAxis) chart.getXAxis();
            x.setAutoRanging(false);
            x.setLowerBound(1);
            x.setUpperBound(epochs);
            x.setTickUnit(Math.max(1, Math.ceil(epochs / 10.0)));
            x.setMinorTickVisible(false);
        }
    }

    private void add(RunRecord run, String name) {
        if (run == null) {
            return;
        }
        XYChart.Series<Number, Number> trainLoss = new XYChart.Series<>();
        trainLoss.setName(messages.get("training.runs.series.loss", name));
        XYChart.Series<Number, Number> valLoss = new XYChart.Series<>();
        valLoss.setName(messages.get("training.runs.series.valLoss", name));
        XYChart.Series<Number, Number> valAccuracy = new XYChart.Series<>();
        valAccuracy.setName(messages.get("training.runs.series.valAccuracy", name));
        XYChart.Series<Number, Number> trainAccuracy = new XYChart.Series<>();
        trainAccuracy.setName(messages.get("training.runs.series.accuracy", name));
        for (EpochMetrics m : run.history()) {
            addPoint(trainLoss, m.epoch(), m.loss());
            addPoint(valLoss, m.epoch(), m.valLoss());
            addPoint(trainAccuracy, m.epoch(), m.accuracy());
            addPoint(valAccuracy, m.epoch(), m.valAccuracy());
        }
        loss.getData().add(trainLoss);
        loss.getData().add(valLoss);
        accuracy.getData().add(trainAccuracy);
        accuracy.getData().add(valAccuracy);
    }

    private static void addPoint(XYChart.Series<Number, Number> series, double x, double y) {
        if (Double.isFinite(y)) {
            series.getData().add(new XYChart.Data<>(x, y));
        }
    }
}
