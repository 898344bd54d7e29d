package dev.stride.app.data;

import dev.stride.engine.data.DatasetItem;
import dev.stride.engine.data.vision.ImageData;
import java.util.concurrent.Future;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;

/**
 * One gallery cell: the thumbnail, decoded off the FX thread and written into an image the cell reuses, and the
 * class name; a click selects the item.
 */
final class ThumbnailCell extends GridCell<DatasetItem> {
    static final double IMAGE_SIZE = 56;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final GalleryViewModel viewModel;
    private final ImageView imageView = new ImageView();
    private final Label caption = new Label();
    private final VBox content;
    // Held here so the weak listener on the shared selection lives exactly as long as the cell.
    private final javafx.beans.value.ChangeListener<DatasetItem> selectionListener = (obs, old, selected) ->
            markSelection();
    private WritableImage image;
    // What the image and the pending decode belong to: an index of the dataset a loader decodes.
    private int shownIndex = -1;
    private ThumbnailLoader shownFrom;
    private Future<?> pending;
    private int pendingIndex = -1;
    private ThumbnailLoader pendingFrom;
    private boolean needsDecode;

    /**
     * @param open shows an item large; called on a double click
     */
    ThumbnailCell(GalleryViewModel viewModel, java.util.function.Consumer<DatasetItem> open) {
        this.viewModel = viewModel;
        getStyleClass().add("thumbnail-cell");
        imageView.setFitWidth(IMAGE_SIZE);
        imageView.setFitHeight(IMAGE_SIZE);
        imageView.setPreserveRatio(true);
        caption.getStyleClass().add("thumbnail-caption");
        StackPane frame = new StackPane(imageView);
        frame.getStyleClass().add("thumbnail-frame");
        frame.setMinSize(IMAGE_SIZE, IMAGE_SIZE);
        frame.setPrefSize(IMAGE_SIZE, IMAGE_SIZE);
        VBox box = new VBox(2, frame, caption);
        box.setFillWidth(false);
        box.setAlignment(javafx.geometry.Pos.TOP_CENTER);
        setGraphic(null);
        setOnMouseClicked(event -> {
            if (getItem() != null) {
                viewModel.selectedItemProperty().set(getItem());
                if (event.getClickCount() == 2) {
                    open.accept(getItem());
                }
            }
        });
        viewModel.selectedItemProperty().addListener(new javafx.beans.value.WeakChangeListener<>(selectionListener));
        this.content = box;
    }

    @Override
    protected void updateItem(DatasetItem item, boolean empty) {
        super.updateItem(item, empty);
        needsDecode = false;
        if (empty || item == null) {
            // GridRow empties every cell before refilling it on each layout, so a pending decode is kept here and
            // only dropped when the cell is given a different item.
            setGraphic(null);
            setText(null);
            markSelection();
            return;
        }
        int index = item.index();
        ThumbnailLoader loader = viewModel.thumbnailsProperty().get();
        setGraphic(content);
        markSelection();
        if (index == shownIndex && loader == shownFrom && imageView.getImage() != null) {
            return;
        }
        pseudoClassStateChanged(FAILED, false);
        caption.setText(viewModel.className(item));
        if (pending != null && (pendingIndex != index || pendingFrom != loader)) {
            // Scrolled past before it was decoded: never decode it.
            pending.cancel(false);
            pending = null;
        }
        if (loader == null) {
            imageView.setImage(null);
            return;
        }
        ImageData cached = loader.cached(index);
        if (cached != null) {
            show(cached, index, loader);
            return;
        }
        imageView.setImage(null);
        shownIndex = -1;
        if (pending != null && !pending.isDone()) {
            return;
        }
        // Only cells on screen decode: VirtualFlow also fills the hidden row it measures with and pooled rows.
        // A cell not showing yet decodes at its next layout, which follows once it is placed in view.
        needsDecode = true;
        decodeIfShowing();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        decodeIfShowing();
    }

    private void decodeIfShowing() {
        DatasetItem item = getItem();
        ThumbnailLoader loader = viewModel.thumbnailsProperty().get();
        if (!needsDecode || item == null || loader == null || !isShowing()) {
            return;
        }
        needsDecode = false;
        int index = item.index();
        pendingIndex = index;
        pendingFrom = loader;
        pending = loader.request(index, thumbnail -> {
            if (isStill(index, loader)) {
                show(thumbnail, index, loader);
            }
        }, reason -> {
            if (isStill(index, loader)) {
                pseudoClassStateChanged(FAILED, true);
                caption.setText("✕ " + viewModel.className(getItem()));
            }
            viewModel.refreshSkipped();
        });
    }

    private void show(ImageData thumbnail, int index, ThumbnailLoader from) {
        image = FxImages.write(thumbnail, image);
        shownIndex = index;
        shownFrom = from;
        // Pixel-sharp when magnified (digits are 20 px), smooth when shrunk.
        imageView.setSmooth(thumbnail.width() > IMAGE_SIZE);
        imageView.setImage(image);
    }

    /** Whether this cell and every parent up to the scene are visible. */
    private boolean isShowing() {
        if (getScene() == null) {
            return false;
        }
        for (javafx.scene.Node node = this; node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private boolean isStill(int index, ThumbnailLoader loader) {
        return getItem() != null && getItem().index() == index && viewModel.thumbnailsProperty().get() == loader;
    }

    private void markSelection() {
        DatasetItem item = getItem();
        pseudoClassStateChanged(SELECTED, item != null && item.equals(viewModel.selectedItemProperty().get()));
    }

    /** The image currently shown, for tests. */
    WritableImage shownImage() {
        return imageView.getImage() == image ? image : null;
    }
}
