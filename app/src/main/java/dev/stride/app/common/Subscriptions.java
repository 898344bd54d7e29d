package dev.stride.app.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * Listeners a view adds to longer-lived view-models, removed together when the view goes away (the window is
 * rebuilt on a language switch; the old views must stop listening and be collected).
 */
public final class Subscriptions {
    private final List<Runnable> removals = new ArrayList<>();

    public <T> void on(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        removals.add(() -> value.removeListener(listener));
    }

    public <T> void on(ObservableSet<T> set, SetChangeListener<? super T> listener) {
        set.addListener(listener);
        removals.add(() -> set.removeListener(listener));
    }

    public <K, V> void on(ObservableMap<K, V> map, MapChangeListener<? super K, ? super V> listener) {
        map.addListener(listener);
        removals.add(() -> map.removeListener(listener));
    }

    public <T> void on(ObservableList<T> list, ListChangeListener<? super T> listener) {
        list.addListener(listener);
        removals.add(() -> list.removeListener(listener));
    }

    /** Removes every listener added so far. */
    public void dispose() {
        removals.forEach(Runnable::run);
        removals.clear();
    }
}
