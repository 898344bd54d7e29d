package dev.stride.engine.export;

import dev.stride.engine.model.Network;
import dev.stride.engine.training.TrainingSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an export needs: the network, its training settings, a title (the project or model name) and, for a
 * trained model, its weights in Keras's layout.
 */
public record ExportableDesign(Network network, TrainingSettings settings, String title, NetworkWeights weights) {
    public ExportableDesign {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(title, "title");
    }

    public static ExportableDesign untrained(Network network, TrainingSettings settings, String title) {
        return new ExportableDesign(network, settings, title, null);
    }

    public Optional<NetworkWeights> trainedWeights() {
        return Optional.ofNullable(weights);
    }
}
