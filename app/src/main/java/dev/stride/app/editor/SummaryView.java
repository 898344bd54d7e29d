package dev.stride.app.editor;

import dev.stride.app.common.Messages;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.shape.Diagnostic;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.NodeAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * A Keras-like summary: Layer (type), Output shape, Params, MACs, memory per layer, totals, and the diagnostics
 * below with "go to layer". Rows and canvas selection follow each other.
 */
public final class SummaryView extends VBox {
    /** One table row; values as the engine computed them. */
    public record Row(NodeId id, String layer, String shape, long params, long macs, long memoryBytes,
            boolean error) {
    }

    private final DesignerViewModel model;
    private final dev.stride.app.common.Subscriptions subscriptions = new dev.stride.app.common.Subscriptions();
    private final Messages messages;
    private final TableView<Row> table = new TableView<>();
    private final Label totals = new Label();
    private final ListView<Diagnostic> problems = new ListView<>();
    private boolean syncing;

    public SummaryView(DesignerViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("summary");
        getStyleClass().add("summary-view");
        table.setId("summaryTable");
        table.getColumns().add(column("summary.layer", Row::layer, 260));
        table.getColumns().add(column("summary.shape", Row::shape, 160));
        table.getColumns().add(column("summary.params", r -> LayerText.count(r.params()), 110));
        table.getColumns().add(column("summary.macs", r -> LayerText.count(r.macs()), 130));
        table.getColumns().add(column("summary.memory", r -> LayerText.bytes(r.memoryBytes()), 110));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(view -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"),
                        !empty && row != null && row.error());
            }
        });
        table.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<Row>) change -> {
                    if (!syncing) {
                        syncing = true;
                        model.selectAll(table.getSelectionModel().getSelectedItems().stream()
                                .filter(Objects::nonNull).map(Row::id).toList());
                        syncing = false;
                    }
                });
        subscriptions.on(model.selection(), (SetChangeListener<NodeId>) change -> syncFromModel());
        totals.setId("summaryTotals");
        totals.getStyleClass().add("summary-totals");
        totals.setWrapText(true);
        totals.setMinHeight(Region.USE_PREF_SIZE);
        problems.setId("summaryProblems");
        problems.setCellFactory(list -> new DiagnosticCell());
        problems.setPlaceholder(new Label(messages.get("summary.noProblems")));
        VBox tableBox = new VBox(4, table, totals);
        VBox.setVgrow(table, Priority.ALWAYS);
        tableBox.setPadding(new Insets(0, 0, 4, 0));
        SplitPane split = new SplitPane(tableBox, problems);
        split.setOrientation(javafx.geometry.Orientation.HORIZONTAL);
        split.setDividerPositions(0.72);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().add(split);
        subscriptions.on(model.networkProperty(), (obs, old, network) -> refresh());
        refresh();
    }

    /** Stops following the view-model (the window is being replaced). */
    public void dispose() {
        subscriptions.dispose();
    }

    public TableView<Row> table() {
        return table;
    }

    public String totalsText() {
        return totals.getText();
    }

    /** The rows for a network and its analysis, in the network's order (what the table shows). */
    public static List<Row> rows(Network network, NetworkAnalysis analysis) {
        List<Row> rows = new ArrayList<>();
        for (LayerNode node : network.nodes()) {
            NodeAnalysis facts = analysis.node(node.id()).orElse(null);
            rows.add(new Row(node.id(), node.name() + " (" + node.spec().kerasClassName() + ")",
                    facts == null || !facts.hasOutput() ? "—" : LayerText.kerasShape(facts.outputShape()),
                    facts == null ? 0 : facts.totalParams(), facts == null ? 0 : facts.macs(),
                    facts == null ? 0 : facts.activationBytes(analysis.batchSize()),
                    facts != null && facts.hasErrors()));
        }
        return rows;
    }

    private void refresh() {
        NetworkAnalysis analysis = model.analysis();
        List<Row> rows = rows(model.network(), analysis);
        syncing = true;
        boolean replaced = false;
        if (rows.size() != table.getItems().size()) {
            table.getItems().setAll(rows);
            replaced = true;
        } else {
            // Replace only the rows that changed: an edit deep in a big network touches few of them.
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).equals(table.getItems().get(i))) {
                    table.getItems().set(i, rows.get(i));
                    replaced = true;
                }
            }
        }
        syncing = false;
        if (replaced) {
            syncFromModel();
        }
        totals.setText(messages.get("summary.totals", LayerText.count(analysis.totalParams()),
                LayerText.count(analysis.trainableParams()), LayerText.count(analysis.nonTrainableParams()),
                LayerText.bytes(analysis.parameterBytes()), LayerText.count(analysis.totalMacs()),
                LayerText.bytes(analysis.activationBytes()), analysis.batchSize()));
        if (!problems.getItems().equals(analysis.diagnostics())) {
            problems.getItems().setAll(analysis.diagnostics());
        }
    }

    private void syncFromModel() {
        if (syncing) {
            return;
        }
        syncing = true;
        table.getSelectionModel().clearSelection();
        for (int i = 0; i < table.getItems().size(); i++) {
            if (model.selection().contains(table.getItems().get(i).id())) {
                table.getSelectionModel().select(i);
            }
        }
        syncing = false;
    }

    private TableColumn<Row, String> column(String key, Function<Row, String> value, double width) {
        TableColumn<Row, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    /** A diagnostic with its severity icon and a "go to layer" button. */
    private final class DiagnosticCell extends ListCell<Diagnostic> {
        @Override
        protected void updateItem(Diagnostic diagnostic, boolean empty) {
            super.updateItem(diagnostic, empty);
            if (empty || diagnostic == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            FontIcon icon = new FontIcon(diagnostic.isError() ? MaterialDesignC.CLOSE_CIRCLE
                    : MaterialDesignA.ALERT);
            icon.getStyleClass().add(diagnostic.isError() ? "diagnostic-error" : "diagnostic-warning");
            Label text = new Label(diagnostic.message());
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.setMaxWidth(Double.MAX_VALUE);
            text.prefWidthProperty().bind(problems.widthProperty().subtract(150));
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox box = new HBox(6, icon, text);
            box.setAlignment(Pos.CENTER_LEFT);
            if (diagnostic.node() != null) {
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.SOMETIMES);
                Button go = new Button(messages.get("summary.goTo"));
                go.getStyleClass().add("small");
                go.setOnAction(event -> model.select(diagnostic.node()));
                box.getChildren().addAll(spacer, go);
            }
            setText(null);
            setGraphic(box);
        }
    }
}
