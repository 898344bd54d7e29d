package dev.stride.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.app.editor.DesignerViewModel;
import dev.stride.app.editor.LayerNodeView;
import dev.stride.app.editor.NetworkCanvas;
import dev.stride.app.editor.SummaryView;
import dev.stride.app.project.DocumentService;
import dev.stride.app.common.UiScheduler;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The designer's critical flows through the real window, headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class DesignerUiTest {
    private StrideApp app;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("stride-ui-test");
        System.setProperty("stride.home", home.toString());
        System.setProperty("stride.samples", home.resolve("no-samples").toString());
        app = new StrideApp();
        app.start(stage);
        stage.setWidth(1500);
        stage.setHeight(950);
    }

    private DesignerViewModel model() {
        return app.model();
    }

    private NetworkCanvas canvas(FxRobot robot) {
        return robot.lookup("#canvas").queryAs(NetworkCanvas.class);
    }

    /** A network with only an input, its card at the canvas's top left, zoom 100 %. */
    private NodeId startWithInputOnly(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents(); // let the start-up's own default network arrive first
        robot.interact(() -> model().load(Network.sequential(InputLayerSpec.image(28, 28, 1)),
                Map.of(NodeId.of("n1"), new Point2D(60, 30)), null, false));
        WaitForAsyncUtils.waitForFxEvents();
        return NodeId.of("n1");
    }

    private Point2D onScreen(FxRobot robot, double worldX, double worldY) {
        NetworkCanvas canvas = canvas(robot);
        Point2D local = canvas.worldToLocal(new Point2D(worldX, worldY));
        return canvas.localToScreen(local);
    }

    private NodeId dragConv2DAndConnect(FxRobot robot, NodeId input) {
        robot.drag("#palette-Conv2D", MouseButton.PRIMARY).dropTo(onScreen(robot, 165, 240));
        WaitForAsyncUtils.waitForFxEvents();
        LayerNode conv = model().network().nodes().stream().filter(n -> n.spec() instanceof Conv2DSpec)
                .findFirst().orElseThrow(() -> new AssertionError("the drop added no Conv2D"));
        Point2D inputAt = model().positions().get(input);
        Point2D convAt = model().positions().get(conv.id());
        robot.drag(onScreen(robot, inputAt.getX() + LayerNodeView.WIDTH / 2, inputAt.getY() + LayerNodeView.HEIGHT),
                MouseButton.PRIMARY).dropTo(onScreen(robot, convAt.getX() + LayerNodeView.WIDTH / 2,
                convAt.getY() + LayerNodeView.HEIGHT / 2));
        WaitForAsyncUtils.waitForFxEvents();
        return conv.id();
    }

    private LayerNodeView card(FxRobot robot, NodeId id) {
        return canvas(robot).view(id).orElseThrow();
    }

    private String summaryShape(FxRobot robot, NodeId id) {
        @SuppressWarnings("unchecked")
        TableView<SummaryView.Row> table = robot.lookup("#summaryTable").queryAs(TableView.class);
        return table.getItems().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().shape();
    }

    @SuppressWarnings("unchecked")
    private void typeInto(FxRobot robot, String spinnerSelector, String text) {
        Spinner<Integer> spinner = robot.lookup(spinnerSelector).queryAs(Spinner.class);
        robot.doubleClickOn(spinner.getEditor());
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void dragConv2DFromThePaletteOntoTheCanvasAndConnectIt(FxRobot robot) {
        NodeId input = startWithInputOnly(robot);
        NodeId conv = dragConv2DAndConnect(robot, input);

        assertThat(model().network().inputsOf(conv)).containsExactly(input);
        assertThat(canvas(robot).connectionCount()).isEqualTo(1);
        assertThat(card(robot, conv).shapeText()).isEqualTo("26×26×32");
        assertThat(summaryShape(robot, conv)).isEqualTo("(None, 26, 26, 32)");
    }

    @Test
    void droppingALayerOnAConnectionInsertsItThere(FxRobot robot) {
        NodeId input = startWithInputOnly(robot);
        NodeId conv = dragConv2DAndConnect(robot, input);
        Point2D from = model().positions().get(input).add(LayerNodeView.WIDTH / 2, LayerNodeView.HEIGHT);
        Point2D to = model().positions().get(conv).add(LayerNodeView.WIDTH / 2, 0);
        Point2D middle = from.midpoint(to);
        robot.drag("#palette-MaxPooling2D", MouseButton.PRIMARY).dropTo(onScreen(robot, middle.getX(), middle.getY()));
        WaitForAsyncUtils.waitForFxEvents();

        NodeId pool = model().network().inputsOf(conv).get(0);
        assertThat(model().network().node(pool).spec().kerasClassName()).isEqualTo("MaxPooling2D");
        assertThat(model().network().inputsOf(pool)).containsExactly(input);
        assertThat(card(robot, conv).shapeText()).isEqualTo("12×12×32");
    }

    @Test
    void stridesOfTwoChangeTheCardAndTheSummaryAndUndoRestores(FxRobot robot) {
        NodeId conv = dragConv2DAndConnect(robot, startWithInputOnly(robot));
        robot.clickOn(card(robot, conv));
        typeInto(robot, "#param-strides .spinner", "2");

        assertThat(model().network().node(conv).spec()).extracting(s -> ((Conv2DSpec) s).strides().toString())
                .isEqualTo("2×2");
        assertThat(card(robot, conv).shapeText()).isEqualTo("13×13×32");
        assertThat(card(robot, conv).parametersText()).isEqualTo("32 × 3×3 · s2 · valid · relu");
        assertThat(summaryShape(robot, conv)).isEqualTo("(None, 13, 13, 32)");
        assertThat(robot.lookup(".formula-line").queryLabeled().getText())
                .isEqualTo("out = ⌊(28 + 2·0 − 3) / 2⌋ + 1 = 13");

        robot.clickOn(canvas(robot), MouseButton.PRIMARY);
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(card(robot, conv).shapeText()).isEqualTo("26×26×32");
        assertThat(summaryShape(robot, conv)).isEqualTo("(None, 26, 26, 32)");
    }

    @Test
    void anImpossibleKernelShowsTheErrorOnTheNode(FxRobot robot) {
        NodeId conv = dragConv2DAndConnect(robot, startWithInputOnly(robot));
        robot.clickOn(card(robot, conv));
        typeInto(robot, "#param-kernel_size .spinner", "31");

        LayerNodeView view = card(robot, conv);
        assertThat(view.hasError()).isTrue();
        assertThat(view.problemText()).contains("31");
        assertThat(robot.lookup(".diagnostic-error").tryQuery()).isPresent();
    }

    @Test
    void saveAndReopenGiveTheSameNetworkAndLayout(FxRobot robot) throws Exception {
        NodeId conv = dragConv2DAndConnect(robot, startWithInputOnly(robot));
        Path file = home.resolve("designed.stride");
        Network designed = model().network();
        var layout = model().layoutSnapshot();
        robot.interact(() -> app.window().saveTo(file));
        waitUntil(() -> !model().isDirty());

        robot.interact(() -> model().delete(java.util.List.of(conv)));
        assertThat(model().network()).isNotEqualTo(designed);
        robot.interact(() -> app.window().open(file));
        waitUntil(() -> model().network().equals(designed));
        assertThat(model().layoutSnapshot()).isEqualTo(layout);
        assertThat(model().isDirty()).isFalse();
        assertThat(card(robot, conv).shapeText()).isEqualTo("26×26×32");
    }

    @Test
    void switchingToChineseRebuildsTheWindowAndKeepsTheDocument(FxRobot robot) {
        NodeId conv = dragConv2DAndConnect(robot, startWithInputOnly(robot));
        Network before = model().network();
        robot.interact(() -> app.switchLanguage(java.util.Locale.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.TabPane dock = robot.lookup("#dock").queryAs(javafx.scene.control.TabPane.class);
        assertThat(dock.getTabs().get(0).getText()).isEqualTo("摘要");
        assertThat(model().network()).isEqualTo(before);
        assertThat(card(robot, conv).shapeText()).isEqualTo("26×26×32");
        robot.interact(() -> app.switchLanguage(java.util.Locale.ENGLISH));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
