package dev.stride.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.app.common.UiScheduler;
import dev.stride.app.project.DocumentService;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.Connection;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.project.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The designer's gestures, driven on the view-model alone: no Stage, no FX thread. */
class DesignerViewModelTest {
    private DesignerViewModel model;
    private NodeId input;
    private NodeId conv;

    @BeforeEach
    void startWithInputAndConvolution() {
        model = new DesignerViewModel();
        input = model.addLayer(InputLayerSpec.image(28, 28, 1), new Point2D(40, 40));
        conv = model.addLayer(Conv2DSpec.of(32, 3), new Point2D(40, 150));
        model.connect(input, conv);
    }

    private TensorShape shapeOf(NodeId id) {
        return model.analysis().node(id).orElseThrow().outputShape();
    }

    @Test
    void addingALayerPlacesAndSelectsItAndAnalysesIt() {
        assertThat(model.network().size()).isEqualTo(2);
        assertThat(model.positions()).containsEntry(conv, new Point2D(40, 150));
        assertThat(model.selection()).containsExactly(conv);
        assertThat(model.focusedProperty().get()).isEqualTo(conv);
        assertThat(shapeOf(conv).dims()).containsExactly(26, 26, 32);
    }

    @Test
    void connectRefusesSelfLoopsAndDuplicates() {
        assertThat(model.connect(conv, conv)).isFalse();
        assertThat(model.connect(input, conv)).isFalse();
        assertThat(model.network().connections()).containsExactly(new Connection(input, conv, 0));
    }

    @Test
    void appendingConnectsToTheEndOfThePipelineAndPlacesItBelow() {
        NodeId pool = model.appendLayer(MaxPooling2DSpec.of());
        assertThat(model.network().inputsOf(pool)).containsExactly(conv);
        assertThat(model.positions().get(pool).getY()).isGreaterThan(model.positions().get(conv).getY());
        assertThat(shapeOf(pool).dims()).containsExactly(13, 13, 32);
    }

    @Test
    void insertingOnAConnectionSplicesTheLayerIn() {
        NodeId pool = model.insertOnConnection(new Connection(input, conv, 0), MaxPooling2DSpec.of(), null);
        assertThat(model.network().inputsOf(pool)).containsExactly(input);
        assertThat(model.network().inputsOf(conv)).containsExactly(pool);
        assertThat(shapeOf(conv).dims()).containsExactly(12, 12, 32);
        assertThat(model.undoDescriptionProperty().get()).isEqualTo("Insert max_pooling2d");
    }

    @Test
    void deletingAMiddleLayerBridgesItsInputToItsConsumers() {
        NodeId flatten = model.appendLayer(FlattenSpec.of());
        model.delete(List.of(conv));
        assertThat(model.network().contains(conv)).isFalse();
        assertThat(model.network().inputsOf(flatten)).containsExactly(input);
        assertThat(model.positions()).doesNotContainKey(conv);
        assertThat(shapeOf(flatten).dims()).containsExactly(784);
    }

    @Test
    void movingCardsChangesTheLayoutAndMakesTheDocumentDirtyButNotTheNetwork() {
        model.markSaved(Path.of("x.stride"));
        Network before = model.network();
        model.move(List.of(conv), 15, -5);
        assertThat(model.positions().get(conv)).isEqualTo(new Point2D(55, 145));
        assertThat(model.network()).isSameAs(before);
        assertThat(model.isDirty()).isTrue();
    }

    @Test
    void aParameterEditChangesTheShapeAndUndoRedoWalkTheHistory() {
        Conv2DSpec strided = ((Conv2DSpec) model.network().node(conv).spec()).withStrides(Size2D.square(2));
        model.editSpec(conv, strided, "Set strides of conv2d to 2×2", null);
        assertThat(shapeOf(conv).dims()).containsExactly(13, 13, 32);
        assertThat(model.undoDescriptionProperty().get()).isEqualTo("Set strides of conv2d to 2×2");

        assertThat(model.undo()).isTrue();
        assertThat(shapeOf(conv).dims()).containsExactly(26, 26, 32);
        assertThat(model.redoDescriptionProperty().get()).isEqualTo("Set strides of conv2d to 2×2");
        assertThat(model.redo()).isTrue();
        assertThat(shapeOf(conv).dims()).containsExactly(13, 13, 32);
    }

    @Test
    void editsWithTheSameMergeKeyBecomeOneUndoStep() {
        Conv2DSpec spec = (Conv2DSpec) model.network().node(conv).spec();
        for (int filters = 33; filters <= 40; filters++) {
            model.editSpec(conv, spec.withFilters(filters), "Set filters to " + filters, "conv/filters");
        }
        assertThat(((Conv2DSpec) model.network().node(conv).spec()).filters()).isEqualTo(40);
        model.undo();
        assertThat(((Conv2DSpec) model.network().node(conv).spec()).filters()).isEqualTo(32);
    }

    @Test
    void anImpossibleKernelIsAnErrorOnThatNodeOnly() {
        Conv2DSpec huge = ((Conv2DSpec) model.network().node(conv).spec()).withKernelSize(Size2D.square(29));
        model.editSpec(conv, huge, "Set kernel_size", null);
        assertThat(model.analysis().node(conv).orElseThrow().hasErrors()).isTrue();
        assertThat(model.analysis().node(input).orElseThrow().hasErrors()).isFalse();
    }

    @Test
    void dirtyFollowsTheHistoryRevisionBackToTheSavedState() {
        model.markSaved(Path.of("saved.stride"));
        assertThat(model.isDirty()).isFalse();
        model.appendLayer(FlattenSpec.of());
        assertThat(model.isDirty()).isTrue();
        model.undo();
        assertThat(model.isDirty()).as("undo back to the saved network").isFalse();
    }

    @Test
    void copyPasteAndDuplicateMakeRenamedCopiesWithTheirInternalConnections() {
        model.selectAll(List.of(input, conv));
        model.copySelection();
        List<NodeId> pasted = model.paste();
        assertThat(pasted).hasSize(2);
        assertThat(model.network().size()).isEqualTo(4);
        assertThat(model.network().inputsOf(pasted.get(1))).containsExactly(pasted.get(0));
        assertThat(model.network().node(pasted.get(1)).name()).isEqualTo("conv2d_1");
        assertThat(model.positions().get(pasted.get(1))).isEqualTo(new Point2D(70, 180));
        assertThat(model.selection()).containsExactlyElementsOf(pasted);

        model.select(conv);
        assertThat(model.duplicateSelection()).hasSize(1);
        assertThat(model.network().size()).isEqualTo(5);
    }

    @Test
    void renameRefusesNamesInUse() {
        assertThat(model.rename(conv, "input_layer")).isFalse();
        assertThat(model.rename(conv, "features")).isTrue();
        assertThat(model.network().node(conv).name()).isEqualTo("features");
    }

    @Test
    void saveAndOpenRoundTripTheNetworkAndTheLayout(@TempDir Path folder) throws Exception {
        model.appendLayer(FlattenSpec.of());
        model.appendLayer(DenseSpec.of(10, Activation.SOFTMAX));
        model.move(List.of(input), 100, 0);
        DocumentService files = new DocumentService(model, Runnable::run, UiScheduler.immediate(), folder);
        Path file = folder.resolve("net.stride");
        files.save(file).get();
        assertThat(model.isDirty()).isFalse();
        assertThat(model.fileProperty().get()).isEqualTo(file);

        Network saved = model.network();
        Map<NodeId, Point2D> layout = model.layoutSnapshot();
        DesignerViewModel reopened = new DesignerViewModel();
        new DocumentService(reopened, Runnable::run, UiScheduler.immediate(), folder).open(file).get();
        assertThat(reopened.network()).isEqualTo(saved);
        assertThat(reopened.layoutSnapshot()).isEqualTo(layout);
        assertThat(reopened.isDirty()).isFalse();
        assertThat(files.recent()).containsExactly(file.toAbsolutePath());
    }

    @Test
    void autosaveWritesARecoveryFileThatRecovers(@TempDir Path folder) throws Exception {
        DocumentService files = new DocumentService(model, Runnable::run, UiScheduler.immediate(), folder);
        files.autosave();
        assertThat(files.hasRecovery()).isTrue();
        DesignerViewModel next = new DesignerViewModel();
        new DocumentService(next, Runnable::run, UiScheduler.immediate(), folder).recover().get();
        assertThat(next.network()).isEqualTo(model.network());
        assertThat(next.isDirty()).as("recovered work is unsaved").isTrue();
    }

    @Test
    void loadingAProjectKeepsItsTrainingBlockForSaving() {
        var training = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("epochs", 5);
        Project project = new Project(Network.sequential(InputLayerSpec.vector(3)), Map.of(), training, null, "n");
        model.load(project, null, false);
        assertThat(model.toProject().training().get("epochs").asInt()).isEqualTo(5);
        assertThat(model.positions()).hasSize(1);
    }

    @Test
    void parameterItemsRebuildTheRecordThroughItsConstructor() {
        LayerSpec spec = Conv2DSpec.of(32, 3);
        LayerSpec changed = ParameterItem.with(spec, "strides", Size2D.square(2));
        assertThat(((Conv2DSpec) changed).strides()).isEqualTo(Size2D.square(2));
        assertThat(ParameterItem.kerasName("dilationRate")).isEqualTo("dilation_rate");
        assertThat(ParameterItem.read(changed, "filters")).isEqualTo(32);
    }
}
