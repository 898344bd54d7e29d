package dev.stride.app.editor;

import dev.stride.engine.model.Network;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The designer's undo/redo stacks of network snapshots, with merging of repeated edits and a revision that names
 * each state: undoing back to the saved state gives the saved revision again, so the document is clean.
 */
final class DesignHistory {
    static final int CAPACITY = 200;

    private record Step(String description, Network before, Network after, String mergeKey, long revisionBefore,
            long revisionAfter) {
    }

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private Network current;
    private long revision;
    private long lastIssued;

    DesignHistory(Network initial) {
        current = initial;
    }

    Network current() {
        return current;
    }

    long revision() {
        return revision;
    }

    void reset(Network network) {
        undo.clear();
        redo.clear();
        current = network;
        revision = ++lastIssued;
    }

    void apply(String description, UnaryOperator<Network> change, String mergeKey) {
        Network next = change.apply(current);
        if (next.equals(current)) {
            return;
        }
        Step last = undo.peek();
        long issued = ++lastIssued;
        if (mergeKey != null && last != null && Objects.equals(last.mergeKey(), mergeKey) && redo.isEmpty()) {
            undo.pop();
            undo.push(new Step(description, last.before(), next, mergeKey, last.revisionBefore(), issued));
        } else {
            undo.push(new Step(description, current, next, mergeKey, revision, issued));
            if (undo.size() > CAPACITY) {
                undo.removeLast();
            }
        }
        redo.clear();
        current = next;
        revision = issued;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    void undo() {
        Step step = undo.pop();
        redo.push(new Step(step.description(), step.before(), step.after(), null, step.revisionBefore(),
                step.revisionAfter()));
        current = step.before();
        revision = step.revisionBefore();
    }

    void redo() {
        Step step = redo.pop();
        undo.push(step);
        current = step.after();
        revision = step.revisionAfter();
    }

    Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(Step::description);
    }

    Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(Step::description);
    }
}
