package dev.stride.app.data;

import dev.stride.app.common.Messages;
import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.data.vision.AugmentationSettings.Transform;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.HPos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The augmentation settings form: per transform a switch, its probability and its range, editing one
 * {@link AugmentationSettings} value that the preview and training share.
 */
final class AugmentationForm extends GridPane {
    private final ObjectProperty<AugmentationSettings> settings =
            new SimpleObjectProperty<>(this, "settings", AugmentationSettings.NONE);
    private final Map<AugmentationField, Row> rows = new EnumMap<>(AugmentationField.class);
    private boolean updatingControls;

    AugmentationForm(Messages messages) {
        getStyleClass().add("augmentation-form");
        setHgap(6);
        setVgap(2);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints slider = new ColumnConstraints(50, 80, Double.MAX_VALUE, Priority.ALWAYS, HPos.LEFT, true);
        ColumnConstraints valueText = new ColumnConstraints(48);
        valueText.setMinWidth(48);
        getColumnConstraints().addAll(name, slider, valueText, slider, valueText);
        Label probability = new Label(messages.get("gallery.settings.probability"));
        Label range = new Label(messages.get("gallery.settings.range"));
        probability.getStyleClass().add("form-header");
        range.getStyleClass().add("form-header");
        add(probability, 1, 0, 2, 1);
        add(range, 3, 0, 2, 1);
        int line = 1;
        for (AugmentationField field : AugmentationField.values()) {
            Row row = new Row(field, messages.get(field.messageKey()));
            rows.put(field, row);
            add(row.enabled, 0, line);
            add(row.probability, 1, line);
            add(row.probabilityText, 2, line);
            if (field.hasAmount()) {
                add(row.amount, 3, line);
                add(row.amountText, 4, line);
            }
            line++;
        }
        settings.addListener((obs, old, value) -> showSettings(value));
        showSettings(settings.get());
    }

    ObjectProperty<AugmentationSettings> settingsProperty() {
        return settings;
    }

    private void showSettings(AugmentationSettings value) {
        if (updatingControls) {
            return;
        }
        updatingControls = true;
        try {
            rows.values().forEach(row -> row.show(row.field.get(value)));
        } finally {
            updatingControls = false;
        }
    }

    private void controlsChanged() {
        if (updatingControls) {
            return;
        }
        AugmentationSettings edited = AugmentationSettings.NONE;
        for (Row row : rows.values()) {
            edited = row.field.with(edited, row.transform());
        }
        updatingControls = true;
        try {
            settings.set(edited);
        } finally {
            updatingControls = false;
        }
    }

    /** The controls of one transform. */
    private final class Row {
        final AugmentationField field;
        final CheckBox enabled;
        final Slider probability = new Slider(0.05, 1, 1);
        final Label probabilityText = new Label();
        final Slider amount;
        final Label amountText = new Label();

        Row(AugmentationField field, String name) {
            this.field = field;
            String id = "augment-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-');
            enabled = new CheckBox(name);
            enabled.setId(id);
            probability.setId(id + "-probability");
            amount = new Slider(0, Math.max(field.maxAmount(), 1e-6), field.defaultAmount());
            amount.setId(id + "-amount");
            probability.setValue(field.hasAmount() ? 1 : 0.5);
            probability.disableProperty().bind(enabled.selectedProperty().not());
            amount.disableProperty().bind(enabled.selectedProperty().not());
            enabled.selectedProperty().addListener((obs, old, on) -> controlsChanged());
            probability.valueProperty().addListener((obs, old, p) -> {
                updateTexts();
                controlsChanged();
            });
            amount.valueProperty().addListener((obs, old, a) -> {
                updateTexts();
                controlsChanged();
            });
            updateTexts();
        }

        Transform transform() {
            if (!enabled.isSelected()) {
                return Transform.OFF;
            }
            return new Transform(probability.getValue(), field.hasAmount() ? amount.getValue() : 0);
        }

        void show(Transform transform) {
            boolean on = transform.probability() > 0 && (!field.hasAmount() || transform.amount() > 0);
            enabled.setSelected(on);
            if (on) {
                probability.setValue(transform.probability());
                if (field.hasAmount()) {
                    amount.setValue(Math.min(transform.amount(), amount.getMax()));
                }
            }
            updateTexts();
        }

        private void updateTexts() {
            probabilityText.setText(String.format(Locale.ROOT, "%.0f%%", probability.getValue() * 100));
            amountText.setText(field.formatAmount(amount.getValue()));
        }
    }
}
