package dev.stride.engine.edit;

import dev.stride.engine.model.Network;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Undo/redo over immutable networks: a capped undo stack, merging of consecutive edits that share a merge key
 * (until {@link #endMerge()}), a revision counter that changes with every change of the current network, and a
 * saved marker for the dirty state. Not thread-safe: the app calls it from the FX thread only. An edit issued while
 * another is being applied (re-entrant) is refused.
 */
public final class EditHistory {
    /** The default number of undo steps kept. */
    public static final int DEFAULT_CAPACITY = 200;

    private record Step(String description, Network before, Network after, String mergeKey, long id) {
    }

    private final int capacity;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private Network current;
    private long revision;
    private long nextStepId = 1;
    private long savedStepId;
    private boolean mergeOpen;
    private boolean applying;

    public EditHistory(Network initial) {
        this(initial, DEFAULT_CAPACITY);
    }

    public EditHistory(Network initial, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.current = Objects.requireNonNull(initial, "initial");
        this.capacity = capacity;
    }

    public Network current() {
        return current;
    }

    /** Increases whenever {@link #current()} changes (edit, undo, redo, reset). */
    public long revision() {
        return revision;
    }

    /**
     * Applies the command and records it; returns the new network. A command that changes nothing leaves no undo
     * step. Throws IllegalStateException for a re-entrant edit and passes the command's own exceptions on with
     * the history untouched.
     */
    public Network execute(EditCommand command) {
        Objects.requireNonNull(command, "command");
        if (applying) {
            throw new IllegalStateException("an edit was issued while \"" + command.description()
                    + "\" or another edit was being applied; edits must not trigger edits");
        }
        Network after;
        applying = true;
        try {
            after = Objects.requireNonNull(command.apply(current), "an edit returned no network");
        } finally {
            applying = false;
        }
        if (after.equals(current)) {
            return current;
        }
        String key = command.mergeKey().orElse(null);
        Step top = undo.peek();
        if (key != null && mergeOpen && top != null && key.equals(top.mergeKey()) && top.id() != savedStepId) {
            undo.pop();
            undo.push(new Step(command.description(), top.before(), after, key, nextStepId++));
        } else {
            undo.push(new Step(command.description(), current, after, key, nextStepId++));
            while (undo.size() > capacity) {
                Step dropped = undo.removeLast();
                // The state before the oldest kept step is what an empty undo stack now means.
                if (savedStepId == 0) {
                    savedStepId = -1;
                } else if (savedStepId == dropped.id()) {
                    savedStepId = 0;
                }
            }
        }
        mergeOpen = key != null;
        redo.clear();
        current = after;
        revision++;
        return current;
    }

    /** Ends a run of mergeable edits (e.g. the slider was released): the next edit starts a new undo step. */
    public void endMerge() {
        mergeOpen = false;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The description of the step {@link #undo()} would revert. */
    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(Step::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(Step::description);
    }

    public Network undo() {
        refuseWhileApplying();
        Step step = undo.poll();
        if (step == null) {
            return current;
        }
        redo.push(step);
        current = step.before();
        mergeOpen = false;
        revision++;
        return current;
    }

    public Network redo() {
        refuseWhileApplying();
        Step step = redo.poll();
        if (step == null) {
            return current;
        }
        undo.push(step);
        current = step.after();
        mergeOpen = false;
        revision++;
        return current;
    }

    private void refuseWhileApplying() {
        if (applying) {
            throw new IllegalStateException("undo/redo was requested while an edit was being applied");
        }
    }

    /** Records that the current network was saved: {@link #isDirty()} is false until it changes again. */
    public void markSaved() {
        Step top = undo.peek();
        savedStepId = top == null ? 0 : top.id();
        mergeOpen = false;
    }

    /** True when the current network differs from the last saved one (undoing back to it makes it clean). */
    public boolean isDirty() {
        Step top = undo.peek();
        return (top == null ? 0 : top.id()) != savedStepId;
    }

    /** Starts over with a new network (e.g. a project was opened): clears both stacks and counts as saved. */
    public void reset(Network network) {
        refuseWhileApplying();
        current = Objects.requireNonNull(network, "network");
        undo.clear();
        redo.clear();
        savedStepId = 0;
        mergeOpen = false;
        revision++;
    }
}
