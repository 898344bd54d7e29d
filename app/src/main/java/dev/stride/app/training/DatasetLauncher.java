package dev.stride.app.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.data.DatasetSpec;
import dev.stride.engine.data.DatasetType;
import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.model.Network;
import dev.stride.engine.project.ProjectFile;
import dev.stride.engine.training.DatasetRuns;
import dev.stride.engine.training.DemoShapes;
import dev.stride.engine.training.PreparedRun;
import dev.stride.engine.training.TrainingSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Prepares runs of the current design on real datasets (the project's own "dataset" block, an image folder, IDX
 * files) through engine.data and engine.dl4j, and of the engine's built-in network on generated shapes.
 */
public final class DatasetLauncher implements TrainingLauncher {
    /** Generated pictures per shape for the built-in shapes: 640 to train on and 160 to validate at split 0.2. */
    static final int SHAPES_PER_CLASS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DatasetRuns.NetworkFactory networks;
    private final Supplier<AugmentationSettings> augmentation;
    private final boolean trainsTheDesign;

    /**
     * @param networks        builds the network to train
     * @param augmentation    the gallery's augmentation settings
     * @param trainsTheDesign true when {@code networks} compiles the request's design, false for the built-in CNN
     *                        (then the run history records the built-in design)
     */
    public DatasetLauncher(DatasetRuns.NetworkFactory networks, Supplier<AugmentationSettings> augmentation,
                           boolean trainsTheDesign) {
        this.networks = Objects.requireNonNull(networks, "networks");
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        this.trainsTheDesign = trainsTheDesign;
    }

    /**
     * The app's launcher without a gallery: the design compiled by engine.dl4j, and a mild rotate-and-zoom
     * augmentation that suits digits and photos alike (no flips: a mirrored 2 is not a 2).
     */
    public static DatasetLauncher compilingTheDesign() {
        AugmentationSettings mild = AugmentationSettings.NONE
                .withRotation(new AugmentationSettings.Transform(1, 10))
                .withZoom(new AugmentationSettings.Transform(1, 0.1));
        return compilingTheDesign(() -> mild);
    }

    /** The design compiled by engine.dl4j, augmented with the gallery's current settings (what its preview shows). */
    public static DatasetLauncher compilingTheDesign(Supplier<AugmentationSettings> gallerySettings) {
        return new DatasetLauncher(DatasetRuns.compiledDesign(), gallerySettings, true);
    }

    @Override
    public TrainingRun prepare(TrainingRequest request) throws Exception {
        DatasetChoice choice = request.dataset();
        if (choice.kind() == DatasetChoice.Kind.BUILT_IN_SHAPES) {
            PreparedRun demo = DemoShapes.prepare(request.settings(), SHAPES_PER_CLASS);
            return new SessionTrainingRun(demo, DemoShapes.design(), request.checkpoint());
        }
        DatasetSpec spec;
        Path base;
        switch (choice.kind()) {
            case PROJECT_DATASET -> {
                if (request.projectFile() == null) {
                    throw new IllegalArgumentException("the project has no dataset yet: save it with a dataset, or "
                            + "choose an image folder or IDX files");
                }
                var dataset = ProjectFile.read(request.projectFile()).dataset();
                if (dataset == null || dataset.isEmpty()) {
                    throw new IllegalArgumentException(request.projectFile().getFileName() + " names no dataset: "
                            + "choose an image folder or IDX files");
                }
                spec = JSON.treeToValue(dataset, DatasetSpec.class);
                base = request.projectFile().toAbsolutePath().getParent();
            }
            case IMAGE_FOLDER -> {
                spec = DatasetSpec.of(DatasetType.IMAGE_FOLDER, choice.path().toString());
                base = null;
            }
            case IDX_FILES -> {
                spec = DatasetSpec.of(DatasetType.IDX, choice.path().toString());
                base = null;
            }
            default -> throw new IllegalArgumentException("the Training tab trains image classifiers; a CSV table "
                    + "needs a dense design and is trained with `stride train`");
        }
        AugmentationSettings augment = request.augment() ? augmentation.get() : AugmentationSettings.NONE;
        PreparedRun prepared = DatasetRuns.prepare(request.network(), spec, base, request.settings(), augment,
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
        return network == null ? OptionalLong.empty()
                : DatasetRuns.estimateBytes(network, TrainingSettings.defaults(), batchSize);
    }
}
