package dev.stride.app.editor;

import dev.stride.app.editor.LayerNodeView.CardTexts;
import dev.stride.engine.model.Connection;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.NodeAnalysis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.collections.MapChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The design surface, written in code: layer cards and the curves between them, with pan (right or middle drag,
 * or the wheel), Ctrl+wheel zoom, zoom to fit (F), rubber-band selection, dragging cards, wiring an output port to
 * another card, and drops from the palette (on a connection: insert there). Every change goes to the view-model;
 * the canvas redraws from the view-model's properties.
 */
public final class NetworkCanvas extends Region {
    /** Prefix of the drag-and-drop text a palette entry carries: {@code stride-layer:Conv2D}. */
    public static final String DRAG_PREFIX = "stride-layer:";
    static final double MIN_ZOOM = 0.15;
    static final double MAX_ZOOM = 3;
    static final double FIT_MIN_ZOOM = 0.6;
    private static final double NUDGE = 10;
    private static final double CONNECTION_HIT_DISTANCE = 9;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final DesignerViewModel model;
    private final dev.stride.app.common.Subscriptions subscriptions = new dev.stride.app.common.Subscriptions();
    private final CardTexts texts;
    private final Group world = new Group();
    private final Group edgeLayer = new Group();
    private final Group cardLayer = new Group();
    private final Group overlay = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate translate = new Translate(0, 0);
    private final Map<NodeId, LayerNodeView> views = new LinkedHashMap<>();
    private final Map<Connection, CubicCurve> curves = new HashMap<>();
    private final Rectangle band = new Rectangle();
    private final Line wire = new Line();
    private Connection selectedConnection;
    private Connection dropConnection;
    private Point2D pressWorld;
    private Point2D panStart;
    private NodeId wiringFrom;

    public NetworkCanvas(DesignerViewModel model, CardTexts texts) {
        this.model = model;
        this.texts = texts;
        setId("canvas");
        getStyleClass().add("design-canvas");
        setFocusTraversable(true);
        world.getTransforms().addAll(translate, scale);
        world.setManaged(false);
        world.getChildren().addAll(edgeLayer, cardLayer, overlay);
        band.getStyleClass().add("rubber-band");
        band.setVisible(false);
        wire.getStyleClass().add("wire");
        wire.setVisible(false);
        wire.setMouseTransparent(true);
        band.setMouseTransparent(true);
        overlay.getChildren().addAll(band, wire);
        getChildren().add(world);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        subscriptions.on(model.networkProperty(), (obs, old, network) -> reconcile());
        subscriptions.on(model.positions(), (MapChangeListener<NodeId, Point2D>) change -> {
            LayerNodeView view = views.get(change.getKey());
            if (view != null && change.wasAdded()) {
                view.relocate(change.getValueAdded().getX(), change.getValueAdded().getY());
                updateCurvesOf(change.getKey());
            }
        });
        subscriptions.on(model.selection(), (SetChangeListener<NodeId>) change -> {
            NodeId id = change.wasAdded() ? change.getElementAdded() : change.getElementRemoved();
            LayerNodeView view = views.get(id);
            if (view != null) {
                view.setSelected(change.wasAdded());
            }
        });
        installBackgroundGestures();
        installDropTarget();
        setOnKeyPressed(this::onKey);
        reconcile();
    }

    // --- what tests and the window use ---------------------------------------------------------------------

    /** Stops following the view-model (the window is being replaced). */
    public void dispose() {
        subscriptions.dispose();
    }

    public Optional<LayerNodeView> view(NodeId id) {
        return Optional.ofNullable(views.get(id));
    }

    public Optional<LayerNodeView> viewNamed(String name) {
        return views.values().stream().filter(v -> v.node().name().equals(name)).findFirst();
    }

    public int connectionCount() {
        return curves.size();
    }

    public double zoom() {
        return scale.getX();
    }

    /** A point in canvas (world) coordinates as a point in this region's coordinates. */
    public Point2D worldToLocal(Point2D world) {
        return new Point2D(world.getX() * scale.getX() + translate.getX(),
                world.getY() * scale.getY() + translate.getY());
    }

    /** Scales and centres so every card is visible (not above 125 %). */
    public void fitToContent() {
        if (views.isEmpty() || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Point2D at : model.positions().values()) {
            minX = Math.min(minX, at.getX());
            minY = Math.min(minY, at.getY());
            maxX = Math.max(maxX, at.getX() + LayerNodeView.WIDTH);
            maxY = Math.max(maxY, at.getY() + LayerNodeView.HEIGHT);
        }
        double margin = 30;
        double zoom = Math.min((getWidth() - 2 * margin) / (maxX - minX), (getHeight() - 2 * margin) / (maxY - minY));
        // Below ~60 % the cards stop being readable: then show the top of the network and let the user pan.
        zoom = clamp(zoom, Math.min(FIT_MIN_ZOOM, (getWidth() - 2 * margin) / (maxX - minX)), 1.25);
        scale.setX(zoom);
        scale.setY(zoom);
        translate.setX((getWidth() - (maxX - minX) * zoom) / 2 - minX * zoom);
        translate.setY(Math.max(margin / 2, (getHeight() - (maxY - minY) * zoom) / 2) - minY * zoom);
    }

    /** Zooms by a factor around a point in this region's coordinates. */
    public void zoomAt(double factor, double x, double y) {
        double next = clamp(scale.getX() * factor, MIN_ZOOM, MAX_ZOOM);
        Point2D anchor = toWorld(x, y);
        scale.setX(next);
        scale.setY(next);
        translate.setX(x - anchor.getX() * next);
        translate.setY(y - anchor.getY() * next);
    }

    // --- drawing -------------------------------------------------------------------------------------------

    /** Brings the cards and curves in line with the view-model: reuse, update only what changed. */
    private void reconcile() {
        Network network = model.network();
        NetworkAnalysis analysis = model.analysis();
        Set<NodeId> alive = new HashSet<>();
        for (LayerNode node : network.nodes()) {
            alive.add(node.id());
            NodeAnalysis facts = analysis == null ? null : analysis.node(node.id()).orElse(null);
            LayerNodeView view = views.get(node.id());
            if (view == null) {
                view = createView(node);
            }
            view.update(node, facts);
        }
        views.entrySet().removeIf(entry -> {
            if (!alive.contains(entry.getKey())) {
                cardLayer.getChildren().remove(entry.getValue());
                return true;
            }
            return false;
        });
        Set<Connection> wanted = new HashSet<>(network.connections());
        curves.entrySet().removeIf(entry -> {
            if (!wanted.contains(entry.getKey())) {
                edgeLayer.getChildren().remove(entry.getValue());
                return true;
            }
            return false;
        });
        for (Connection connection : wanted) {
            curves.computeIfAbsent(connection, this::createCurve);
            placeCurve(connection, curves.get(connection));
        }
        if (selectedConnection != null && !wanted.contains(selectedConnection)) {
            selectedConnection = null;
        }
    }

    private LayerNodeView createView(LayerNode node) {
        LayerNodeView view = new LayerNodeView(node, texts);
        Point2D at = model.positions().getOrDefault(node.id(), Point2D.ZERO);
        view.relocate(at.getX(), at.getY());
        view.setSelected(model.selection().contains(node.id()));
        installCardGestures(view, node.id());
        views.put(node.id(), view);
        cardLayer.getChildren().add(view);
        return view;
    }

    private CubicCurve createCurve(Connection connection) {
        CubicCurve curve = new CubicCurve();
        curve.getStyleClass().add("connection");
        curve.setOnMouseClicked(event -> {
            selectConnection(connection);
            requestFocus();
            event.consume();
        });
        edgeLayer.getChildren().add(curve);
        return curve;
    }

    private void placeCurve(Connection connection, CubicCurve curve) {
        Point2D from = model.positions().getOrDefault(connection.from(), Point2D.ZERO);
        Point2D to = model.positions().getOrDefault(connection.to(), Point2D.ZERO);
        double sx = from.getX() + LayerNodeView.WIDTH / 2;
        double sy = from.getY() + LayerNodeView.HEIGHT;
        double tx = to.getX() + LayerNodeView.WIDTH / 2;
        double ty = to.getY();
        double pull = Math.max(40, Math.abs(ty - sy) / 2);
        // A connection that skips rows (a residual shortcut) bows out to the side instead of running behind
        // the cards in between.
        double bow = ty - sy > AutoLayout.ROW_HEIGHT * 1.5 && Math.abs(tx - sx) < LayerNodeView.WIDTH
                ? LayerNodeView.WIDTH * 0.85 : 0;
        curve.setStartX(sx);
        curve.setStartY(sy);
        curve.setControlX1(sx + bow);
        curve.setControlY1(sy + pull);
        curve.setControlX2(tx + bow);
        curve.setControlY2(ty - pull);
        curve.setEndX(tx);
        curve.setEndY(ty);
    }

    private void updateCurvesOf(NodeId id) {
        curves.forEach((connection, curve) -> {
            if (connection.from().equals(id) || connection.to().equals(id)) {
                placeCurve(connection, curve);
            }
        });
    }

    private void selectConnection(Connection connection) {
        if (selectedConnection != null && curves.containsKey(selectedConnection)) {
            curves.get(selectedConnection).pseudoClassStateChanged(SELECTED, false);
        }
        selectedConnection = connection;
        if (connection != null) {
            curves.get(connection).pseudoClassStateChanged(SELECTED, true);
            model.selection().clear();
        }
    }

    // --- gestures ------------------------------------------------------------------------------------------

    private void installCardGestures(LayerNodeView view, NodeId id) {
        view.setOnMousePressed(event -> {
            requestFocus();
            if (event.getButton() != MouseButton.PRIMARY) {
                return;
            }
            selectConnection(null);
            pressWorld = toWorld(event);
            if (isOn(view.outputPort(), event)) {
                wiringFrom = id;
                Point2D start = model.positions().get(id).add(LayerNodeView.WIDTH / 2, LayerNodeView.HEIGHT);
                wire.setStartX(start.getX());
                wire.setStartY(start.getY());
                wire.setEndX(pressWorld.getX());
                wire.setEndY(pressWorld.getY());
                wire.setVisible(true);
            } else if (event.isShortcutDown() || event.isShiftDown()) {
                if (!model.selection().remove(id)) {
                    model.selection().add(id);
                }
            } else if (!model.selection().contains(id)) {
                model.select(id);
            }
            event.consume();
        });
        view.setOnMouseDragged(event -> {
            if (pressWorld == null) {
                return;
            }
            Point2D now = toWorld(event);
            if (wiringFrom != null) {
                wire.setEndX(now.getX());
                wire.setEndY(now.getY());
            } else {
                Point2D delta = now.subtract(pressWorld);
                model.move(List.copyOf(model.selection()), delta.getX(), delta.getY());
                pressWorld = now;
            }
            event.consume();
        });
        view.setOnMouseReleased(event -> {
            if (wiringFrom != null) {
                Point2D now = toWorld(event);
                cardAt(now).filter(target -> !target.equals(wiringFrom))
                        .ifPresent(target -> model.connect(wiringFrom, target));
                wire.setVisible(false);
                wiringFrom = null;
            }
            pressWorld = null;
            event.consume();
        });
    }

    private void installBackgroundGestures() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, event -> {
            if (event.isConsumed()) {
                return;
            }
            requestFocus();
            if (event.getButton() == MouseButton.PRIMARY) {
                pressWorld = toWorld(event);
                if (!event.isShiftDown() && !event.isShortcutDown()) {
                    model.selection().clear();
                }
                if (!(event.getTarget() instanceof CubicCurve)) {
                    selectConnection(null);
                }
                band.setX(pressWorld.getX());
                band.setY(pressWorld.getY());
                band.setWidth(0);
                band.setHeight(0);
                band.setVisible(true);
            } else {
                panStart = new Point2D(event.getX() - translate.getX(), event.getY() - translate.getY());
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, event -> {
            if (event.isConsumed()) {
                return;
            }
            if (panStart != null) {
                translate.setX(event.getX() - panStart.getX());
                translate.setY(event.getY() - panStart.getY());
            } else if (band.isVisible() && pressWorld != null) {
                Point2D now = toWorld(event);
                band.setX(Math.min(now.getX(), pressWorld.getX()));
                band.setY(Math.min(now.getY(), pressWorld.getY()));
                band.setWidth(Math.abs(now.getX() - pressWorld.getX()));
                band.setHeight(Math.abs(now.getY() - pressWorld.getY()));
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, event -> {
            if (band.isVisible()) {
                band.setVisible(false);
                if (band.getWidth() > 2 || band.getHeight() > 2) {
                    Bounds area = band.getBoundsInParent();
                    List<NodeId> inside = new ArrayList<>(model.selection());
                    model.positions().forEach((id, at) -> {
                        if (area.intersects(at.getX(), at.getY(), LayerNodeView.WIDTH, LayerNodeView.HEIGHT)) {
                            inside.add(id);
                        }
                    });
                    model.selectAll(inside);
                }
            }
            panStart = null;
            pressWorld = null;
        });
        addEventHandler(ScrollEvent.SCROLL, event -> {
            if (event.isShortcutDown()) {
                zoomAt(event.getDeltaY() > 0 ? 1.1 : 1 / 1.1, event.getX(), event.getY());
            } else {
                translate.setX(translate.getX() + event.getDeltaX());
                translate.setY(translate.getY() + event.getDeltaY());
            }
            event.consume();
        });
    }

    private void installDropTarget() {
        setOnDragOver(event -> {
            if (paletteEntry(event.getDragboard()).isPresent()) {
                event.acceptTransferModes(TransferMode.COPY);
                highlightDropConnection(connectionNear(toWorld(event.getX(), event.getY())).orElse(null));
                event.consume();
            }
        });
        setOnDragExited(event -> highlightDropConnection(null));
        setOnDragDropped(this::onDrop);
    }

    private void onDrop(DragEvent event) {
        Optional<LayerCatalog.Entry> entry = paletteEntry(event.getDragboard());
        if (entry.isEmpty()) {
            event.setDropCompleted(false);
            return;
        }
        Point2D at = toWorld(event.getX(), event.getY());
        Point2D topLeft = at.subtract(LayerNodeView.WIDTH / 2, LayerNodeView.HEIGHT / 2);
        Optional<Connection> on = connectionNear(at);
        highlightDropConnection(null);
        if (on.isPresent()) {
            model.insertOnConnection(on.get(), entry.get().create().get(), topLeft);
        } else {
            model.addLayer(entry.get().create().get(), topLeft);
        }
        event.setDropCompleted(true);
        event.consume();
        requestFocus();
    }

    private void highlightDropConnection(Connection connection) {
        if (dropConnection != null && curves.containsKey(dropConnection)) {
            curves.get(dropConnection).pseudoClassStateChanged(DROP_TARGET, false);
        }
        dropConnection = connection;
        if (connection != null) {
            curves.get(connection).pseudoClassStateChanged(DROP_TARGET, true);
        }
    }

    private static Optional<LayerCatalog.Entry> paletteEntry(Dragboard board) {
        if (!board.hasString() || !board.getString().startsWith(DRAG_PREFIX)) {
            return Optional.empty();
        }
        return LayerCatalog.find(board.getString().substring(DRAG_PREFIX.length()));
    }

    private void onKey(KeyEvent event) {
        KeyCode code = event.getCode();
        double step = event.isShiftDown() ? 1 : NUDGE;
        List<NodeId> selected = List.copyOf(model.selection());
        switch (code) {
            case DELETE, BACK_SPACE -> {
                if (selectedConnection != null) {
                    model.disconnect(selectedConnection.from(), selectedConnection.to());
                    selectedConnection = null;
                } else {
                    model.deleteSelection();
                }
            }
            case LEFT -> model.move(selected, -step, 0);
            case RIGHT -> model.move(selected, step, 0);
            case UP -> model.move(selected, 0, -step);
            case DOWN -> model.move(selected, 0, step);
            case F -> {
                if (!event.isShortcutDown()) {
                    fitToContent();
                }
            }
            default -> {
                return;
            }
        }
        event.consume();
    }

    // --- geometry ------------------------------------------------------------------------------------------

    private Optional<NodeId> cardAt(Point2D world) {
        for (Map.Entry<NodeId, Point2D> entry : model.positions().entrySet()) {
            Point2D at = entry.getValue();
            if (world.getX() >= at.getX() && world.getX() <= at.getX() + LayerNodeView.WIDTH
                    && world.getY() >= at.getY() - LayerNodeView.PORT_RADIUS
                    && world.getY() <= at.getY() + LayerNodeView.HEIGHT) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** The connection whose curve passes within a few pixels of the point (sampled along the Bézier). */
    Optional<Connection> connectionNear(Point2D world) {
        Connection best = null;
        double bestDistance = CONNECTION_HIT_DISTANCE / scale.getX();
        for (Map.Entry<Connection, CubicCurve> entry : curves.entrySet()) {
            double distance = distanceToCurve(entry.getValue(), world);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = entry.getKey();
            }
        }
        return Optional.ofNullable(best);
    }

    private static double distanceToCurve(CubicCurve c, Point2D p) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i <= 40; i++) {
            double t = i / 40.0;
            double u = 1 - t;
            double x = u * u * u * c.getStartX() + 3 * u * u * t * c.getControlX1() + 3 * u * t * t * c.getControlX2()
                    + t * t * t * c.getEndX();
            double y = u * u * u * c.getStartY() + 3 * u * u * t * c.getControlY1() + 3 * u * t * t * c.getControlY2()
                    + t * t * t * c.getEndY();
            best = Math.min(best, p.distance(x, y));
        }
        return best;
    }

    /** True when the press is on (or within a few pixels of) the port: ports are small targets. */
    private static boolean isOn(Node port, MouseEvent event) {
        Point2D local = port.sceneToLocal(event.getSceneX(), event.getSceneY());
        Bounds bounds = port.getBoundsInLocal();
        return local != null
                && local.distance(bounds.getCenterX(), bounds.getCenterY()) <= LayerNodeView.PORT_RADIUS + 4;
    }

    private Point2D toWorld(MouseEvent event) {
        Point2D local = sceneToLocal(event.getSceneX(), event.getSceneY());
        return toWorld(local.getX(), local.getY());
    }

    private Point2D toWorld(double x, double y) {
        return new Point2D((x - translate.getX()) / scale.getX(), (y - translate.getY()) / scale.getY());
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
