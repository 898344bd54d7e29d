package dev.stride.engine.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditHistoryTest {
    private static final NodeId DENSE = NodeId.of("n2");
    private final Network start = Network.sequential(InputLayerSpec.vector(4), DenseSpec.of(8));

    private static int units(Network network) {
        return ((DenseSpec) network.node(DENSE).spec()).units();
    }

    private static EditCommand units(int value) {
        return new NetworkEdits.ChangeSpec(DENSE, "units", DenseSpec.of(value));
    }

    @Test
    void undoAndRedoWalkBackAndForth() {
        EditHistory history = new EditHistory(start);
        history.execute(new NetworkEdits.Rename(DENSE, "hidden"));
        history.execute(new NetworkEdits.AddLayer(new LayerNode(NodeId.of("n3"), "out", DenseSpec.of(2)),
                List.of(DENSE)));

        assertThat(history.current().size()).isEqualTo(3);
        assertThat(history.undoDescription()).contains("Add out");
        history.undo();
        assertThat(history.current().size()).isEqualTo(2);
        assertThat(history.current().node(DENSE).name()).isEqualTo("hidden");
        history.undo();
        assertThat(history.current()).isEqualTo(start);
        assertThat(history.canUndo()).isFalse();
        history.redo();
        history.redo();
        assertThat(history.current().size()).isEqualTo(3);
        assertThat(history.canRedo()).isFalse();
    }

    @Test
    void aNewEditClearsRedo() {
        EditHistory history = new EditHistory(start);
        history.execute(units(16));
        history.undo();
        history.execute(units(32));
        assertThat(history.canRedo()).isFalse();
        assertThat(units(history.current())).isEqualTo(32);
    }

    @Test
    void sliderDragMergesIntoOneStepUntilReleased() {
        EditHistory history = new EditHistory(start);
        history.execute(units(9));
        history.execute(units(10));
        history.execute(units(11));
        history.endMerge();
        history.execute(units(12));

        history.undo();
        assertThat(units(history.current())).isEqualTo(11);
        history.undo();
        assertThat(units(history.current())).isEqualTo(8);
        assertThat(history.canUndo()).isFalse();
    }

    @Test
    void editsOfDifferentParametersDoNotMerge() {
        EditHistory history = new EditHistory(start);
        history.execute(units(9));
        history.execute(new NetworkEdits.ChangeSpec(DENSE, "use_bias", DenseSpec.of(9).withUseBias(false)));
        history.undo();
        assertThat(units(history.current())).isEqualTo(9);
        assertThat(((DenseSpec) history.current().node(DENSE).spec()).useBias()).isTrue();
    }

    @Test
    void capDropsTheOldestSteps() {
        EditHistory history = new EditHistory(start, 3);
        for (int i = 0; i < 5; i++) {
            history.execute(new NetworkEdits.Rename(DENSE, "d" + i));
        }
        int undone = 0;
        while (history.canUndo()) {
            history.undo();
            undone++;
        }
        assertThat(undone).isEqualTo(3);
        assertThat(history.current().node(DENSE).name()).isEqualTo("d1");
        assertThat(history.isDirty()).as("the saved start state is no longer reachable").isTrue();
    }

    @Test
    void revisionCountsEveryChangeAndNoOpsLeaveNoStep() {
        EditHistory history = new EditHistory(start);
        long before = history.revision();
        history.execute(new NetworkEdits.Rename(DENSE, "dense"));
        assertThat(history.revision()).isEqualTo(before);
        assertThat(history.canUndo()).isFalse();
        history.execute(units(3));
        history.undo();
        history.redo();
        assertThat(history.revision()).isEqualTo(before + 3);
    }

    @Test
    void dirtyStateFollowsTheSavedMarkerThroughUndo() {
        EditHistory history = new EditHistory(start);
        assertThat(history.isDirty()).isFalse();
        history.execute(new NetworkEdits.Rename(DENSE, "a"));
        assertThat(history.isDirty()).isTrue();
        history.markSaved();
        assertThat(history.isDirty()).isFalse();
        history.execute(new NetworkEdits.Rename(DENSE, "b"));
        assertThat(history.isDirty()).isTrue();
        history.undo();
        assertThat(history.isDirty()).isFalse();
        history.undo();
        assertThat(history.isDirty()).isTrue();
    }

    @Test
    void aMergedDragAfterSavingStaysDirty() {
        EditHistory history = new EditHistory(start);
        history.execute(units(9));
        history.markSaved();
        history.execute(units(10));
        assertThat(history.isDirty()).isTrue();
        history.undo();
        assertThat(units(history.current())).isEqualTo(9);
        assertThat(history.isDirty()).isFalse();
    }

    @Test
    void reEntrantEditsAreRefused() {
        EditHistory history = new EditHistory(start);
        EditCommand sneaky = EditCommand.of("sneaky", network -> history.execute(units(5)));
        assertThatThrownBy(() -> history.execute(sneaky)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("edits must not trigger edits");
        assertThat(history.current()).isEqualTo(start);
        assertThat(history.canUndo()).isFalse();
    }

    @Test
    void aFailingCommandLeavesTheHistoryUntouched() {
        EditHistory history = new EditHistory(start);
        assertThatThrownBy(() -> history.execute(new NetworkEdits.RemoveLayer(NodeId.of("missing"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(history.current()).isEqualTo(start);
        assertThat(history.revision()).isZero();
    }

    @Test
    void batchIsOneUndoStep() {
        EditHistory history = new EditHistory(start);
        LayerNode conv = new LayerNode(NodeId.of("c"), "conv", Conv2DSpec.of(4, 3));
        history.execute(new NetworkEdits.Batch("Insert conv", List.of(
                new NetworkEdits.AddLayer(conv, List.of(NodeId.of("n1"))),
                new NetworkEdits.Disconnect(NodeId.of("n1"), DENSE),
                new NetworkEdits.Connect(NodeId.of("c"), DENSE))));
        assertThat(history.current().inputsOf(DENSE)).containsExactly(NodeId.of("c"));
        history.undo();
        assertThat(history.current()).isEqualTo(start);
    }

    @Test
    void resetStartsCleanWithEmptyStacks() {
        EditHistory history = new EditHistory(start);
        history.execute(units(3));
        history.reset(Network.empty());
        assertThat(history.canUndo()).isFalse();
        assertThat(history.isDirty()).isFalse();
        assertThat(history.current().size()).isZero();
    }
}
