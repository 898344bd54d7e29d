package dev.stride.engine.keras;

import dev.stride.engine.model.Network;
import java.util.Objects;

/**
 * A Keras model read from JSON: the network plus what Keras's own summary depends on, its name and whether it was a
 * Sequential model (whose layer list leaves the InputLayer out).
 */
public record KerasModel(String name, boolean sequential, Network network) {
    public KerasModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(network, "network");
    }
}
