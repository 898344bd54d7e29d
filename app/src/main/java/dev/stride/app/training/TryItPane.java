package dev.stride.app.training;

import dev.stride.app.common.Messages;
import dev.stride.engine.training.ImagePixels;
import dev.stride.engine.training.ModelInspector;
import java.io.File;
import java.util.Random;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Try the trained network: drop a picture (or take one from the dataset), see the top-5 classes, the activations of
 * every convolution as a grid of channels, and the first layer's kernels.
 */
final class TryItPane {
    private static final int MAP_SIZE = 44;
    private final TrainingViewModel vm;
    private final Messages messages;
    private final ImageView input = new ImageView();
    private final VBox top5 = new VBox(4);
    private final VBox maps = new VBox(6);
    private final TilePane kernelTiles = new TilePane(3, 3);
    private final Label kernelTitle = new Label();
    private final Random random = new Random();
    private final HBox root;

    TryItPane(TrainingViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        input.setFitWidth(112);
        input.setFitHeight(112);
        input.setPreserveRatio(true);
        input.setSmooth(false);
        Label hint = new Label(messages.get("training.try.drop"));
        hint.setWrapText(true);
        hint.getStyleClass().add("training-muted");
        hint.visibleProperty().bind(vm.tryImageProperty().isNull());
        StackPane drop = new StackPane(input, hint);
        drop.setId("tryDropZone");
        drop.getStyleClass().add("drop-zone");
        drop.setPrefSize(128, 128);
        drop.setMaxSize(128, 128);
        drop.setOnDragOver(this::dragOver);
        drop.setOnDragDropped(this::dropped);

        Button sample = new Button(messages.get("training.try.sample"));
        sample.setId("trySample");
        sample.disableProperty().bind(vm.inspectorProperty().isNull());
        sample.setOnAction(e -> {
            ModelInspector look = vm.inspectorProperty().get();
            if (look != null && look.evaluationSize() > 0) {
                vm.tryExample(random.nextInt(look.evaluationSize()));
            }
        });
        Button file = new Button(messages.get("training.try.file"));
        file.disableProperty().bind(vm.inspectorProperty().isNull());
        file.setOnAction(e -> chooseFile());
        top5.setId("tryTop5");
        top5.setPrefWidth(230);
        VBox left = new VBox(6, section("training.try.input"), drop, new HBox(4, sample, file),
                section("training.try.top5"), top5);
        left.setPadding(new Insets(6));
        left.setMinWidth(240);

        maps.setId("featureMaps");
        kernelTiles.setId("firstLayerKernels");
        kernelTiles.setPrefColumns(16);
        VBox right = new VBox(6, kernelTitle, kernelTiles, section("training.try.maps"), maps);
        right.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        root = new HBox(6, left, scroll);

        vm.tryImageProperty().addListener((obs, old, image) ->
                input.setImage(image == null ? null : PixelImages.of(image)));
        vm.topPredictions().addListener((ListChangeListener<ModelInspector.Prediction>) change -> showTop5());
        vm.featureMaps().addListener((ListChangeListener<ModelInspector.FeatureMap>) change -> showMaps());
        vm.kernelsProperty().addListener((obs, old, kernels) -> showKernels(kernels));
    }

    Node root() {
        return root;
    }

    private Label section(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("training-section");
        return label;
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropped(DragEvent event) {
        boolean done = false;
        if (event.getDragboard().hasFiles() && !event.getDragboard().getFiles().isEmpty()) {
            load(event.getDragboard().getFiles().get(0));
            done = true;
        }
        event.setDropCompleted(done);
        event.consume();
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("training.try.images"),
                "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            load(file);
        }
    }

    /** Decodes in the background at the network's size, then predicts with the model's own pixel scaling. */
    private void load(File file) {
        ModelInspector look = vm.inspectorProperty().get();
        if (look == null) {
            vm.tryImage(null);
            return;
        }
        var geometry = look.geometry();
        Image picture = new Image(file.toURI().toString(), geometry.width(), geometry.height(), false, true, true);
        Runnable use = () -> {
            if (picture.isError()) {
                input.setImage(null);
                return;
            }
            ImagePixels pixels = PixelImages.toNetworkInput(picture, geometry);
            vm.tryImage(pixels);
        };
        if (picture.getProgress() >= 1) {
            use.run();
        } else {
            picture.progressProperty().addListener((obs, old, value) -> {
                if (value.doubleValue() >= 1) {
                    use.run();
                }
            });
        }
    }

    private void showTop5() {
        top5.getChildren().clear();
        for (ModelInspector.Prediction p : vm.topPredictions()) {
            Label name = new Label(p.label());
            name.setMinWidth(70);
            ProgressBar bar = new ProgressBar(p.probability());
            bar.setPrefWidth(100);
            Label percent = new Label(String.format(java.util.Locale.ROOT, "%.1f%%", p.probability() * 100));
            HBox row = new HBox(6, name, bar, percent);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("prediction-row");
            top5.getChildren().add(row);
        }
    }

    private void showMaps() {
        maps.getChildren().clear();
        for (ModelInspector.FeatureMap map : vm.featureMaps()) {
            Label title = new Label(messages.get("training.try.map", map.layer(), map.channels(), map.height(),
                    map.width()));
            TilePane grid = new TilePane(3, 3);
            grid.getStyleClass().add("feature-map-grid");
            int plane = map.height() * map.width();
            for (int c = 0; c < map.channels(); c++) {
                float min = Float.MAX_VALUE;
                float max = -Float.MAX_VALUE;
                for (int i = c * plane; i < (c + 1) * plane; i++) {
                    min = Math.min(min, map.values()[i]);
                    max = Math.max(max, map.values()[i]);
                }
                ImageView view = new ImageView(PixelImages.heat(map.values(), c * plane, map.width(), map.height(),
                        min, max));
                view.setFitWidth(MAP_SIZE);
                view.setFitHeight(MAP_SIZE);
                view.setSmooth(false);
                grid.getChildren().add(view);
            }
            maps.getChildren().addAll(title, grid);
        }
    }

    private void showKernels(ModelInspector.Kernels kernels) {
        kernelTiles.getChildren().clear();
        if (kernels == null) {
            kernelTitle.setText("");
            return;
        }
        kernelTitle.setText(messages.get("training.try.kernels", kernels.layer(), kernels.filters(),
                kernels.height(), kernels.width()));
        kernelTitle.getStyleClass().setAll("label", "training-section");
        int plane = kernels.height() * kernels.width();
        // One symmetric scale for all kernels, so a weak filter looks weak next to a strong one.
        float extent = 0;
        for (float v : kernels.values()) {
            extent = Math.max(extent, Math.abs(v));
        }
        for (int f = 0; f < kernels.filters(); f++) {
            // The first input channel's slice; for RGB inputs the other two look alike at this size.
            int offset = f * kernels.inputChannels() * plane;
            ImageView view = new ImageView(PixelImages.heat(kernels.values(), offset, kernels.width(),
                    kernels.height(), -extent, extent));
            view.setFitWidth(30);
            view.setFitHeight(30);
            view.setSmooth(false);
            kernelTiles.getChildren().add(view);
        }
    }
}
