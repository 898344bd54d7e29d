package dev.stride.app.training;

import dev.stride.engine.model.Network;
import java.util.OptionalLong;

/**
 * Turns a request into a ready-to-start run: compile the design, load and split the data. Called on a background
 * thread; a problem is thrown as an exception whose message the user reads.
 */
public interface TrainingLauncher {
    TrainingRun prepare(TrainingRequest request) throws Exception;

    /** Whether this launcher can train on {@code kind}; the picker disables the others. */
    boolean supports(DatasetChoice.Kind kind);

    /** Whether augmentation settings are applied to the training batches. */
    boolean supportsAugmentation();

    /** Training memory for one batch size, when it can be estimated (called on a background thread). */
    OptionalLong memoryEstimateBytes(Network network, int batchSize);
}
