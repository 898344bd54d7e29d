package dev.stride.app.editor;

import dev.stride.engine.model.LayerNode;
import dev.stride.engine.shape.Diagnostic;
import dev.stride.engine.shape.NodeAnalysis;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One layer on the canvas: a card with its name and type, key parameters, output shape and parameter count, and
 * an input port on top and an output port below. Red with the message on hover for an error, amber for a warning.
 */
public final class LayerNodeView extends Region {
    public static final double WIDTH = 210;
    public static final double HEIGHT = 78;
    static final double PORT_RADIUS = 6;

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final VBox card = new VBox();
    private final FontIcon icon = new FontIcon();
    private final Label title = new Label();
    private final Label type = new Label();
    private final Label parameters = new Label();
    private final Label shape = new Label();
    private final Label params = new Label();
    private final Circle inputPort = new Circle(PORT_RADIUS);
    private final Circle outputPort = new Circle(PORT_RADIUS);
    private final Tooltip tooltip = new Tooltip();
    private LayerNode shown;
    private NodeAnalysis shownAnalysis;
    private boolean tooltipInstalled;

    /** The words a card shows, in the UI's language: "{0} params" and the error marker. */
    public record CardTexts(String paramsPattern, String error) {
        String params(String count) {
            return paramsPattern.replace("{0}", count);
        }
    }

    private final CardTexts texts;

    LayerNodeView(LayerNode node, CardTexts texts) {
        this.texts = texts;
        getStyleClass().add("layer-node");
        card.getStyleClass().add("layer-card");
        icon.getStyleClass().add("layer-icon");
        title.getStyleClass().add("layer-title");
        type.getStyleClass().add("layer-type");
        parameters.getStyleClass().add("layer-parameters");
        shape.getStyleClass().add("layer-shape");
        params.getStyleClass().add("layer-params");
        inputPort.getStyleClass().addAll("port", "input-port");
        outputPort.getStyleClass().addAll("port", "output-port");
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, icon, title, spacer, type);
        header.setAlignment(Pos.CENTER_LEFT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(6, shape, gap, params);
        footer.setAlignment(Pos.CENTER_LEFT);
        title.setMinWidth(Region.USE_PREF_SIZE);
        type.setMinWidth(0);
        parameters.setMaxWidth(WIDTH - 20);
        card.getChildren().addAll(header, parameters, footer);
        card.setPrefSize(WIDTH, HEIGHT);
        card.resize(WIDTH, HEIGHT);
        getChildren().addAll(card, inputPort, outputPort);
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        resize(WIDTH, HEIGHT);
        inputPort.setCenterX(WIDTH / 2);
        inputPort.setCenterY(0);
        outputPort.setCenterX(WIDTH / 2);
        outputPort.setCenterY(HEIGHT);
        setUserData(node.id());
        update(node, null);
    }

    @Override
    protected void layoutChildren() {
        card.resizeRelocate(0, 0, WIDTH, HEIGHT);
    }

    /** Refreshes the texts; a no-op when neither the layer nor its analysis changed (keeps big networks fast). */
    void update(LayerNode node, NodeAnalysis analysis) {
        if (!Objects.equals(node, shown)) {
            if (shown == null || !shown.name().equals(node.name())) {
                setId("node-" + node.name());
                title.setText(node.name());
            }
            if (shown == null || !shown.spec().equals(node.spec())) {
                icon.setIconCode(LayerCatalog.iconOf(node.spec()));
                type.setText(node.spec().kerasClassName());
                parameters.setText(LayerText.keyParameters(node.spec()));
            }
            shown = node;
        }
        if (Objects.equals(analysis, shownAnalysis)) {
            return;
        }
        shownAnalysis = analysis;
        boolean error = analysis != null && analysis.hasErrors();
        boolean warning = !error && analysis != null && !analysis.diagnostics().isEmpty();
        shape.setText(analysis == null || !analysis.hasOutput() ? (error ? "⚠ " + texts.error() : "—")
                : LayerText.shape(analysis.outputShape()));
        params.setText(analysis == null ? "" : texts.params(LayerText.compact(analysis.totalParams())));
        pseudoClassStateChanged(ERROR, error);
        pseudoClassStateChanged(WARNING, warning);
        boolean problems = analysis != null && !analysis.diagnostics().isEmpty();
        if (problems) {
            tooltip.setText(analysis.diagnostics().stream().map(Diagnostic::message)
                    .collect(Collectors.joining("\n")));
        }
        if (problems != tooltipInstalled) {
            if (problems) {
                Tooltip.install(this, tooltip);
            } else {
                Tooltip.uninstall(this, tooltip);
            }
            tooltipInstalled = problems;
        }
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    LayerNode node() {
        return shown;
    }

    /** The diagnostics text shown on hover ("" when none): what tests and screen readers can read. */
    public String problemText() {
        return shownAnalysis == null || shownAnalysis.diagnostics().isEmpty() ? "" : tooltip.getText();
    }

    public boolean hasError() {
        return getPseudoClassStates().contains(ERROR);
    }

    public String shapeText() {
        return shape.getText();
    }

    public String parametersText() {
        return parameters.getText();
    }

    Circle inputPort() {
        return inputPort;
    }

    Circle outputPort() {
        return outputPort;
    }
}
