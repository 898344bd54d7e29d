package dev.stride.app;

import dev.stride.app.common.Messages;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.scene.control.ScrollPane;

/** The palette of layer kinds, grouped as in the Keras documentation, with a search box. */
final class LayerPalette extends VBox {
    /** A palette group: its message key and the Keras class names it offers. */
    record Group(String key, List<String> layers) {
    }

    static final List<Group> GROUPS = List.of(
            new Group("palette.input", List.of("InputLayer")),
            new Group("palette.convolution", List.of("Conv2D", "Conv2DTranspose", "SeparableConv2D",
                    "DepthwiseConv2D")),
            new Group("palette.pooling", List.of("MaxPooling2D", "AveragePooling2D", "GlobalMaxPooling2D",
                    "GlobalAveragePooling2D")),
            new Group("palette.normalization", List.of("BatchNormalization", "Dropout", "SpatialDropout2D")),
            new Group("palette.core", List.of("Dense", "Activation", "Flatten", "Reshape", "ZeroPadding2D",
                    "Cropping2D", "UpSampling2D")),
            new Group("palette.merge", List.of("Add", "Concatenate")));

    private final VBox groups = new VBox();

    LayerPalette(Messages messages) {
        getStyleClass().add("layer-palette");
        setMinWidth(200);
        TextField search = new TextField();
        search.setId("paletteSearch");
        search.setPromptText(messages.get("palette.search"));
        search.textProperty().addListener((obs, old, text) -> filter(text));
        for (Group group : GROUPS) {
            VBox items = new VBox();
            items.getStyleClass().add("palette-items");
            for (String layer : group.layers()) {
                Label item = new Label(layer);
                item.getStyleClass().add("palette-item");
                item.setUserData(layer);
                item.setMaxWidth(Double.MAX_VALUE);
                items.getChildren().add(item);
            }
            TitledPane pane = new TitledPane(messages.get(group.key()), items);
            pane.setUserData(group);
            groups.getChildren().add(pane);
        }
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(search, scroll);
    }

    private void filter(String text) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (var node : groups.getChildren()) {
            TitledPane pane = (TitledPane) node;
            boolean any = false;
            for (var item : ((VBox) pane.getContent()).getChildren()) {
                boolean match = needle.isEmpty() || item.getUserData().toString().toLowerCase(Locale.ROOT)
                        .contains(needle);
                item.setVisible(match);
                item.setManaged(match);
                any |= match;
            }
            pane.setVisible(any);
            pane.setManaged(any);
        }
    }
}
