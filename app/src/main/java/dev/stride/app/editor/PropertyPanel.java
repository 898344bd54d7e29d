package dev.stride.app.editor;

import dev.stride.app.common.Messages;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.shape.Diagnostic;
import dev.stride.engine.shape.NodeAnalysis;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The selected layer's parameters in a PropertySheet (one editor per parameter, edits through the history), and
 * beside them, live: the output shape, the size formula with the user's numbers, the layer's diagnostics and help.
 */
public final class PropertyPanel extends StackPane {
    private final DesignerViewModel model;
    private final dev.stride.app.common.Subscriptions subscriptions = new dev.stride.app.common.Subscriptions();
    private final Messages messages;
    private final HelpTexts help;
    private final PropertySheet sheet = new PropertySheet();
    private final Label type = new Label();
    private final TextField name = new TextField();
    private final Label problem = new Label();
    private final Label outputShape = new Label();
    private final VBox formula = new VBox(2);
    private final VBox diagnostics = new VBox(4);
    private final Label layerHelp = new Label();
    private final VBox content = new VBox(6);
    private final Label noSelection;
    private NodeId shownNode;
    private Class<?> shownSpecType;

    public PropertyPanel(DesignerViewModel model, Messages messages, HelpTexts help) {
        this.model = model;
        this.messages = messages;
        this.help = help;
        setId("properties");
        getStyleClass().add("property-panel");
        sheet.setId("propertySheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setPropertyEditorFactory(item -> ParameterEditors.create(item, this::showProblem,
                messages.get("properties.squareLock")));
        VBox.setVgrow(sheet, Priority.ALWAYS);
        type.getStyleClass().add("panel-title");
        name.setId("layerName");
        name.setOnAction(event -> rename());
        name.focusedProperty().addListener((obs, old, focused) -> {
            if (!focused) {
                rename();
            }
        });
        problem.setId("propertyProblem");
        problem.getStyleClass().add("property-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        outputShape.setId("liveShape");
        outputShape.getStyleClass().add("live-shape");
        formula.setId("liveFormula");
        formula.getStyleClass().add("live-formula");
        layerHelp.getStyleClass().add("layer-help");
        layerHelp.setWrapText(true);
        VBox live = new VBox(4, outputShape, formula, diagnostics, layerHelp);
        live.getStyleClass().add("live-box");
        live.setPadding(new Insets(8));
        ScrollPane liveScroll = new ScrollPane(live);
        liveScroll.setFitToWidth(true);
        liveScroll.setPrefViewportHeight(190);
        liveScroll.setMinHeight(120);
        Label noParameters = new Label(messages.get("properties.noParameters"));
        noParameters.getStyleClass().add("dock-placeholder");
        noParameters.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(sheet.getItems()));
        noParameters.managedProperty().bind(noParameters.visibleProperty());
        // The sheet itself stays (hiding a PropertySheet and showing it again left it deaf to the mouse).
        content.getChildren().addAll(type, name, problem, noParameters, sheet, liveScroll);
        content.setPadding(new Insets(8));
        noSelection = new Label(messages.get("properties.none"));
        noSelection.getStyleClass().add("dock-placeholder");
        noSelection.setWrapText(true);
        getChildren().addAll(content, noSelection);
        subscriptions.on(model.focusedProperty(), (obs, old, id) -> {
            // Another layer: the next parameter change starts a new undo step.
            model.endMerge();
            refresh();
        });
        subscriptions.on(model.networkProperty(), (obs, old, network) -> refresh());
        refresh();
    }

    /** Stops following the view-model (the window is being replaced). */
    public void dispose() {
        subscriptions.dispose();
        sheet.getItems().clear();
    }

    /** The PropertySheet, for tests that drive the editors. */
    public PropertySheet sheet() {
        return sheet;
    }

    private void refresh() {
        Optional<LayerNode> focused = model.focusedNode();
        content.setVisible(focused.isPresent());
        noSelection.setVisible(focused.isEmpty());
        if (focused.isEmpty()) {
            shownNode = null;
            shownSpecType = null;
            sheet.getItems().clear();
            return;
        }
        LayerNode node = focused.get();
        if (!node.id().equals(shownNode) || node.spec().getClass() != shownSpecType) {
            shownNode = node.id();
            shownSpecType = node.spec().getClass();
            problem.setVisible(false);
            List<PropertySheet.Item> items = new ArrayList<>();
            String layerType = node.spec().kerasClassName();
            for (RecordComponent component : ParameterItem.componentsOf(node.spec())) {
                String category = messages.get(ParameterItem.isWeightParameter(component)
                        ? "properties.category.weights" : "properties.category.layer");
                String description = help.parameter(layerType, ParameterItem.kerasName(component.getName()));
                items.add(new ParameterItem(model, node.id(), component, category, description, this::showProblem));
            }
            sheet.getItems().setAll(items);
            type.setGraphic(new FontIcon(LayerCatalog.iconOf(node.spec())));
            layerHelp.setText(help.layer(layerType));
        }
        type.setText(node.spec().kerasClassName());
        if (!name.isFocused()) {
            name.setText(node.name());
        }
        updateLive(node);
    }

    private void updateLive(LayerNode node) {
        NodeAnalysis facts = model.analysis().node(node.id()).orElse(null);
        outputShape.setText(messages.get("properties.output", facts == null || !facts.hasOutput() ? "—"
                : LayerText.kerasShape(facts.outputShape())));
        List<NodeId> inputs = model.network().inputsOf(node.id());
        TensorShape input = inputs.size() == 1 ? model.analysis().node(inputs.get(0))
                .map(NodeAnalysis::outputShape).orElse(null) : null;
        formula.getChildren().clear();
        for (String line : ConvFormula.lines(node.spec(), input, messages.get("formula.height"),
                messages.get("formula.width"))) {
            Label label = new Label(line);
            label.getStyleClass().add("formula-line");
            formula.getChildren().add(label);
        }
        diagnostics.getChildren().clear();
        if (facts != null) {
            for (Diagnostic diagnostic : facts.diagnostics()) {
                Label label = new Label(diagnostic.message());
                label.setWrapText(true);
                label.getStyleClass().add(diagnostic.isError() ? "diagnostic-error" : "diagnostic-warning");
                diagnostics.getChildren().add(label);
            }
        }
    }

    private void rename() {
        NodeId id = shownNode;
        if (id == null || model.network().find(id).map(n -> n.name().equals(name.getText())).orElse(true)) {
            return;
        }
        if (!model.rename(id, name.getText())) {
            showProblem(messages.get("properties.nameTaken", name.getText()));
            name.setText(model.network().node(id).name());
        }
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(text != null && !text.isEmpty());
    }
}
