package dev.stride.engine.edit;

import dev.stride.engine.model.Network;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One user edit: a description for the Undo menu and a pure function from the network before to the network after.
 * Commands that share a {@link #mergeKey()} and follow each other (a slider drag) collapse into one undo step.
 */
public interface EditCommand {

    /** What the edit does, e.g. "Change filters of conv2d", shown as "Undo Change filters of conv2d". */
    String description();

    /** The network after the edit; must not modify anything and may throw IllegalArgumentException when it does not apply. */
    Network apply(Network network);

    /** Consecutive commands with the same key merge into one undo step; empty means never merge. */
    default Optional<String> mergeKey() {
        return Optional.empty();
    }

    /** A command from a description and a function. */
    static EditCommand of(String description, UnaryOperator<Network> edit) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(edit, "edit");
        return new EditCommand() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public Network apply(Network network) {
                return edit.apply(network);
            }
        };
    }
}
