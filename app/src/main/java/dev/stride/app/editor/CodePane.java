package dev.stride.app.editor;

import dev.stride.app.common.Messages;
import dev.stride.app.project.DesignExport;
import dev.stride.engine.export.DesignExporter;
import dev.stride.engine.export.ExportFormat;
import dev.stride.engine.export.KerasLayerCode;
import dev.stride.engine.model.LayerNode;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The "Code" tab: the selected layer as the Keras line a tutorial would write, and the whole design as runnable
 * Keras, PyTorch or DL4J code, so students can map the canvas to what they read.
 */
public final class CodePane extends VBox {
    private final DesignerViewModel model;
    private final Messages messages;
    private final TextField layerLine = new TextField();
    private final ChoiceBox<ExportFormat> language = new ChoiceBox<>();
    private final TextArea code = new TextArea();

    public CodePane(DesignerViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("codePane");
        getStyleClass().add("code-pane");
        layerLine.setId("codeLayerLine");
        layerLine.setEditable(false);
        layerLine.getStyleClass().add("code-text");
        language.setId("codeLanguage");
        language.getItems().addAll(ExportFormat.KERAS_PY, ExportFormat.PYTORCH, ExportFormat.DL4J_JAVA);
        language.setValue(ExportFormat.KERAS_PY);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExportFormat format) {
                return format == null ? "" : messages.get("export." + format.cliName());
            }

            @Override
            public ExportFormat fromString(String text) {
                return null;
            }
        });
        code.setId("codeText");
        code.setEditable(false);
        code.getStyleClass().add("code-text");
        VBox.setVgrow(code, Priority.ALWAYS);
        Label layerLabel = new Label(messages.get("code.layer"));
        HBox layerRow = new HBox(8, layerLabel, layerLine);
        layerRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(layerLine, Priority.ALWAYS);
        HBox languageRow = new HBox(8, new Label(messages.get("code.design")), language);
        languageRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setSpacing(6);
        setPadding(new javafx.geometry.Insets(8));
        getChildren().addAll(layerRow, languageRow, code);
        model.focusedProperty().addListener((obs, old, id) -> refreshLayer());
        model.networkProperty().addListener((obs, old, network) -> {
            refreshLayer();
            refreshCode();
        });
        language.valueProperty().addListener((obs, old, format) -> refreshCode());
        refreshLayer();
        refreshCode();
    }

    private void refreshLayer() {
        var id = model.focusedProperty().get();
        LayerNode node = id == null ? null : model.network().find(id).orElse(null);
        layerLine.setText(node == null ? messages.get("code.noLayer") : KerasLayerCode.selectedLayerKeras(node));
    }

    private void refreshCode() {
        if (model.network().size() == 0) {
            code.setText("");
            return;
        }
        try {
            // Generating is a string walk over the network (well under a millisecond): fine on the UI thread.
            byte[] bytes = DesignExporter.render(language.getValue(), DesignExport.designOf(model.toProject(),
                    "network"), "Network");
            code.setText(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            code.setText(messages.get("code.unavailable", e.getMessage()));
        }
    }
}
