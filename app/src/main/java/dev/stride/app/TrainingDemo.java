package dev.stride.app;

import dev.stride.app.training.RunState;
import dev.stride.app.training.TrainingView;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;

/**
 * With {@code -Dstride.demo.train=true} the app opens the Training tab, enlarges the dock and starts a run (for
 * screenshots and demonstrations). {@code -Dstride.demo.epochs=N} sets the epochs; {@code -Dstride.demo.page=
 * curves|evaluation|runs|try} picks the page shown once the run has ended.
 */
final class TrainingDemo {
    static final String PROPERTY = "stride.demo.train";

    private TrainingDemo() {
    }

    static void startIfRequested(Scene scene) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        Node dockNode = scene.lookup("#dock");
        Node viewNode = scene.lookup("#trainingView");
        if (!(dockNode instanceof TabPane dock) || viewNode == null) {
            return;
        }
        dock.getTabs().stream().filter(tab -> "dock.training".equals(tab.getId())).findFirst()
                .ifPresent(tab -> dock.getSelectionModel().select(tab));
        for (Node parent = dock.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof SplitPane split && split.getItems().contains(dock)) {
                split.setDividerPositions(0.12);
                break;
            }
        }
        TrainingView view = (TrainingView) viewNode.getProperties().get(TrainingView.class);
        var vm = view.viewModel();
        vm.epochsProperty().set(Integer.getInteger("stride.demo.epochs", 8));
        String page = System.getProperty("stride.demo.page", "curves");
        vm.stateProperty().addListener((obs, old, state) -> {
            if (!state.locksDesign() && state != RunState.IDLE) {
                view.showPage(switch (page) {
                    case "evaluation" -> 1;
                    case "runs" -> 2;
                    case "try" -> 3;
                    default -> 0;
                });
            }
        });
        vm.start();
    }
}
