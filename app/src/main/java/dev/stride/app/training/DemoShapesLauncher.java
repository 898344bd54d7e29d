package dev.stride.app.training;

import dev.stride.engine.model.Network;
import dev.stride.engine.training.DemoShapes;
import dev.stride.engine.training.PreparedRun;
import java.util.OptionalLong;

/**
 * Trains the engine's built-in shapes network on its generated pictures: the launcher the app uses until designs
 * are compiled for training (engine.dl4j) and datasets load from files (engine.data); it accepts only the built-in
 * shapes dataset and says so for the rest.
 */
public final class DemoShapesLauncher implements TrainingLauncher {
    /** The app's demo size: 200 pictures per shape, 640 to train on and 160 to validate with the default split. */
    public static final int PICTURES_PER_CLASS = 200;
    private final int picturesPerClass;

    public DemoShapesLauncher(int picturesPerClass) {
        this.picturesPerClass = picturesPerClass;
    }

    @Override
    public TrainingRun prepare(TrainingRequest request) {
        if (request.dataset().kind() != DatasetChoice.Kind.BUILT_IN_SHAPES) {
            throw new IllegalArgumentException("this build trains only the built-in shapes dataset; "
                    + request.dataset().kind() + " needs the dataset loaders of engine.data");
        }
        PreparedRun prepared = DemoShapes.prepare(request.settings(), picturesPerClass);
        return new SessionTrainingRun(prepared, DemoShapes.design(), request.checkpoint());
    }

    @Override
    public boolean supports(DatasetChoice.Kind kind) {
        return kind == DatasetChoice.Kind.BUILT_IN_SHAPES;
    }

    @Override
    public boolean supportsAugmentation() {
        return false;
    }

    @Override
    public OptionalLong memoryEstimateBytes(Network network, int batchSize) {
        return PreparedRun.estimateBytes(DemoShapes.network(
                dev.stride.engine.training.TrainingSettings.defaults()), DemoShapes.GEOMETRY, batchSize);
    }

    /** The design this launcher trains, for the run history's fingerprint. */
    public static Network design() {
        return DemoShapes.design();
    }
}
