package dev.stride.app.editor;

import dev.stride.engine.model.Constraint;
import dev.stride.engine.model.Initializer;
import dev.stride.engine.model.Margins;
import dev.stride.engine.model.Regularizer;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.PropertyEditor;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The editor for each kind of parameter: spinners with legal ranges, choices for enums, tuple editors with a
 * "square" lock, initializer/regularizer/constraint pickers and checked text fields for the rest. Invalid input is
 * marked in place and never reaches the model.
 */
final class ParameterEditors {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final String NONE = "None";

    private ParameterEditors() {
    }

    /** The factory the PropertySheet uses; {@code problems} receives a message for input that does not parse. */
    static PropertyEditor<?> create(PropertySheet.Item item, Consumer<String> problems, String lockTooltip) {
        PropertyEditor<?> editor = editorFor(item, problems, lockTooltip);
        // Stable ids (param-strides, …) for tests and for screen readers' labels.
        editor.getEditor().setId("param-" + item.getName());
        return editor;
    }

    private static PropertyEditor<?> editorFor(PropertySheet.Item item, Consumer<String> problems,
            String lockTooltip) {
        ParameterItem parameter = (ParameterItem) item;
        String name = parameter.componentName();
        String layer = parameter.layerType();
        Class<?> type = item.getType();
        if (type == int.class) {
            int[] range = intRange(name);
            return new Editor<>(item, integerSpinner(range[0], range[1]), Spinner::valueProperty,
                    (spinner, value) -> spinner.getValueFactory().setValue((Integer) value));
        }
        if (type == double.class) {
            double[] range = doubleRange(name);
            Spinner<Double> spinner = new Spinner<>(range[0], range[1], range[0], range[2]);
            spinner.setEditable(true);
            return new Editor<>(item, spinner, Spinner::valueProperty,
                    (control, value) -> control.getValueFactory().setValue((Double) value));
        }
        if (type == boolean.class) {
            return new Editor<>(item, new CheckBox(), CheckBox::selectedProperty,
                    (box, value) -> box.setSelected(Boolean.TRUE.equals(value)));
        }
        if (type.isEnum()) {
            ComboBox<Object> choice = new ComboBox<>();
            choice.getItems().setAll(Arrays.asList(type.getEnumConstants()));
            choice.setConverter(converter(ParameterEditors::describe));
            choice.setVisibleRowCount(12);
            return new Editor<>(item, choice, ComboBox::valueProperty, (box, value) -> box.setValue(value));
        }
        if (type == Size2D.class) {
            boolean nullable = name.equals("outputPadding") || name.equals("strides") && layer.contains("Pooling");
            int[] range = intRange(name);
            TupleEditor tuple = new TupleEditor(range[0], range[1], nullable, lockTooltip);
            return new Editor<>(item, tuple, t -> t.value, (t, value) -> t.show((Size2D) value));
        }
        if (type == Initializer.class) {
            ComboBox<Initializer.Kind> choice = new ComboBox<>();
            choice.getItems().setAll(Initializer.Kind.values());
            choice.setConverter(converter(Initializer.Kind::alias));
            choice.setVisibleRowCount(15);
            ObjectProperty<Initializer> value = new SimpleObjectProperty<>();
            choice.valueProperty().addListener((obs, old, kind) -> {
                if (kind != null && (value.get() == null || value.get().kind() != kind)) {
                    value.set(Initializer.of(kind));
                }
            });
            HBox box = new HBox(choice);
            return new Editor<>(item, box, b -> value, (b, v) -> {
                value.set((Initializer) v);
                choice.setValue(v == null ? null : ((Initializer) v).kind());
            });
        }
        if (type == Regularizer.class) {
            return regularizerEditor(item, problems);
        }
        if (type == Constraint.class) {
            return constraintEditor(item, problems);
        }
        if (type == TensorShape.class) {
            return text(item, problems, v -> ints(((TensorShape) v).dims()),
                    s -> new TensorShape(parseInts(s, 1, 4, true)));
        }
        if (type == Margins.class) {
            return text(item, problems, v -> {
                Margins m = (Margins) v;
                return m.top() + ", " + m.bottom() + ", " + m.left() + ", " + m.right();
            }, s -> {
                List<Integer> values = parseInts(s, 1, 4, false);
                return switch (values.size()) {
                    case 1 -> Margins.uniform(values.get(0));
                    case 2 -> Margins.symmetric(values.get(0), values.get(1));
                    case 4 -> Margins.of(values.get(0), values.get(1), values.get(2), values.get(3));
                    default -> throw new IllegalArgumentException("give 1, 2 or 4 numbers (top, bottom, left, right)");
                };
            });
        }
        if (type == List.class) {
            return text(item, problems, v -> v == null ? NONE : ints((List<?>) v),
                    s -> s.isBlank() || s.trim().equalsIgnoreCase(NONE) ? null : parseInts(s, 1, 4, true));
        }
        if (type == Integer.class) {
            return text(item, problems, v -> v == null ? NONE : v.toString(),
                    s -> s.isBlank() || s.trim().equalsIgnoreCase(NONE) ? null : Integer.valueOf(s.trim()));
        }
        if (name.equals("interpolation")) {
            ComboBox<Object> choice = new ComboBox<>();
            choice.getItems().setAll("nearest", "bilinear", "bicubic", "area", "lanczos3", "lanczos5");
            return new Editor<>(item, choice, ComboBox::valueProperty, (box, value) -> box.setValue(value));
        }
        return text(item, problems, v -> v == null ? "" : v.toString(), s -> s);
    }

    /** Legal integer ranges per parameter name (Keras accepts more, but these are what a student needs). */
    static int[] intRange(String name) {
        return switch (name) {
            case "filters", "units" -> new int[] {1, 65_536};
            case "kernelSize", "poolSize" -> new int[] {1, 64};
            case "strides", "dilationRate", "size" -> new int[] {1, 32};
            case "outputPadding" -> new int[] {0, 31};
            case "groups", "depthMultiplier" -> new int[] {1, 1024};
            case "axis" -> new int[] {-4, 3};
            default -> new int[] {0, Integer.MAX_VALUE};
        };
    }

    /** min, max, step for double parameters. */
    static double[] doubleRange(String name) {
        return switch (name) {
            case "rate" -> new double[] {0, 0.95, 0.05};
            case "momentum" -> new double[] {0, 1, 0.01};
            case "epsilon" -> new double[] {1e-7, 1, 0.0001};
            default -> new double[] {-1e9, 1e9, 0.1};
        };
    }

    /** A value as the edit history's description shows it: {@code 3×3}, {@code same}, {@code he_normal}. */
    static String describe(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Initializer initializer) {
            return initializer.kind().alias();
        }
        if (value instanceof Regularizer.L1 r) {
            return "l1(" + LayerText.number(r.l1()) + ")";
        }
        if (value instanceof Regularizer.L2 r) {
            return "l2(" + LayerText.number(r.l2()) + ")";
        }
        if (value instanceof Regularizer.L1L2 r) {
            return "l1_l2(" + LayerText.number(r.l1()) + ", " + LayerText.number(r.l2()) + ")";
        }
        if (value instanceof Constraint constraint) {
            return ParameterItem.kerasName(constraint.kerasClassName().substring(0, 1).toLowerCase(Locale.ROOT)
                    + constraint.kerasClassName().substring(1));
        }
        if (value instanceof TensorShape shape) {
            return LayerText.shape(shape);
        }
        if (value instanceof Double d) {
            return LayerText.number(d);
        }
        return value.toString();
    }

    // --- editors -------------------------------------------------------------------------------------------

    /** Binds a control to an item: the control's value goes to the item, the item's value to the control. */
    private static final class Editor<T, C extends Node> extends AbstractPropertyEditor<Object, C> {
        private final Function<C, ObservableValue<T>> observable;
        private final java.util.function.BiConsumer<C, Object> show;

        Editor(PropertySheet.Item item, C control, Function<C, ObservableValue<T>> observable,
                java.util.function.BiConsumer<C, Object> show) {
            super(item, control, false);
            this.observable = observable;
            this.show = show;
            // AbstractPropertyEditor asked for the observable before our fields were set: wire it now.
            observable.apply(control).addListener((obs, old, value) -> {
                if (value != null && !java.util.Objects.equals(value, item.getValue())) {
                    item.setValue(value);
                }
            });
        }

        @Override
        @SuppressWarnings("unchecked")
        protected ObservableValue<Object> getObservableValue() {
            // Called from the super constructor (fields still null): a constant keeps its listener inert.
            return observable == null ? new SimpleObjectProperty<>()
                    : (ObservableValue<Object>) observable.apply(getEditor());
        }

        @Override
        public void setValue(Object value) {
            show.accept(getEditor(), value);
        }
    }

    private static Spinner<Integer> integerSpinner(int min, int max) {
        Spinner<Integer> spinner = new Spinner<>(min, max, min);
        spinner.setEditable(true);
        // Commit while typing, so shapes update at each keystroke instead of on Enter.
        spinner.getEditor().textProperty().addListener((obs, old, text) -> {
            try {
                int value = Integer.parseInt(text.trim());
                if (value >= min && value <= max && !Integer.valueOf(value).equals(spinner.getValue())) {
                    spinner.getValueFactory().setValue(value);
                }
            } catch (NumberFormatException e) {
                // Half-typed input: wait for more keys.
            }
        });
        return spinner;
    }

    /** Height × width spinners with a lock that keeps them equal (on for square values). */
    static final class TupleEditor extends HBox {
        final ObjectProperty<Size2D> value = new SimpleObjectProperty<>();
        final Spinner<Integer> height;
        final Spinner<Integer> width;
        final ToggleButton square = new ToggleButton();
        private final CheckBox none = new CheckBox(NONE);
        private boolean showing;

        TupleEditor(int min, int max, boolean nullable, String lockTooltip) {
            super(4);
            setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("tuple-editor");
            height = integerSpinner(min, max);
            width = integerSpinner(min, max);
            // Wide enough for two digits beside the arrows, however narrow the panel gets.
            for (Spinner<Integer> spinner : List.of(height, width)) {
                spinner.setMinWidth(76);
                spinner.setPrefWidth(80);
                spinner.getEditor().setPrefColumnCount(3);
            }
            square.setGraphic(new FontIcon(MaterialDesignL.LOCK));
            square.setTooltip(new Tooltip(lockTooltip));
            square.getStyleClass().add("square-lock");
            square.selectedProperty().addListener((obs, old, locked) ->
                    square.setGraphic(new FontIcon(locked ? MaterialDesignL.LOCK
                            : MaterialDesignL.LOCK_OPEN_VARIANT_OUTLINE)));
            getChildren().addAll(height, new Label("×"), width, square);
            if (nullable) {
                getChildren().add(none);
                none.selectedProperty().addListener((obs, old, isNone) -> {
                    height.setDisable(isNone);
                    width.setDisable(isNone);
                    push();
                });
            }
            height.valueProperty().addListener((obs, old, h) -> {
                if (!showing && square.isSelected() && !h.equals(width.getValue())) {
                    width.getValueFactory().setValue(h);
                }
                push();
            });
            width.valueProperty().addListener((obs, old, w) -> {
                if (!showing && square.isSelected() && !w.equals(height.getValue())) {
                    height.getValueFactory().setValue(w);
                }
                push();
            });
        }

        private void push() {
            if (!showing) {
                value.set(none.isSelected() ? null : Size2D.of(height.getValue(), width.getValue()));
            }
        }

        void show(Size2D size) {
            showing = true;
            try {
                none.setSelected(size == null);
                if (size != null) {
                    height.getValueFactory().setValue(size.height());
                    width.getValueFactory().setValue(size.width());
                    if (!size.isSquare()) {
                        square.setSelected(false);
                    } else if (value.get() == null) {
                        square.setSelected(true);
                    }
                }
                value.set(size);
            } finally {
                showing = false;
            }
        }
    }

    private static PropertyEditor<?> regularizerEditor(PropertySheet.Item item, Consumer<String> problems) {
        ComboBox<String> kind = new ComboBox<>();
        kind.getItems().setAll(NONE, "l1", "l2", "l1_l2");
        TextField factor = new TextField();
        factor.setPrefColumnCount(8);
        factor.setPromptText("0.0001");
        HBox box = new HBox(4, kind, factor);
        ObjectProperty<Regularizer> value = new SimpleObjectProperty<>();
        boolean[] showing = {false};
        Runnable push = () -> {
            if (showing[0]) {
                return;
            }
            try {
                String chosen = kind.getValue();
                List<Double> factors = Arrays.stream(factor.getText().split("[,;\\s]+")).filter(s -> !s.isBlank())
                        .map(Double::valueOf).toList();
                double first = factors.isEmpty() ? 0.01 : factors.get(0);
                Regularizer next = switch (chosen == null ? NONE : chosen) {
                    case "l1" -> Regularizer.l1(first);
                    case "l2" -> Regularizer.l2(first);
                    case "l1_l2" -> Regularizer.l1l2(first, factors.size() > 1 ? factors.get(1) : first);
                    default -> null;
                };
                factor.setDisable(next == null);
                factor.pseudoClassStateChanged(INVALID, false);
                problems.accept("");
                if (next == null ? value.get() != null : !next.equals(value.get())) {
                    value.set(next);
                    item.setValue(next);
                }
            } catch (NumberFormatException e) {
                factor.pseudoClassStateChanged(INVALID, true);
                problems.accept(item.getName() + ": '" + factor.getText() + "' is not a number");
            }
        };
        kind.valueProperty().addListener((obs, old, v) -> push.run());
        factor.setOnAction(event -> push.run());
        factor.focusedProperty().addListener((obs, old, focused) -> {
            if (!focused) {
                push.run();
            }
        });
        return new Editor<>(item, box, b -> value, (b, v) -> {
            showing[0] = true;
            Regularizer r = (Regularizer) v;
            value.set(r);
            if (r == null) {
                kind.setValue(NONE);
                factor.setText("");
            } else if (r instanceof Regularizer.L1 l1) {
                kind.setValue("l1");
                factor.setText(LayerText.number(l1.l1()));
            } else if (r instanceof Regularizer.L2 l2) {
                kind.setValue("l2");
                factor.setText(LayerText.number(l2.l2()));
            } else if (r instanceof Regularizer.L1L2 both) {
                kind.setValue("l1_l2");
                factor.setText(LayerText.number(both.l1()) + ", " + LayerText.number(both.l2()));
            }
            factor.setDisable(r == null);
            showing[0] = false;
        });
    }

    private static PropertyEditor<?> constraintEditor(PropertySheet.Item item, Consumer<String> problems) {
        ComboBox<String> kind = new ComboBox<>();
        kind.getItems().setAll(NONE, "max_norm", "non_neg", "unit_norm", "min_max_norm");
        TextField argument = new TextField();
        argument.setPrefColumnCount(6);
        HBox box = new HBox(4, kind, argument);
        ObjectProperty<Constraint> value = new SimpleObjectProperty<>();
        boolean[] showing = {false};
        Runnable push = () -> {
            if (showing[0]) {
                return;
            }
            try {
                String chosen = kind.getValue() == null ? NONE : kind.getValue();
                List<Double> numbers = Arrays.stream(argument.getText().split("[,;\\s]+"))
                        .filter(s -> !s.isBlank()).map(Double::valueOf).toList();
                Constraint next = switch (chosen) {
                    case "max_norm" -> new Constraint.MaxNorm(numbers.isEmpty() ? 2.0 : numbers.get(0));
                    case "non_neg" -> new Constraint.NonNeg();
                    case "unit_norm" -> new Constraint.UnitNorm(List.of(0));
                    case "min_max_norm" -> new Constraint.MinMaxNorm(numbers.isEmpty() ? 0 : numbers.get(0),
                            numbers.size() > 1 ? numbers.get(1) : 1, 1, List.of(0));
                    default -> null;
                };
                argument.setDisable(!(next instanceof Constraint.MaxNorm || next instanceof Constraint.MinMaxNorm));
                argument.pseudoClassStateChanged(INVALID, false);
                problems.accept("");
                if (next == null ? value.get() != null : !next.equals(value.get())) {
                    value.set(next);
                    item.setValue(next);
                }
            } catch (NumberFormatException e) {
                argument.pseudoClassStateChanged(INVALID, true);
                problems.accept(item.getName() + ": '" + argument.getText() + "' is not a number");
            }
        };
        kind.valueProperty().addListener((obs, old, v) -> {
            if (!showing[0]) {
                argument.setText("");
            }
            push.run();
        });
        argument.setOnAction(event -> push.run());
        return new Editor<>(item, box, b -> value, (b, v) -> {
            showing[0] = true;
            Constraint c = (Constraint) v;
            value.set(c);
            if (c == null) {
                kind.setValue(NONE);
                argument.setText("");
            } else if (c instanceof Constraint.MaxNorm max) {
                kind.setValue("max_norm");
                argument.setText(LayerText.number(max.maxValue()));
            } else if (c instanceof Constraint.MinMaxNorm minMax) {
                kind.setValue("min_max_norm");
                argument.setText(LayerText.number(minMax.minValue()) + ", " + LayerText.number(minMax.maxValue()));
            } else {
                kind.setValue(c instanceof Constraint.NonNeg ? "non_neg" : "unit_norm");
                argument.setText("");
            }
            argument.setDisable(!(c instanceof Constraint.MaxNorm || c instanceof Constraint.MinMaxNorm));
            showing[0] = false;
        });
    }

    /** A text field that commits on Enter or focus loss; text that does not parse is marked and reported. */
    private static PropertyEditor<?> text(PropertySheet.Item item, Consumer<String> problems,
            Function<Object, String> format, Function<String, Object> parse) {
        TextField field = new TextField();
        ObjectProperty<Object> value = new SimpleObjectProperty<>();
        Runnable commit = () -> {
            try {
                Object parsed = parse.apply(field.getText());
                field.pseudoClassStateChanged(INVALID, false);
                problems.accept("");
                value.set(parsed);
                item.setValue(parsed);
            } catch (RuntimeException e) {
                field.pseudoClassStateChanged(INVALID, true);
                problems.accept(item.getName() + ": " + (e.getMessage() == null ? "invalid value" : e.getMessage()));
            }
        };
        field.setOnAction(event -> commit.run());
        field.focusedProperty().addListener((obs, old, focused) -> {
            if (!focused && !field.getText().equals(format.apply(value.get()))) {
                commit.run();
            }
        });
        return new Editor<>(item, field, f -> value, (f, v) -> {
            value.set(v);
            f.setText(format.apply(v));
            f.pseudoClassStateChanged(INVALID, false);
        });
    }

    private static List<Integer> parseInts(String text, int min, int max, boolean allowMinusOne) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.replace("×", ",").replace("(", "").replace(")", "").split("[,;x\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            int value;
            try {
                value = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a whole number");
            }
            if (value < 0 && !(allowMinusOne && value == -1)) {
                throw new IllegalArgumentException(value + " is negative; sizes are 0 or more");
            }
            values.add(value);
        }
        if (values.size() < min || values.size() > max) {
            throw new IllegalArgumentException("give " + min + " to " + max + " numbers separated by commas");
        }
        return values;
    }

    private static String ints(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static <T> StringConverter<T> converter(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed in");
            }
        };
    }
}
