package dev.stride.app.explainer;

import dev.stride.engine.explain.AxisWalk;
import dev.stride.engine.explain.ConvolutionWalk;
import dev.stride.engine.explain.ExplainerWalk;
import dev.stride.engine.explain.TransposedAxisWalk;
import dev.stride.engine.explain.TransposedConvolutionWalk;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws one frame of a walk on a canvas: the (padded) input grid, the window with its dilation gaps, the output grid,
 * titles, a legend and captions. Grids too large to read are drawn at a readable scale around the window.
 */
final class WalkPainter {
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color GRID_LINE = Color.web("#d0d7de");
    private static final Color INPUT_BORDER = Color.web("#24292f");
    private static final Color PADDING_FILL = Color.web("#eaeef2");
    private static final Color PADDING_HATCH = Color.web("#afb8c1");
    private static final Color WINDOW = Color.web("#0969da");
    private static final Color TAP_FILL = Color.web("#0969da", 0.32);
    private static final Color DONE_FILL = Color.web("#54aeff", 0.22);
    private static final Color CURRENT_FILL = Color.web("#0969da", 0.55);
    private static final Color NEVER_FILL = Color.web("#cf222e", 0.20);
    private static final Color NEVER_TEXT = Color.web("#a40e26");
    private static final Color TEXT = Color.web("#1f2328");
    private static final Color MUTED = Color.web("#656d76");

    /** Words drawn on the canvas (already translated). */
    record Texts(String inputTitle, String outputTitle, String padding, String window, String gap, String never,
                 List<String> captions) {
    }

    /** Where a grid landed: its origin, cell size and the first row/column shown (when only a region fits). */
    record GridGeometry(double x, double y, double cell, int firstRow, int firstColumn, int rowsShown,
                        int columnsShown) {
        /** The grid cell under (px, py) as {row, column}, or null outside the grid. */
        int[] cellAt(double px, double py) {
            if (px < x || py < y) {
                return null;
            }
            int column = (int) ((px - x) / cell);
            int row = (int) ((py - y) / cell);
            if (row >= rowsShown || column >= columnsShown) {
                return null;
            }
            return new int[] {firstRow + row, firstColumn + column};
        }
    }

    /** The grids of the last paint, for hit testing. */
    record Painted(GridGeometry input, GridGeometry output) {
    }

    private final double typeScale;

    WalkPainter(double typeScale) {
        this.typeScale = typeScale;
    }

    Painted paint(GraphicsContext g, double width, double height, ExplainerWalk walk, int frame, Texts texts,
                  int[][] input, int[][] kernel, boolean numbers) {
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, width, height);
        double margin = 14 * typeScale;
        double titleHeight = 22 * typeScale;
        double legendHeight = 24 * typeScale;
        double captionHeight = texts.captions().size() * 18 * typeScale;
        double arrowWidth = 40 * typeScale;
        double gridTop = margin + titleHeight + 6 * typeScale;
        double gridHeight = height - gridTop - legendHeight - captionHeight - 2 * margin;
        double gridWidth = width - 2 * margin - arrowWidth;

        int inRows;
        int inColumns;
        if (walk instanceof ConvolutionWalk forward) {
            inRows = forward.rows().paddedSize();
            inColumns = forward.columns().paddedSize();
        } else {
            inRows = walk.setup().inputHeight();
            inColumns = walk.setup().inputWidth();
        }
        int outRows = Math.max(walk.outputHeight(), 1);
        int outColumns = Math.max(walk.outputWidth(), 1);
        double cell = Math.min(gridWidth / (inColumns + outColumns), gridHeight / Math.max(inRows, outRows));
        cell = Math.min(cell, 56 * typeScale);
        double minimum = (numbers ? 22 : 14) * typeScale;
        cell = Math.max(cell, Math.min(minimum, Math.max(gridHeight, 1) / 2));

        // When a grid does not fit at a readable size, show the region around the window.
        int inRowsShown = Math.min(inRows, Math.max(1, (int) (gridHeight / cell)));
        int outRowsShown = Math.min(outRows, Math.max(1, (int) (gridHeight / cell)));
        double columnsRoom = gridWidth / cell;
        int inColumnsShown = Math.min(inColumns, Math.max(1, (int) (columnsRoom * inColumns
                / (inColumns + outColumns))));
        int outColumnsShown = Math.min(outColumns, Math.max(1, (int) columnsRoom - inColumnsShown));

        double inputX = margin;
        double outputX = margin + inColumnsShown * cell + arrowWidth;
        if (walk.frameCount() == 0) {
            frame = -1;
        }
        Painted painted;
        if (walk instanceof ConvolutionWalk forward) {
            painted = paintForward(g, forward, frame, input, kernel, numbers, cell, inputX, outputX, gridTop,
                    inRowsShown, inColumnsShown, outRowsShown, outColumnsShown);
        } else {
            painted = paintTransposed(g, (TransposedConvolutionWalk) walk, frame, input, kernel, numbers, cell,
                    inputX, outputX, gridTop, inRowsShown, inColumnsShown, outRowsShown, outColumnsShown);
        }

        g.setFill(TEXT);
        g.setFont(Font.font("System", FontWeight.BOLD, 15 * typeScale));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(texts.inputTitle(), inputX, gridTop - 6 * typeScale);
        g.fillText(texts.outputTitle(), outputX, gridTop - 6 * typeScale);
        double gridBottom = gridTop + Math.max(inRowsShown, outRowsShown) * cell;
        arrow(g, outputX - arrowWidth + 6 * typeScale, outputX - 8 * typeScale, gridTop + Math.min(inRowsShown,
                outRowsShown) * cell / 2);
        legend(g, texts, margin, gridBottom + margin);
        g.setFont(Font.font("System", 13 * typeScale));
        g.setFill(TEXT);
        g.setTextBaseline(VPos.TOP);
        double y = gridBottom + margin + legendHeight;
        for (String caption : texts.captions()) {
            g.fillText(caption, margin, y);
            y += 18 * typeScale;
        }
        return painted;
    }

    private Painted paintForward(GraphicsContext g, ConvolutionWalk walk, int frame, int[][] input, int[][] kernel,
                                 boolean numbers, double cell, double inputX, double outputX, double top,
                                 int inRowsShown, int inColumnsShown, int outRowsShown, int outColumnsShown) {
        AxisWalk rows = walk.rows();
        AxisWalk columns = walk.columns();
        ConvolutionWalk.Frame current = frame >= 0 ? walk.frame(frame) : null;
        int centreRow = current == null ? 0 : current.rowTaps()[0] + rows.span() / 2;
        int centreColumn = current == null ? 0 : current.columnTaps()[0] + columns.span() / 2;
        int firstRow = firstShown(centreRow, inRowsShown, rows.paddedSize());
        int firstColumn = firstShown(centreColumn, inColumnsShown, columns.paddedSize());
        GridGeometry in = new GridGeometry(inputX, top, cell, firstRow, firstColumn, inRowsShown, inColumnsShown);
        boolean[] neverRow = mask(rows.neverCovered(), rows.paddedSize());
        boolean[] neverColumn = mask(columns.neverCovered(), columns.paddedSize());
        boolean[] tapRow = new boolean[rows.paddedSize()];
        boolean[] tapColumn = new boolean[columns.paddedSize()];
        if (current != null) {
            for (int r : current.rowTaps()) {
                tapRow[r] = true;
            }
            for (int c : current.columnTaps()) {
                tapColumn[c] = true;
            }
        }
        Font valueFont = Font.font("System", FontWeight.NORMAL, Math.min(cell * 0.42, 18 * typeScale));
        Font weightFont = Font.font("System", FontWeight.BOLD, Math.min(cell * 0.26, 11 * typeScale));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int r = firstRow; r < firstRow + inRowsShown; r++) {
            for (int c = firstColumn; c < firstColumn + inColumnsShown; c++) {
                double x = inputX + (c - firstColumn) * cell;
                double y = top + (r - firstRow) * cell;
                boolean padding = rows.isPadding(r) || columns.isPadding(c);
                g.setFill(padding ? PADDING_FILL : BACKGROUND);
                g.fillRect(x, y, cell, cell);
                if (padding) {
                    hatch(g, x, y, cell);
                }
                if (neverRow[r] || neverColumn[c]) {
                    g.setFill(NEVER_FILL);
                    g.fillRect(x, y, cell, cell);
                }
                if (tapRow[r] && tapColumn[c]) {
                    g.setFill(TAP_FILL);
                    g.fillRect(x, y, cell, cell);
                }
                g.setStroke(GRID_LINE);
                g.setLineWidth(1);
                g.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
                if (cell >= 14 * typeScale && (numbers || padding)) {
                    g.setFont(valueFont);
                    g.setFill(padding ? MUTED : TEXT);
                    int value = padding ? 0 : input[rows.inputIndex(r)][columns.inputIndex(c)];
                    g.fillText(Integer.toString(value), x + cell / 2, y + cell / 2);
                }
                if (numbers && current != null && tapRow[r] && tapColumn[c] && cell >= 22 * typeScale) {
                    int i = (r - current.rowTaps()[0]) / rows.dilation();
                    int j = (c - current.columnTaps()[0]) / columns.dilation();
                    g.setFont(weightFont);
                    g.setFill(WINDOW.darker());
                    g.setTextAlign(TextAlignment.RIGHT);
                    g.setTextBaseline(VPos.BOTTOM);
                    g.fillText("×" + kernel[i][j], x + cell - 2, y + cell - 1);
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.CENTER);
                }
            }
        }
        // The real input inside the padding: a dark frame so padding and input never look alike.
        int inTop = Math.max(rows.padBefore(), firstRow);
        int inBottom = Math.min(rows.padBefore() + rows.inputSize(), firstRow + inRowsShown);
        int inLeft = Math.max(columns.padBefore(), firstColumn);
        int inRight = Math.min(columns.padBefore() + columns.inputSize(), firstColumn + inColumnsShown);
        if (inBottom > inTop && inRight > inLeft) {
            g.setStroke(INPUT_BORDER);
            g.setLineWidth(2 * typeScale);
            g.strokeRect(inputX + (inLeft - firstColumn) * cell, top + (inTop - firstRow) * cell,
                    (inRight - inLeft) * cell, (inBottom - inTop) * cell);
        }
        if (current != null) {
            double wx = inputX + (current.columnTaps()[0] - firstColumn) * cell;
            double wy = top + (current.rowTaps()[0] - firstRow) * cell;
            g.setStroke(WINDOW);
            g.setLineWidth(3 * typeScale);
            g.strokeRect(wx, wy, columns.span() * cell, rows.span() * cell);
            if (rows.dilation() > 1 || columns.dilation() > 1) {
                // Gaps of dilation: cells inside the window's span that no tap reads, outlined dashed.
                g.setLineWidth(1.5 * typeScale);
                g.setLineDashes(4 * typeScale, 3 * typeScale);
                for (int r = current.rowTaps()[0]; r <= current.rowTaps()[rows.kernel() - 1]; r++) {
                    for (int c = current.columnTaps()[0]; c <= current.columnTaps()[columns.kernel() - 1]; c++) {
                        boolean visible = r >= firstRow && r < firstRow + inRowsShown && c >= firstColumn
                                && c < firstColumn + inColumnsShown;
                        if (visible && !(tapRow[r] && tapColumn[c])) {
                            g.strokeRect(inputX + (c - firstColumn) * cell + 3, top + (r - firstRow) * cell + 3,
                                    cell - 6, cell - 6);
                        }
                    }
                }
                g.setLineDashes();
            }
        }

        int outRow = current == null ? 0 : current.outputRow();
        int outColumn = current == null ? 0 : current.outputColumn();
        int firstOutRow = firstShown(outRow, outRowsShown, walk.outputHeight());
        int firstOutColumn = firstShown(outColumn, outColumnsShown, walk.outputWidth());
        GridGeometry out = new GridGeometry(outputX, top, cell, firstOutRow, firstOutColumn,
                Math.min(outRowsShown, walk.outputHeight()), Math.min(outColumnsShown, walk.outputWidth()));
        for (int r = firstOutRow; r < firstOutRow + out.rowsShown(); r++) {
            for (int c = firstOutColumn; c < firstOutColumn + out.columnsShown(); c++) {
                double x = outputX + (c - firstOutColumn) * cell;
                double y = top + (r - firstOutRow) * cell;
                int index = walk.frameIndexOf(r, c);
                g.setFill(BACKGROUND);
                g.fillRect(x, y, cell, cell);
                if (index < frame) {
                    g.setFill(DONE_FILL);
                    g.fillRect(x, y, cell, cell);
                } else if (index == frame) {
                    g.setFill(CURRENT_FILL);
                    g.fillRect(x, y, cell, cell);
                }
                g.setStroke(GRID_LINE);
                g.setLineWidth(1);
                g.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
                if (numbers && index <= frame && cell >= 14 * typeScale) {
                    g.setFont(valueFont);
                    g.setFill(index == frame ? Color.WHITE : TEXT);
                    g.fillText(Long.toString(walk.compute(input, kernel, index).sum()), x + cell / 2, y + cell / 2);
                }
            }
        }
        if (frame >= 0) {
            g.setStroke(WINDOW);
            g.setLineWidth(3 * typeScale);
            g.strokeRect(outputX + (outColumn - firstOutColumn) * cell, top + (outRow - firstOutRow) * cell, cell,
                    cell);
        }
        return new Painted(in, out);
    }

    private Painted paintTransposed(GraphicsContext g, TransposedConvolutionWalk walk, int frame, int[][] input,
                                    int[][] kernel, boolean numbers, double cell, double inputX, double outputX,
                                    double top, int inRowsShown, int inColumnsShown, int outRowsShown,
                                    int outColumnsShown) {
        TransposedAxisWalk rows = walk.rows();
        TransposedAxisWalk columns = walk.columns();
        TransposedConvolutionWalk.Frame current = frame >= 0 ? walk.frame(frame) : null;
        int firstRow = firstShown(current == null ? 0 : current.inputRow(), inRowsShown, rows.inputSize());
        int firstColumn = firstShown(current == null ? 0 : current.inputColumn(), inColumnsShown,
                columns.inputSize());
        GridGeometry in = new GridGeometry(inputX, top, cell, firstRow, firstColumn, inRowsShown, inColumnsShown);
        Font valueFont = Font.font("System", FontWeight.NORMAL, Math.min(cell * 0.42, 18 * typeScale));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int r = firstRow; r < firstRow + inRowsShown; r++) {
            for (int c = firstColumn; c < firstColumn + inColumnsShown; c++) {
                double x = inputX + (c - firstColumn) * cell;
                double y = top + (r - firstRow) * cell;
                int index = r * columns.inputSize() + c;
                g.setFill(BACKGROUND);
                g.fillRect(x, y, cell, cell);
                if (index < frame) {
                    g.setFill(DONE_FILL);
                    g.fillRect(x, y, cell, cell);
                } else if (index == frame) {
                    g.setFill(CURRENT_FILL);
                    g.fillRect(x, y, cell, cell);
                }
                g.setStroke(GRID_LINE);
                g.setLineWidth(1);
                g.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
                if (numbers && cell >= 14 * typeScale) {
                    g.setFont(valueFont);
                    g.setFill(index == frame ? Color.WHITE : TEXT);
                    g.fillText(Integer.toString(input[r][c]), x + cell / 2, y + cell / 2);
                }
            }
        }
        g.setStroke(INPUT_BORDER);
        g.setLineWidth(2 * typeScale);
        g.strokeRect(inputX, top, inColumnsShown * cell, inRowsShown * cell);

        // Accumulate what the frames so far have scattered into the output.
        long[][] sums = new long[rows.outputSize()][columns.outputSize()];
        boolean[][] written = new boolean[rows.outputSize()][columns.outputSize()];
        for (int index = 0; index <= frame; index++) {
            TransposedConvolutionWalk.Frame f = walk.frame(index);
            int value = input[f.inputRow()][f.inputColumn()];
            for (int i = 0; i < f.targetRows().length; i++) {
                for (int j = 0; j < f.targetColumns().length; j++) {
                    if (f.targetRows()[i] >= 0 && f.targetColumns()[j] >= 0) {
                        sums[f.targetRows()[i]][f.targetColumns()[j]] += (long) value * kernel[i][j];
                        written[f.targetRows()[i]][f.targetColumns()[j]] = true;
                    }
                }
            }
        }
        boolean[] neverRow = mask(rows.neverWritten(), rows.outputSize());
        boolean[] neverColumn = mask(columns.neverWritten(), columns.outputSize());
        int centreRow = current == null ? 0 : Math.max(0, current.inputRow() * rows.stride() - rows.cropBefore()
                + rows.span() / 2);
        int centreColumn = current == null ? 0 : Math.max(0, current.inputColumn() * columns.stride()
                - columns.cropBefore() + columns.span() / 2);
        int firstOutRow = firstShown(centreRow, outRowsShown, rows.outputSize());
        int firstOutColumn = firstShown(centreColumn, outColumnsShown, columns.outputSize());
        GridGeometry out = new GridGeometry(outputX, top, cell, firstOutRow, firstOutColumn,
                Math.min(outRowsShown, rows.outputSize()), Math.min(outColumnsShown, columns.outputSize()));
        for (int r = firstOutRow; r < firstOutRow + out.rowsShown(); r++) {
            for (int c = firstOutColumn; c < firstOutColumn + out.columnsShown(); c++) {
                double x = outputX + (c - firstOutColumn) * cell;
                double y = top + (r - firstOutRow) * cell;
                g.setFill(BACKGROUND);
                g.fillRect(x, y, cell, cell);
                if (written[r][c]) {
                    g.setFill(DONE_FILL);
                    g.fillRect(x, y, cell, cell);
                }
                if (current != null && contains(current.targetRows(), r) && contains(current.targetColumns(), c)) {
                    g.setFill(TAP_FILL);
                    g.fillRect(x, y, cell, cell);
                }
                if (neverRow[r] || neverColumn[c]) {
                    g.setFill(NEVER_FILL);
                    g.fillRect(x, y, cell, cell);
                }
                g.setStroke(GRID_LINE);
                g.setLineWidth(1);
                g.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
                if (numbers && written[r][c] && cell >= 14 * typeScale) {
                    g.setFont(valueFont);
                    g.setFill(TEXT);
                    g.fillText(Long.toString(sums[r][c]), x + cell / 2, y + cell / 2);
                }
            }
        }
        if (current != null) {
            g.setStroke(WINDOW);
            g.setLineWidth(3 * typeScale);
            g.strokeRect(inputX + (current.inputColumn() - firstColumn) * cell,
                    top + (current.inputRow() - firstRow) * cell, cell, cell);
        }
        return new Painted(in, out);
    }

    private void legend(GraphicsContext g, Texts texts, double x, double y) {
        double swatch = 14 * typeScale;
        g.setFont(Font.font("System", 12 * typeScale));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double cx = x;
        cx = legendItem(g, cx, y, swatch, PADDING_FILL, true, texts.padding());
        cx = legendItem(g, cx, y, swatch, TAP_FILL, false, texts.window());
        cx = legendItem(g, cx, y, swatch, BACKGROUND, false, texts.gap());
        legendItem(g, cx, y, swatch, NEVER_FILL, false, texts.never());
    }

    private double legendItem(GraphicsContext g, double x, double y, double swatch, Color fill, boolean hatched,
                              String label) {
        g.setFill(fill);
        g.fillRect(x, y, swatch, swatch);
        if (hatched) {
            hatch(g, x, y, swatch);
        }
        g.setStroke(fill == BACKGROUND ? WINDOW : GRID_LINE);
        g.setLineWidth(1);
        if (fill == BACKGROUND) {
            g.setLineDashes(3, 2);
        }
        g.strokeRect(x + 0.5, y + 0.5, swatch - 1, swatch - 1);
        g.setLineDashes();
        g.setFill(fill == NEVER_FILL ? NEVER_TEXT : TEXT);
        g.fillText(label, x + swatch + 6 * typeScale, y + swatch / 2);
        return x + swatch + 6 * typeScale + label.length() * 7.2 * typeScale + 22 * typeScale;
    }

    private void hatch(GraphicsContext g, double x, double y, double size) {
        g.setStroke(PADDING_HATCH);
        g.setLineWidth(1);
        double step = Math.max(5, size / 4);
        for (double d = step; d < 2 * size; d += step) {
            double x1 = x + Math.max(0, d - size);
            double y1 = y + Math.min(d, size);
            double x2 = x + Math.min(d, size);
            double y2 = y + Math.max(0, d - size);
            g.strokeLine(x1, y1, x2, y2);
        }
    }

    private void arrow(GraphicsContext g, double fromX, double toX, double y) {
        g.setStroke(MUTED);
        g.setLineWidth(2 * typeScale);
        g.strokeLine(fromX, y, toX, y);
        g.strokeLine(toX, y, toX - 7 * typeScale, y - 5 * typeScale);
        g.strokeLine(toX, y, toX - 7 * typeScale, y + 5 * typeScale);
    }

    private static int firstShown(int centre, int shown, int total) {
        return Math.max(0, Math.min(centre - shown / 2, total - shown));
    }

    private static boolean[] mask(List<Integer> positions, int size) {
        boolean[] mask = new boolean[size];
        for (int position : positions) {
            mask[position] = true;
        }
        return mask;
    }

    private static boolean contains(int[] values, int wanted) {
        for (int value : values) {
            if (value == wanted) {
                return true;
            }
        }
        return false;
    }
}
