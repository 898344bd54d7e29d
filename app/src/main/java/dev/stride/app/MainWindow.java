package dev.stride.app;

import dev.stride.app.common.AppContext;
import dev.stride.app.common.Messages;
import dev.stride.app.training.TrainingView;
import dev.stride.engine.backend.BackendInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The main window's layout: menu bar, palette, canvas, property panel, bottom dock and status bar. */
final class MainWindow {
    private final AppContext context;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final StackPane canvas = new StackPane();
    private final Label canvasMessage = new Label();
    private final StatusBar statusBar = new StatusBar();

    MainWindow(AppContext context) {
        this.context = context;
        this.messages = context.messages();
        root.setId("mainWindow");
        root.setTop(menuBar());
        root.setCenter(workArea());
        root.setBottom(statusBar());
    }

    static String themeStylesheet() {
        return Objects.requireNonNull(MainWindow.class.getResource("/dev/stride/resources/theme/stride.css"),
                "theme stylesheet missing from the app jar").toExternalForm();
    }

    Parent root() {
        return root;
    }

    /** Shows the default sample project so the first screen is a real network. */
    void openDefaultSample() {
        Path sample = SampleLocator.defaultProject();
        if (sample != null && Files.isRegularFile(sample)) {
            canvasMessage.setText(messages.get("canvas.sample", sample.getFileName()));
            statusBar.setText(messages.get("status.opened", sample.getFileName()));
        } else {
            canvasMessage.setText(messages.get("canvas.empty"));
        }
    }

    private MenuBar menuBar() {
        Menu file = new Menu(messages.get("menu.file"), null,
                item("menu.file.new", "Shortcut+N"), item("menu.file.open", "Shortcut+O"),
                new SeparatorMenuItem(),
                item("menu.file.save", "Shortcut+S"), item("menu.file.saveAs", "Shortcut+Shift+S"),
                new SeparatorMenuItem(), item("menu.file.exit", null));
        Menu edit = new Menu(messages.get("menu.edit"), null,
                item("menu.edit.undo", "Shortcut+Z"), item("menu.edit.redo", "Shortcut+Shift+Z"));
        Menu view = new Menu(messages.get("menu.view"), null, item("menu.view.fit", "F"));
        Menu help = new Menu(messages.get("menu.help"), null, item("menu.help.about", null));
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private MenuItem item(String key, String accelerator) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(key);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        return item;
    }

    private Parent workArea() {
        LayerPalette palette = new LayerPalette(messages);
        palette.setId("palette");

        canvas.setId("canvas");
        canvas.getStyleClass().add("design-canvas");
        canvasMessage.getStyleClass().add("canvas-message");
        canvas.getChildren().add(canvasMessage);

        PropertySheet sheet = new PropertySheet();
        sheet.setModeSwitcherVisible(false);
        Label noSelection = new Label(messages.get("properties.none"));
        noSelection.getStyleClass().add("dock-placeholder");
        noSelection.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(sheet.getItems()));
        StackPane properties = new StackPane(sheet, noSelection);
        properties.setId("properties");

        SplitPane editor = new SplitPane(palette, canvas, properties);
        editor.setDividerPositions(0.15, 0.77);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(properties, false);

        SplitPane vertical = new SplitPane(editor, dock());
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.68);
        return vertical;
    }

    private TabPane dock() {
        Tab summary = tab("dock.summary", new FontIcon(MaterialDesignT.TABLE_LARGE));
        Tab training = tab("dock.training", new FontIcon(MaterialDesignC.CHART_LINE));
        Tab gallery = tab("dock.gallery", new FontIcon(MaterialDesignI.IMAGE_MULTIPLE));
        var galleryView = dev.stride.app.data.GalleryView.attach(gallery, context, SampleLocator.samplesFolder());
        training.setContent(TrainingView.forProject(context, SampleLocator.defaultProject(),
                galleryView.viewModel().augmentationProperty()::get).root());
        TabPane dock = new TabPane(summary, training, gallery);
        dock.setId("dock");
        // -Dstride.tab=gallery opens on that dock tab (screenshots, demos).
        dock.getTabs().stream().filter(t -> t.getId().equals("dock." + System.getProperty("stride.tab"))).findFirst()
                .ifPresent(dock.getSelectionModel()::select);
        dock.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return dock;
    }

    private Tab tab(String key, FontIcon icon) {
        Tab tab = new Tab(messages.get(key));
        tab.setId(key);
        tab.setGraphic(icon);
        Label placeholder = new Label(messages.get(key + ".empty"));
        placeholder.getStyleClass().add("dock-placeholder");
        tab.setContent(new StackPane(placeholder));
        return tab;
    }

    private StatusBar statusBar() {
        statusBar.setId("statusBar");
        statusBar.setText(messages.get("status.ready"));
        Label backend = new Label(messages.get("status.backend.loading"));
        backend.setId("backendStatus");
        backend.setGraphic(new FontIcon(MaterialDesignC.CHIP));
        context.backend().infoProperty().addListener((obs, old, info) -> backend.setText(describe(info)));
        context.backend().problemProperty().addListener((obs, old, problem) ->
                backend.setText(messages.get("status.backend.failed", problem)));
        statusBar.getRightItems().add(backend);
        return statusBar;
    }

    private String describe(BackendInfo info) {
        return messages.get("status.backend", info.shortDescription());
    }
}
