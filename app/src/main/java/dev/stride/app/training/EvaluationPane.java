package dev.stride.app.training;

import dev.stride.app.common.Messages;
import dev.stride.engine.training.RunEvaluation;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * After a run: the confusion matrix as a heatmap whose cells list their images, per-class precision, recall and F1,
 * and the images the network got wrong most confidently.
 */
final class EvaluationPane {
    private static final Color LOW = Color.web("#f6f8fa");
    private static final Color HIGH = Color.web("#0969da");
    private final TrainingViewModel vm;
    private final Messages messages;
    private final GridPane matrix = new GridPane();
    private final TableView<Integer> metrics = new TableView<>();
    private final VBox root;

    EvaluationPane(TrainingViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        matrix.setId("confusionMatrix");
        matrix.setHgap(2);
        matrix.setVgap(2);
        matrix.setPadding(new Insets(4));

        Label note = new Label();
        note.setId("evaluationNote");
        note.textProperty().bind(vm.evaluationNoteProperty());
        Label empty = new Label(messages.get("training.eval.empty"));
        empty.getStyleClass().add("training-muted");
        empty.visibleProperty().bind(vm.evaluationProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());

        Label cellTitle = new Label();
        cellTitle.textProperty().bind(vm.cellTitleProperty());
        FlowPane cellImages = tiles("cellExamples", vm.cellExamples());
        ScrollPane cellScroll = scroll(cellImages);
        VBox cell = new VBox(4, label("training.eval.cellHint"), cellTitle, cellScroll);
        VBox.setVgrow(cellScroll, Priority.ALWAYS);
        HBox.setHgrow(cell, Priority.ALWAYS);

        metricsTable();
        VBox table = new VBox(4, label("training.eval.perClass"), metrics);
        VBox.setVgrow(metrics, Priority.ALWAYS);
        table.setPrefWidth(400);
        table.setMinWidth(360);

        Label matrixTitle = label("training.eval.matrix");
        matrixTitle.setWrapText(true);
        matrixTitle.setMaxWidth(350);
        ScrollPane matrixScroll = new ScrollPane(matrix);
        matrixScroll.setMinViewportWidth(340);
        matrixScroll.setPrefViewportWidth(350);
        VBox matrixBox = new VBox(4, matrixTitle, matrixScroll);
        VBox.setVgrow(matrixScroll, Priority.ALWAYS);
        matrixBox.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, matrixBox, cell, table);
        VBox.setVgrow(top, Priority.ALWAYS);

        FlowPane mistakes = tiles("confidentMistakes", vm.confidentMistakes());
        ScrollPane mistakesScroll = scroll(mistakes);
        mistakesScroll.setPrefHeight(110);
        mistakesScroll.setMinHeight(90);
        root = new VBox(6, note, empty, top, label("training.eval.mistakes"), mistakesScroll);
        root.setPadding(new Insets(6));
        vm.evaluationProperty().addListener((obs, old, evaluation) -> show(evaluation));
    }

    Node root() {
        return root;
    }

    private Label label(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("training-section");
        return label;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void show(RunEvaluation evaluation) {
        matrix.getChildren().clear();
        if (evaluation == null) {
            metrics.setItems(FXCollections.observableArrayList());
            return;
        }
        int classes = evaluation.classes();
        double size = classes <= 4 ? 46 : classes <= 10 ? 26 : 18;
        Label corner = new Label(messages.get("training.eval.axes"));
        corner.getStyleClass().add("training-muted");
        matrix.add(corner, 0, 0);
        for (int c = 0; c < classes; c++) {
            Label predicted = new Label(evaluation.labels().get(c));
            predicted.setMaxWidth(size);
            predicted.setMinWidth(size);
            predicted.setAlignment(Pos.CENTER);
            predicted.setTooltip(new Tooltip(messages.get("training.eval.predicted", evaluation.labels().get(c))));
            matrix.add(predicted, c + 1, 0);
            Label actual = new Label(evaluation.labels().get(c));
            actual.setTooltip(new Tooltip(messages.get("training.eval.actual", evaluation.labels().get(c))));
            matrix.add(actual, 0, c + 1);
        }
        int max = Math.max(1, evaluation.maxCount());
        for (int a = 0; a < classes; a++) {
            for (int p = 0; p < classes; p++) {
                int count = evaluation.count(a, p);
                double t = Math.sqrt((double) count / max);
                Rectangle background = new Rectangle(size, size, LOW.interpolate(HIGH, t));
                Label number = new Label(Integer.toString(count));
                number.setTextFill(t > 0.55 ? Color.WHITE : Color.web("#1f2328"));
                StackPane cell = new StackPane(background, number);
                cell.getStyleClass().add("confusion-cell");
                if (a == p) {
                    cell.getStyleClass().add("diagonal");
                }
                cell.setUserData(new int[] {a, p});
                int actualClass = a;
                int predictedClass = p;
                cell.setOnMouseClicked(e -> vm.selectCell(actualClass, predictedClass));
                Tooltip.install(cell, new Tooltip(messages.get("training.eval.cell", evaluation.labels().get(a),
                        evaluation.labels().get(p), count)));
                matrix.add(cell, p + 1, a + 1);
            }
        }
        metrics.setItems(FXCollections.observableArrayList(IntStream.range(0, classes).boxed().toList()));
    }

    private void metricsTable() {
        metrics.setId("classMetrics");
        metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        metrics.setFixedCellSize(24);
        TableColumn<Integer, String> name = new TableColumn<>(messages.get("training.eval.class"));
        name.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(
                vm.evaluationProperty().get().labels().get(row.getValue())));
        metrics.getColumns().add(name);
        metrics.getColumns().add(number("training.eval.precision", c -> vm.evaluationProperty().get().precision(c)));
        metrics.getColumns().add(number("training.eval.recall", c -> vm.evaluationProperty().get().recall(c)));
        metrics.getColumns().add(number("training.eval.f1", c -> vm.evaluationProperty().get().f1(c)));
        metrics.getColumns().add(number("training.eval.support", c -> vm.evaluationProperty().get().support(c)));
    }

    private TableColumn<Integer, String> number(String key, java.util.function.IntToDoubleFunction value) {
        TableColumn<Integer, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(row -> {
            double v = value.applyAsDouble(row.getValue());
            String text = Double.isNaN(v) ? "—" : key.endsWith("support") ? Long.toString(Math.round(v))
                    : String.format(java.util.Locale.ROOT, "%.3f", v);
            return new ReadOnlyObjectWrapper<>(text);
        });
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    /** A wrapping row of small images with captions that follows a list in the view-model. */
    static FlowPane tiles(String id, javafx.collections.ObservableList<TrainingViewModel.ExampleImage> images) {
        FlowPane pane = new FlowPane(6, 6);
        pane.setId(id);
        pane.setPadding(new Insets(4));
        Runnable fill = () -> pane.getChildren().setAll(images.stream().map(EvaluationPane::tile).toList());
        images.addListener((ListChangeListener<TrainingViewModel.ExampleImage>) change -> fill.run());
        fill.run();
        return pane;
    }

    private static Node tile(TrainingViewModel.ExampleImage image) {
        ImageView view = new ImageView(PixelImages.of(image.pixels()));
        view.setFitWidth(56);
        view.setFitHeight(56);
        view.setPreserveRatio(true);
        view.setSmooth(false);
        Label caption = new Label(image.caption());
        caption.getStyleClass().add("training-caption");
        caption.setMaxWidth(90);
        VBox box = new VBox(2, view, caption);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("example-tile");
        return box;
    }

    List<Node> cells() {
        return matrix.getChildren().stream().filter(n -> n.getStyleClass().contains("confusion-cell")).toList();
    }
}
