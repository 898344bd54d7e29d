package dev.stride.app.training;

import dev.stride.engine.model.Network;
import dev.stride.engine.training.TrainingSettings;
import java.nio.file.Path;

/**
 * Everything a {@link TrainingLauncher} needs to prepare a run.
 *
 * @param network      the design to train (the designer's current network), or null when none is open
 * @param projectFile  the project file, or null when unsaved
 * @param dataset      what to train on
 * @param settings     how to train
 * @param augment      apply the gallery's augmentation settings to training batches
 * @param useGpu       train on the GPU (only offered when one was detected)
 * @param checkpoint   where to keep the last epoch's checkpoint, or null
 */
public record TrainingRequest(Network network, Path projectFile, DatasetChoice dataset, TrainingSettings settings,
                              boolean augment, boolean useGpu, Path checkpoint) {
}
