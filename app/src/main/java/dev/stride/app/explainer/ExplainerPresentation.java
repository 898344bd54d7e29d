package dev.stride.app.explainer;

import dev.stride.app.common.Messages;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/** Presentation mode: the explainer full screen with large type; Space plays, arrows step, Esc leaves. */
public final class ExplainerPresentation {
    private ExplainerPresentation() {
    }

    /** Opens a full-screen window on the same view-model (styles copied from {@code owner}'s scene). */
    public static ExplainerView open(Messages messages, ExplainerViewModel model, Executor background, Node owner) {
        ExplainerView view = new ExplainerView(messages, model, background, true);
        Scene scene = new Scene(view.root(), 1600, 1000);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        Stage stage = new Stage();
        stage.setTitle(messages.get("explainer.presentation.title"));
        stage.setScene(scene);
        // No overlay hint (the toolbar says how to leave): JavaFX's fading hint throws an NPE if the window closes
        // before the fade ends.
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        model.presentingProperty().set(true);
        stage.setOnHidden(event -> {
            view.dispose();
            model.presentingProperty().set(false);
        });
        stage.setFullScreen(true);
        stage.show();
        view.root().requestFocus();
        return view;
    }
}
