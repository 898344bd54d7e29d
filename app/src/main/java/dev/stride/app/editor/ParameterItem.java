package dev.stride.app.editor;

import dev.stride.engine.model.Constraint;
import dev.stride.engine.model.Initializer;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.Regularizer;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One layer parameter as a PropertySheet row: reads the record component of the selected layer's spec, and a
 * change becomes a new spec (same record, one component replaced) sent through the edit history. A value the
 * record refuses is reported, not applied.
 */
final class ParameterItem implements PropertySheet.Item {
    private final DesignerViewModel model;
    private final NodeId node;
    private final RecordComponent component;
    private final String category;
    private final String description;
    private final Consumer<String> problems;
    private final ObjectBinding<Object> value;

    ParameterItem(DesignerViewModel model, NodeId node, RecordComponent component, String category,
            String description, Consumer<String> problems) {
        this.model = model;
        this.node = node;
        this.component = component;
        this.category = category;
        this.description = description;
        this.problems = problems;
        this.value = Bindings.createObjectBinding(this::currentValue, model.networkProperty());
    }

    /** The components the sheet shows for a spec, in declaration order. */
    static RecordComponent[] componentsOf(LayerSpec spec) {
        return spec.getClass().getRecordComponents();
    }

    /** Keras's parameter name: {@code kernelSize} → {@code kernel_size}. */
    static String kerasName(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Whether a parameter sits in the "weights" category (initializers, regularizers, constraints). */
    static boolean isWeightParameter(RecordComponent component) {
        Class<?> type = component.getType();
        return type == Initializer.class || type == Regularizer.class || type == Constraint.class
                || component.getName().equals("useBias");
    }

    /** The spec with one component replaced, through the record's canonical constructor (which validates). */
    static LayerSpec with(LayerSpec spec, String componentName, Object replacement) {
        RecordComponent[] components = componentsOf(spec);
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                arguments[i] = components[i].getName().equals(componentName) ? replacement
                        : components[i].getAccessor().invoke(spec);
            }
            Constructor<?> canonical = spec.getClass().getDeclaredConstructor(types);
            return (LayerSpec) canonical.newInstance(arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalArgumentException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + spec.getClass().getSimpleName(), e);
        }
    }

    /** A component's value (null for Keras's None). */
    static Object read(LayerSpec spec, String componentName) {
        for (RecordComponent component : componentsOf(spec)) {
            if (component.getName().equals(componentName)) {
                try {
                    return component.getAccessor().invoke(spec);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException(spec.getClass().getSimpleName() + " has no " + componentName);
    }

    String componentName() {
        return component.getName();
    }

    String layerType() {
        return model.network().find(node).map(n -> n.spec().kerasClassName()).orElse("");
    }

    private Object currentValue() {
        // After the node was deleted or given another kind of layer, this (stale) row reads nothing.
        return model.network().find(node).filter(n -> n.spec().getClass() == component.getDeclaringRecord())
                .map(n -> read(n.spec(), component.getName())).orElse(null);
    }

    @Override
    public Class<?> getType() {
        return component.getType();
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return kerasName(component.getName());
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        return value.get();
    }

    @Override
    public void setValue(Object replacement) {
        Optional<LayerNode> layer = model.network().find(node);
        if (layer.isEmpty() || layer.get().spec().getClass() != component.getDeclaringRecord()
                || java.util.Objects.equals(replacement, currentValue())) {
            return;
        }
        try {
            LayerSpec changed = with(layer.get().spec(), component.getName(), replacement);
            problems.accept("");
            model.editSpec(node, changed, "Set " + getName() + " of " + layer.get().name() + " to "
                    + ParameterEditors.describe(replacement), getName());
        } catch (RuntimeException e) {
            problems.accept(getName() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        }
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(value);
    }
}
