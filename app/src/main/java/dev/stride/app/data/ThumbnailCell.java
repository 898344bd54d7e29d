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
    private Future<?> pending;

    ThumbnailCell(GalleryViewModel viewModel) {
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
            }
        });
        viewModel.selectedItemProperty().addListener(new javafx.beans.value.WeakChangeListener<>(selectionListener));
        this.content = box;
    }

    @Override
    protected void updateItem(DatasetItem item, boolean empty) {
        super.updateItem(item, empty);
        if (pending != null) {
            // Scrolled past before it was decoded: never decode it.
            pending.cancel(false);
            pending = null;
        }
        pseudoClassStateChanged(FAILED, false);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            markSelection();
            return;
        }
        caption.setText(viewModel.className(item));
        setGraphic(content);
        markSelection();
        ThumbnailLoader loader = viewModel.thumbnailsProperty().get();
        if (loader == null) {
            imageView.setImage(null);
            return;
        }
        ImageData cached = loader.cached(item.index());
        if (cached != null) {
            show(cached);
            return;
        }
        imageView.setImage(null);
        int index = item.index();
        pending = loader.request(index, thumbnail -> {
            if (getItem() != null && getItem().index() == index) {
                show(thumbnail);
            }
        }, reason -> {
            if (getItem() != null && getItem().index() == index) {
                pseudoClassStateChanged(FAILED, true);
                caption.setText("✕ " + viewModel.className(getItem()));
            }
            viewModel.refreshSkipped();
        });
    }

    private void show(ImageData thumbnail) {
        image = FxImages.write(thumbnail, image);
        // Pixel-sharp when magnified (digits are 20 px), smooth when shrunk.
        imageView.setSmooth(thumbnail.width() > IMAGE_SIZE);
        imageView.setImage(image);
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
