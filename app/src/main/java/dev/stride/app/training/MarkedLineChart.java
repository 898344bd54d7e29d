package dev.stride.app.training;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;

/**
 * A LineChart for streaming curves: no symbols, no animation, no sorting, and vertical markers (best epoch, early
 * stop) drawn over the plot. Series data are set already decimated to the chart's width.
 */
final class MarkedLineChart extends LineChart<Number, Number> {
    /** A labelled vertical line at an x value. */
    record Marker(double x, String text, String styleClass) {
    }

    private final List<Marker> markers = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();

    MarkedLineChart(String xLabel, String yLabel) {
        super(new NumberAxis(), new NumberAxis());
        getXAxis().setLabel(xLabel);
        getYAxis().setLabel(yLabel);
        ((NumberAxis) getXAxis()).setForceZeroInRange(false);
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        setCreateSymbols(false);
        setAnimated(false);
        getXAxis().setAnimated(false);
        getYAxis().setAnimated(false);
        setAxisSortingPolicy(SortingPolicy.NONE);
        setLegendVisible(true);
        getStyleClass().add("training-chart");
    }

    void setMarkers(List<Marker> wanted) {
        if (wanted.equals(markers)) {
            return;
        }
        getPlotChildren().removeAll(lines);
        getPlotChildren().removeAll(labels);
        lines.clear();
        labels.clear();
        markers.clear();
        markers.addAll(wanted);
        for (Marker marker : markers) {
            Line line = new Line();
            line.getStyleClass().addAll("chart-marker", marker.styleClass());
            Label label = new Label(marker.text());
            label.getStyleClass().addAll("chart-marker-label", marker.styleClass());
            lines.add(line);
            labels.add(label);
            getPlotChildren().addAll(line, label);
        }
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        double height = getYAxis().getHeight();
        for (int i = 0; i < markers.size(); i++) {
            double position = x.getDisplayPosition(markers.get(i).x());
            Line line = lines.get(i);
            line.setStartX(position);
            line.setEndX(position);
            line.setStartY(0);
            line.setEndY(height);
            line.toFront();
            Label label = labels.get(i);
            double width = label.prefWidth(-1);
            // Near the right edge the label goes to the left of its line, so it is never cut off.
            double left = position + 3 + width > getXAxis().getWidth() ? position - 3 - width : position + 3;
            label.resizeRelocate(left, 2 + i * 16, width, label.prefHeight(-1));
            label.toFront();
        }
    }
}
