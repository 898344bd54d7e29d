package dev.stride.app.training;

import dev.stride.engine.data.DatasetSpec;
import dev.stride.engine.data.DatasetType;
import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.model.Network;
import dev.stride.engine.training.DatasetRuns;
import dev.stride.engine.training.DemoShapes;
import dev.stride.engine.training.PreparedRun;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Prepares runs on real datasets (the project's dataset, an image folder, IDX files) through engine.data, and on
 * the built-in shapes. The network comes from a {@link DatasetRuns.NetworkFactory}: the app passes the engine's
 * built-in CNN until the design compiler (engine.dl4j) lands, then the compiled design.
 */
public final class DatasetLauncher implements TrainingLauncher {
    /** Generated pictures per shape for the built-in shapes: 640 to train on and 160 to validate at split 0.2. */
    static final int SHAPES_PER_CLASS = 200;
    private final Supplier<DatasetSpec> projectDataset;
    private final Path projectBase;
    private final DatasetRuns.NetworkFactory networks;
    private final Supplier<AugmentationSettings> augmentation;
    private final boolean trainsTheDesign;

    /**
     * @param projectDataset the project's "dataset" block (e.g. the digits sample)
     * @param projectBase    the folder its relative paths resolve against
     * @param networks       builds the network to train
     * @param augmentation   the gallery's augmentation settings
     * @param trainsTheDesign true when {@code networks} compiles the request's design, false for the built-in CNN
     *                        (then the run history records the built-in design)
     */
    public DatasetLauncher(Supplier<DatasetSpec> projectDataset, Path projectBase, DatasetRuns.NetworkFactory networks,
                           Supplier<AugmentationSettings> augmentation, boolean trainsTheDesign) {
        this.projectDataset = Objects.requireNonNull(projectDataset, "projectDataset");
        this.projectBase = projectBase;
        this.networks = Objects.requireNonNull(networks, "networks");
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        this.trainsTheDesign = trainsTheDesign;
    }

    /**
     * The app's launcher until the designer and gallery are wired in: the project dataset is the digits sample in
     * {@code samplesFolder}, the network is the built-in CNN, augmentation is a mild rotate-and-zoom that suits
     * digits and photos alike (no flips: a mirrored 2 is not a 2).
     */
    public static DatasetLauncher withDigitsSample(Path samplesFolder) {
        AugmentationSettings mild = AugmentationSettings.NONE
                .withRotation(new AugmentationSettings.Transform(1, 10))
                .withZoom(new AugmentationSettings.Transform(1, 0.1));
        return new DatasetLauncher(() -> DatasetSpec.of(DatasetType.DIGITS, null), samplesFolder, builtInNetwork(),
                () -> mild, false);
    }

    /** The engine's small CNN sized to each dataset: trains any image dataset while designs cannot be compiled. */
    public static DatasetRuns.NetworkFactory builtInNetwork() {
        return (design, input, classes, settings) -> DemoShapes.networkFor(input, classes, settings);
    }

    @Override
    public TrainingRun prepare(TrainingRequest request) {
        DatasetChoice choice = request.dataset();
        if (choice.kind() == DatasetChoice.Kind.BUILT_IN_SHAPES) {
            PreparedRun demo = DemoShapes.prepare(request.settings(), SHAPES_PER_CLASS);
            return new SessionTrainingRun(demo, DemoShapes.design(), request.checkpoint());
        }
        DatasetSpec spec;
        Path base;
        switch (choice.kind()) {
            case PROJECT_DATASET -> {
                spec = projectDataset.get();
                base = projectBase;
            }
            case IMAGE_FOLDER -> {
                spec = DatasetSpec.of(DatasetType.IMAGE_FOLDER, choice.path().toString());
                base = null;
            }
            case IDX_FILES -> {
                spec = DatasetSpec.of(DatasetType.IDX, choice.path().toString());
                base = null;
            }
            default -> throw new IllegalArgumentException("the Training tab trains image classifiers; "
                    + choice.kind() + " is a table");
        }
        AugmentationSettings augment = request.augment() ? augmentation.get() : AugmentationSettings.NONE;
        PreparedRun prepared = DatasetRuns.prepare(request.network(), spec, base, null, request.settings(), augment,
                networks, () -> false);
        Network design = trainsTheDesign ? request.network()
                : DemoShapes.designFor(prepared.geometry(), prepared.labels().size());
        return new SessionTrainingRun(prepared, design, request.checkpoint());
    }

    @Override
    public boolean supports(DatasetChoice.Kind kind) {
        return kind != DatasetChoice.Kind.CSV_FILE;
    }

    @Override
    public boolean supportsAugmentation() {
        return true;
    }

    @Override
    public OptionalLong memoryEstimateBytes(Network network, int batchSize) {
        // Until designs compile, estimate the built-in network on the project's usual 28×28 grey input.
        return PreparedRun.estimateBytes(DemoShapes.network(dev.stride.engine.training.TrainingSettings.defaults()),
                DemoShapes.GEOMETRY, batchSize);
    }
}
