package dev.stride.app.explainer;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/** A region holding a canvas that always fills it; the owner redraws when {@link #sizeChanged} is set. */
final class CanvasPane extends Region {
    private final Canvas canvas = new Canvas();
    private boolean sizeChanged = true;

    CanvasPane() {
        getChildren().add(canvas);
        setMinSize(200, 160);
    }

    Canvas canvas() {
        return canvas;
    }

    /** True once after each resize. */
    boolean takeSizeChanged() {
        boolean changed = sizeChanged;
        sizeChanged = false;
        return changed;
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            sizeChanged = true;
        }
    }
}
