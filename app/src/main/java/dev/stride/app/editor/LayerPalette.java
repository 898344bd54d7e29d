package dev.stride.app.editor;

import dev.stride.app.common.Messages;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import atlantafx.base.controls.CustomTextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The palette of layer kinds, grouped as in the Keras documentation, with icons and a search box. Drag an entry
 * onto the canvas to add it (onto a connection to insert it there); double-click to append it to the pipeline.
 */
public final class LayerPalette extends VBox {
    private final VBox groups = new VBox();

    public LayerPalette(Messages messages, DesignerViewModel model) {
        getStyleClass().add("layer-palette");
        setMinWidth(190);
        CustomTextField search = new CustomTextField();
        search.setId("paletteSearch");
        search.setPromptText(messages.get("palette.search"));
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.textProperty().addListener((obs, old, text) -> filter(text));
        for (LayerCatalog.Group group : LayerCatalog.GROUPS) {
            VBox items = new VBox();
            items.getStyleClass().add("palette-items");
            for (LayerCatalog.Entry entry : group.entries()) {
                Label item = new Label(entry.label(), new FontIcon(entry.icon()));
                item.getStyleClass().add("palette-item");
                item.setId("palette-" + entry.id());
                item.setUserData(entry);
                item.setMaxWidth(Double.MAX_VALUE);
                item.setTooltip(new Tooltip(messages.get("palette.hint")));
                item.setOnDragDetected(event -> {
                    var board = item.startDragAndDrop(TransferMode.COPY);
                    ClipboardContent content = new ClipboardContent();
                    content.putString(NetworkCanvas.DRAG_PREFIX + entry.id());
                    board.setContent(content);
                    event.consume();
                });
                item.setOnMouseClicked(event -> {
                    if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                        model.appendLayer(entry.create().get());
                    }
                });
                items.getChildren().add(item);
            }
            TitledPane pane = new TitledPane(messages.get(group.key()), items);
            pane.setGraphic(new FontIcon(group.icon()));
            pane.setUserData(group);
            groups.getChildren().add(pane);
        }
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(search, scroll);
    }

    private void filter(String text) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (var node : groups.getChildren()) {
            TitledPane pane = (TitledPane) node;
            boolean any = false;
            for (var item : ((VBox) pane.getContent()).getChildren()) {
                LayerCatalog.Entry entry = (LayerCatalog.Entry) item.getUserData();
                boolean match = needle.isEmpty() || entry.label().toLowerCase(Locale.ROOT).contains(needle);
                item.setVisible(match);
                item.setManaged(match);
                any |= match;
            }
            pane.setVisible(any);
            pane.setManaged(any);
        }
    }
}
