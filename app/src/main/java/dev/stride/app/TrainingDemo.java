package dev.stride.app;

import dev.stride.app.training.TrainingView;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;

/**
 * With {@code -Dstride.demo.train=true} the app opens the Training tab, enlarges the dock and starts a run (for
 * screenshots and demonstrations). {@code -Dstride.demo.epochs=N} sets the epochs; {@code -Dstride.demo.pages=
 * evaluation,runs,try} lists the pages shown once the run has ended, each for {@code stride.demo.pageSeconds}
 * (default 10); on the evaluation page the most frequent confusion's images are listed. {@code
 * -Dstride.demo.learningRate=x} changes the learning rate, so the Runs page has a difference to show.
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
        if (!(dockNode instanceof TabPane dock)) {
            return;
        }
        // Selecting the tab builds the Training view (it is made on first show).
        var trainingTab = dock.getTabs().stream().filter(tab -> "dock.training".equals(tab.getId())).findFirst();
        trainingTab.ifPresent(tab -> dock.getSelectionModel().select(tab));
        Node viewNode = trainingTab.map(javafx.scene.control.Tab::getContent).orElse(null);
        if (viewNode == null || !(viewNode.getProperties().get(TrainingView.class) instanceof TrainingView)) {
            return;
        }
        for (Node parent = dock.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof SplitPane split && split.getItems().contains(dock)) {
                split.setDividerPositions(0.12);
                break;
            }
        }
        TrainingView view = (TrainingView) viewNode.getProperties().get(TrainingView.class);
        var vm = view.viewModel();
        vm.epochsProperty().set(Integer.getInteger("stride.demo.epochs", 8));
        String rate = System.getProperty("stride.demo.learningRate");
        if (rate != null) {
            vm.learningRateProperty().set(Double.parseDouble(rate));
        }
        String[] pages = System.getProperty("stride.demo.pages", "curves").split(",");
        double seconds = Double.parseDouble(System.getProperty("stride.demo.pageSeconds", "10"));
        vm.evaluationProperty().addListener((obs, old, evaluation) -> {
            if (evaluation == null) {
                return;
            }
            selectLargestConfusion(vm, evaluation);
            javafx.animation.Timeline tour = new javafx.animation.Timeline();
            for (int i = 0; i < pages.length; i++) {
                int page = pageIndex(pages[i].trim());
                tour.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(i * seconds),
                        event -> view.showPage(page)));
            }
            tour.play();
        });
        // The designer may still be opening the default sample: start once its file (and so its design) is there.
        // A plain listener on the property itself: a derived binding would be collected and never fire.
        if (vm.projectFileProperty().get() != null) {
            vm.start();
        } else {
            vm.projectFileProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends java.nio.file.Path> obs,
                                    java.nio.file.Path old, java.nio.file.Path file) {
                    if (file != null) {
                        vm.projectFileProperty().removeListener(this);
                        javafx.application.Platform.runLater(vm::start);
                    }
                }
            });
        }
    }

    private static int pageIndex(String name) {
        return switch (name) {
            case "evaluation" -> 1;
            case "runs" -> 2;
            case "try" -> 3;
            default -> 0;
        };
    }

    private static void selectLargestConfusion(dev.stride.app.training.TrainingViewModel vm,
                                               dev.stride.engine.training.RunEvaluation evaluation) {
        int bestA = 0;
        int bestP = 0;
        int most = -1;
        for (int a = 0; a < evaluation.classes(); a++) {
            for (int p = 0; p < evaluation.classes(); p++) {
                if (a != p && evaluation.count(a, p) > most) {
                    most = evaluation.count(a, p);
                    bestA = a;
                    bestP = p;
                }
            }
        }
        vm.selectCell(bestA, bestP);
    }
}
