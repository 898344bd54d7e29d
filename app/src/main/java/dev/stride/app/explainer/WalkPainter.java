package dev.stride.app.explainer;

import dev.stride.engine.explain.AxisWalk;
import dev.stride.engine.explain.ConvolutionWalk;
import dev.stride.engine.explain.ExplainerWalk;
import dev.stride.engine.explain.TransposedAxisWalk;
import dev.stride.engine.explain.TransposedConvolutionWalk;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
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
    /** Breaks between words, and between any two CJK characters (Chinese has no spaces). */
    private static final java.util.regex.Pattern BREAKS = java.util.regex.Pattern.compile(
            "(?<=\\s)|(?=[\\u2E80-\\u9FFF\\uFF00-\\uFFEF])|(?<=[\\u2E80-\\u9FFF\\uFF00-\\uFFEF])");

    /** Words drawn on the canvas (already translated). */
    /** Legend entries that are null are left out (no padding, no dilation, nothing never covered). */
    record Texts(String heading, String inputTitle, String outputTitle, String padding, String window, String gap,
                 String never, List<String> captions, RegionLabel region) {
    }

    /** "rows a–b, columns c–d of H×W" when only a region of the input fits. */
    @FunctionalInterface
    interface RegionLabel {
        String label(int firstRow, int lastRow, int firstColumn, int lastColumn, int rows, int columns);
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
    // Caches so a redraw at 60 fps neither measures text nor recomputes every output sum.
    private final java.util.Map<String, Double> textWidths = new java.util.HashMap<>();
    private List<String> wrappedFor;
    private double wrappedWidth;
    private List<String> wrapped;
    private ExplainerWalk sumsFor;
    private int[][] sumsInput;
    private int[][] sumsKernel;
    private long[] sums;
    // Incremental drawing: what the canvas shows now.
    private List<Object> lastKey;
    private int lastFrame = -1;
    private Integer lastFirstRow;
    private Integer lastFirstColumn;
    private Integer lastFirstOutRow;
    private Integer lastFirstOutColumn;
    private Painted lastPainted;

    WalkPainter(double typeScale) {
        this.typeScale = typeScale;
    }

    /** Every output cell's sum of products for this walk and these numbers, computed once. */
    private long[] forwardSums(ConvolutionWalk walk, int[][] input, int[][] kernel) {
        if (sumsFor != walk || sumsInput != input || sumsKernel != kernel) {
            long[] all = new long[walk.frameCount()];
            for (int index = 0; index < all.length; index++) {
                all[index] = walk.compute(input, kernel, index).sum();
            }
            sums = all;
            sumsFor = walk;
            sumsInput = input;
            sumsKernel = kernel;
        }
        return sums;
    }

    Painted paint(GraphicsContext g, double width, double height, ExplainerWalk walk, int frame, Texts texts,
                  int[][] input, int[][] kernel, boolean numbers) {
        List<Object> layoutKey = java.util.Arrays.asList(walk, width, height, numbers, texts.heading(), texts.inputTitle(),
                texts.outputTitle(), texts.captions(), input, kernel, g.getCanvas());
        boolean sameLayout = layoutKey.equals(lastKey) && walk instanceof ConvolutionWalk;
        lastKey = layoutKey;
        if (!sameLayout) {
            lastFrame = -1;
            lastFirstRow = null;
            lastFirstColumn = null;
            lastFirstOutRow = null;
            lastFirstOutColumn = null;
        }
        double margin = 14 * typeScale;
        double headingHeight = texts.heading() == null ? 0 : 26 * typeScale;
        double titleHeight = 22 * typeScale;
        double legendHeight = 24 * typeScale;
        double lineHeight = 18 * typeScale;
        Font captionFont = Font.font("System", 13 * typeScale);
        if (!texts.captions().equals(wrappedFor) || wrappedWidth != width) {
            wrapped = wrap(texts.captions(), captionFont, width - 2 * margin);
            wrappedFor = texts.captions();
            wrappedWidth = width;
        }
        List<String> captions = wrapped;
        double captionHeight = captions.size() * lineHeight;
        double arrowWidth = 40 * typeScale;
        double gridTop = margin + headingHeight + titleHeight + 6 * typeScale;
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
        // Titles may be wider than small grids: the grids make room for them, shrinking the type if they must.
        double titleSize = 15 * typeScale;
        Font titleFont = Font.font("System", FontWeight.BOLD, titleSize);
        double inputTitleWidth = textWidths.computeIfAbsent(texts.inputTitle() + "@" + titleSize,
                key -> textWidth(texts.inputTitle(), Font.font("System", FontWeight.BOLD, titleSize)));
        double outputTitleWidth = textWidths.computeIfAbsent(texts.outputTitle() + "@" + titleSize,
                key -> textWidth(texts.outputTitle(), Font.font("System", FontWeight.BOLD, titleSize)));
        double titlesRoom = inputTitleWidth + outputTitleWidth + 16 * typeScale;
        if (titlesRoom > gridWidth) {
            double factor = Math.max(0.55, gridWidth / titlesRoom);
            titleFont = Font.font("System", FontWeight.BOLD, titleSize * factor);
            inputTitleWidth *= factor;
            outputTitleWidth *= factor;
        }
        double cell = Math.min(gridWidth / (inColumns + outColumns), gridHeight / Math.max(inRows, outRows));
        cell = Math.min(cell, 56 * typeScale);
        while (cell > 6 && Math.max(inColumns * cell, inputTitleWidth + 16 * typeScale)
                + Math.max(outColumns * cell, outputTitleWidth) > gridWidth) {
            cell *= 0.93;
        }
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
        double outputX = margin + Math.max(inColumnsShown * cell, inputTitleWidth + 16 * typeScale - arrowWidth)
                + arrowWidth;
        if (walk.frameCount() == 0) {
            frame = -1;
        }
        Painted painted;
        if (walk instanceof ConvolutionWalk forward) {
            if (sameLayout && lastFrame == frame) {
                return lastPainted;
            }
            if (sameLayout && lastFrame >= 0 && frame >= 0) {
                // Titles, legend and captions are already on the canvas: only the grids change.
                lastPainted = paintForward(g, forward, frame, input, kernel, numbers, cell, inputX, outputX,
                        gridTop, inRowsShown, inColumnsShown, outRowsShown, outColumnsShown, texts.region(), true);
                return lastPainted;
            }
            g.setFill(BACKGROUND);
            g.fillRect(0, 0, width, height);
            painted = paintForward(g, forward, frame, input, kernel, numbers, cell, inputX, outputX, gridTop,
                    inRowsShown, inColumnsShown, outRowsShown, outColumnsShown, texts.region(), sameLayout);
            lastPainted = painted;
        } else {
            g.setFill(BACKGROUND);
            g.fillRect(0, 0, width, height);
            painted = paintTransposed(g, (TransposedConvolutionWalk) walk, frame, input, kernel, numbers, cell,
                    inputX, outputX, gridTop, inRowsShown, inColumnsShown, outRowsShown, outColumnsShown);
        }

        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        if (texts.heading() != null) {
            g.setFont(Font.font("System", FontWeight.BOLD, 19 * typeScale));
            g.setTextBaseline(VPos.TOP);
            g.setFill(WINDOW.darker());
            g.fillText(texts.heading(), inputX, margin);
            g.setFill(TEXT);
        }
        g.setFont(titleFont);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(texts.inputTitle(), inputX, gridTop - 6 * typeScale);
        g.fillText(texts.outputTitle(), outputX, gridTop - 6 * typeScale);
        double gridBottom = gridTop + Math.max(inRowsShown, outRowsShown) * cell;
        arrow(g, outputX - arrowWidth + 6 * typeScale, outputX - 8 * typeScale, gridTop + Math.min(inRowsShown,
                outRowsShown) * cell / 2);
        legend(g, texts, margin, gridBottom + margin);
        g.setFont(captionFont);
        g.setFill(TEXT);
        g.setTextBaseline(VPos.TOP);
        double y = gridBottom + margin + legendHeight;
        for (String caption : captions) {
            g.fillText(caption, margin, y);
            y += lineHeight;
        }
        return painted;
    }

    /** What a forward frame needs to draw any one cell. */
    private record ForwardScene(ConvolutionWalk walk, ConvolutionWalk.Frame current, int[][] input, int[][] kernel,
                                boolean numbers, double cell, double inputX, double outputX, double top,
                                int firstRow, int firstColumn, int inRowsShown, int inColumnsShown,
                                int firstOutRow, int firstOutColumn, int outRowsShown, int outColumnsShown,
                                boolean[] neverRow, boolean[] neverColumn, boolean[] tapRow, boolean[] tapColumn,
                                long[] sums, Font valueFont, Font weightFont) {
        boolean inputVisible(int r, int c) {
            return r >= firstRow && r < firstRow + inRowsShown && c >= firstColumn && c < firstColumn + inColumnsShown;
        }

        boolean outputVisible(int r, int c) {
            return r >= firstOutRow && r < firstOutRow + outRowsShown && c >= firstOutColumn
                    && c < firstOutColumn + outColumnsShown;
        }
    }

    /** Keeps the shown region where it is while the window still fits in it, so most steps redraw a few cells. */
    private static int stickyFirst(Integer previous, int start, int end, int shown, int total) {
        if (shown >= total) {
            return 0;
        }
        if (previous != null && start >= previous && end < previous + shown) {
            return previous;
        }
        if (previous != null && start > previous) {
            // Moving on: turn the page so the window starts near the left/top and many steps fit before the next turn.
            return Math.max(0, Math.min(start - 1, total - shown));
        }
        return Math.max(0, Math.min((start + end) / 2 - shown / 2, total - shown));
    }

    private Painted paintForward(GraphicsContext g, ConvolutionWalk walk, int frame, int[][] input, int[][] kernel,
                                 boolean numbers, double cell, double inputX, double outputX, double top,
                                 int inRowsShown, int inColumnsShown, int outRowsShown, int outColumnsShown,
                                 RegionLabel region, boolean sameLayout) {
        AxisWalk rows = walk.rows();
        AxisWalk columns = walk.columns();
        ConvolutionWalk.Frame current = frame >= 0 ? walk.frame(frame) : null;
        int rowStart = current == null ? 0 : current.rowTaps()[0];
        int columnStart = current == null ? 0 : current.columnTaps()[0];
        int firstRow = stickyFirst(sameLayout ? lastFirstRow : null, rowStart, rowStart + rows.span() - 1,
                inRowsShown, rows.paddedSize());
        int firstColumn = stickyFirst(sameLayout ? lastFirstColumn : null, columnStart,
                columnStart + columns.span() - 1, inColumnsShown, columns.paddedSize());
        int outRow = current == null ? 0 : current.outputRow();
        int outColumn = current == null ? 0 : current.outputColumn();
        int outRowsVisible = Math.min(outRowsShown, walk.outputHeight());
        int outColumnsVisible = Math.min(outColumnsShown, walk.outputWidth());
        int firstOutRow = stickyFirst(sameLayout ? lastFirstOutRow : null, outRow, outRow, outRowsVisible,
                walk.outputHeight());
        int firstOutColumn = stickyFirst(sameLayout ? lastFirstOutColumn : null, outColumn, outColumn,
                outColumnsVisible, walk.outputWidth());
        boolean incremental = sameLayout && lastFrame >= 0 && current != null && lastFirstRow == firstRow
                && lastFirstColumn == firstColumn && lastFirstOutRow == firstOutRow
                && lastFirstOutColumn == firstOutColumn;

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
        ForwardScene scene = new ForwardScene(walk, current, input, kernel, numbers, cell, inputX, outputX, top,
                firstRow, firstColumn, inRowsShown, inColumnsShown, firstOutRow, firstOutColumn, outRowsVisible,
                outColumnsVisible, mask(rows.neverCovered(), rows.paddedSize()),
                mask(columns.neverCovered(), columns.paddedSize()), tapRow, tapColumn,
                numbers ? forwardSums(walk, input, kernel) : null,
                Font.font("System", FontWeight.NORMAL, Math.min(cell * 0.42, 18 * typeScale)),
                Font.font("System", FontWeight.BOLD, Math.min(cell * 0.26, 11 * typeScale)));

        if (incremental) {
            // Only the cells the old and new windows touch (and their outlines' neighbours) change.
            ConvolutionWalk.Frame previous = walk.frame(lastFrame);
            repaintRing(g, scene, previous.rowTaps()[0], previous.columnTaps()[0], rows.span(), columns.span());
            repaintRing(g, scene, rowStart, columnStart, rows.span(), columns.span());
            int low = Math.min(lastFrame, frame);
            int high = Math.max(lastFrame, frame);
            for (int index = low; index <= high; index++) {
                int r = index / walk.outputWidth();
                int c = index % walk.outputWidth();
                if (scene.outputVisible(r, c)) {
                    outputCell(g, scene, r, c);
                }
            }
            for (int[] centre : new int[][] {{previous.outputRow(), previous.outputColumn()}, {outRow, outColumn}}) {
                for (int r = centre[0] - 1; r <= centre[0] + 1; r++) {
                    for (int c = centre[1] - 1; c <= centre[1] + 1; c++) {
                        if (r >= 0 && c >= 0 && r < walk.outputHeight() && c < walk.outputWidth()
                                && scene.outputVisible(r, c)) {
                            outputCell(g, scene, r, c);
                        }
                    }
                }
            }
        } else {
            for (int r = firstRow; r < firstRow + inRowsShown; r++) {
                for (int c = firstColumn; c < firstColumn + inColumnsShown; c++) {
                    inputCell(g, scene, r, c);
                }
            }
            for (int r = firstOutRow; r < firstOutRow + outRowsVisible; r++) {
                for (int c = firstOutColumn; c < firstOutColumn + outColumnsVisible; c++) {
                    outputCell(g, scene, r, c);
                }
            }
            if (inRowsShown < rows.paddedSize() || inColumnsShown < columns.paddedSize()) {
                // Only a region fits at a readable size: say which, so the part is not mistaken for the whole.
                double labelWidth = outputX - inputX - 8 * typeScale;
                g.setFill(BACKGROUND);
                g.fillRect(inputX, top + inRowsShown * cell + 1, labelWidth, 12 * typeScale);
                g.setFont(Font.font("System", 11 * typeScale));
                g.setFill(MUTED);
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                g.fillText(region.label(firstRow, firstRow + inRowsShown - 1, firstColumn,
                        firstColumn + inColumnsShown - 1, rows.paddedSize(), columns.paddedSize()),
                        inputX, top + inRowsShown * cell + 2, labelWidth);
            }
            if (outRowsVisible < walk.outputHeight() || outColumnsVisible < walk.outputWidth()) {
                double labelWidth = Math.max(outColumnsVisible * cell, 60 * typeScale);
                g.setFill(BACKGROUND);
                g.fillRect(outputX, top + outRowsVisible * cell + 1, labelWidth, 12 * typeScale);
                g.setFont(Font.font("System", 11 * typeScale));
                g.setFill(MUTED);
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                g.fillText(region.label(firstOutRow, firstOutRow + outRowsVisible - 1, firstOutColumn,
                        firstOutColumn + outColumnsVisible - 1, walk.outputHeight(), walk.outputWidth()),
                        outputX, top + outRowsVisible * cell + 2, labelWidth);
            }
        }
        inputBorder(g, scene);
        windowOutline(g, scene);
        if (current != null) {
            double inset = 1.5 * typeScale;
            g.setStroke(WINDOW);
            g.setLineWidth(3 * typeScale);
            g.strokeRect(outputX + (outColumn - firstOutColumn) * cell + inset,
                    top + (outRow - firstOutRow) * cell + inset, cell - 2 * inset, cell - 2 * inset);
        }
        lastFirstRow = firstRow;
        lastFirstColumn = firstColumn;
        lastFirstOutRow = firstOutRow;
        lastFirstOutColumn = firstOutColumn;
        lastFrame = frame;
        return new Painted(new GridGeometry(inputX, top, cell, firstRow, firstColumn, inRowsShown, inColumnsShown),
                new GridGeometry(outputX, top, cell, firstOutRow, firstOutColumn, outRowsVisible, outColumnsVisible));
    }

    /** Repaints the window's cells and one ring around them (its 3-px outline reaches into the neighbours). */
    private void repaintRing(GraphicsContext g, ForwardScene scene, int rowStart, int columnStart, int rowSpan,
                             int columnSpan) {
        for (int r = rowStart - 1; r <= rowStart + rowSpan; r++) {
            for (int c = columnStart - 1; c <= columnStart + columnSpan; c++) {
                if (r >= 0 && c >= 0 && r < scene.walk().rows().paddedSize()
                        && c < scene.walk().columns().paddedSize() && scene.inputVisible(r, c)) {
                    inputCell(g, scene, r, c);
                }
            }
        }
    }

    private void inputCell(GraphicsContext g, ForwardScene scene, int r, int c) {
        AxisWalk rows = scene.walk().rows();
        AxisWalk columns = scene.walk().columns();
        double cell = scene.cell();
        double x = scene.inputX() + (c - scene.firstColumn()) * cell;
        double y = scene.top() + (r - scene.firstRow()) * cell;
        boolean padding = rows.isPadding(r) || columns.isPadding(c);
        g.setFill(padding ? PADDING_FILL : BACKGROUND);
        g.fillRect(x, y, cell, cell);
        if (padding) {
            hatch(g, x, y, cell);
        }
        if (scene.neverRow()[r] || scene.neverColumn()[c]) {
            g.setFill(NEVER_FILL);
            g.fillRect(x, y, cell, cell);
        }
        boolean tap = scene.tapRow()[r] && scene.tapColumn()[c];
        if (tap) {
            g.setFill(TAP_FILL);
            g.fillRect(x, y, cell, cell);
        }
        g.setStroke(GRID_LINE);
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        if (cell >= 14 * typeScale && (scene.numbers() || padding)) {
            g.setFont(scene.valueFont());
            g.setFill(padding ? MUTED : TEXT);
            int value = padding ? 0 : scene.input()[rows.inputIndex(r)][columns.inputIndex(c)];
            g.fillText(Integer.toString(value), x + cell / 2, y + cell / 2);
        }
        ConvolutionWalk.Frame current = scene.current();
        if (scene.numbers() && current != null && tap && cell >= 22 * typeScale) {
            int i = (r - current.rowTaps()[0]) / rows.dilation();
            int j = (c - current.columnTaps()[0]) / columns.dilation();
            g.setFont(scene.weightFont());
            g.setFill(WINDOW.darker());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText("×" + minus(scene.kernel()[i][j]), x + cell - 2, y + cell - 1);
        }
    }

    private void outputCell(GraphicsContext g, ForwardScene scene, int r, int c) {
        double cell = scene.cell();
        double x = scene.outputX() + (c - scene.firstOutColumn()) * cell;
        double y = scene.top() + (r - scene.firstOutRow()) * cell;
        int index = scene.walk().frameIndexOf(r, c);
        int frame = scene.current() == null ? -1 : scene.current().index();
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
        if (scene.numbers() && index <= frame && cell >= 14 * typeScale) {
            g.setFont(scene.valueFont());
            g.setFill(index == frame ? Color.WHITE : TEXT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(minus(scene.sums()[index]), x + cell / 2, y + cell / 2);
        }
    }

    /** The real input inside the padding: a dark frame so padding and input never look alike. */
    private void inputBorder(GraphicsContext g, ForwardScene scene) {
        AxisWalk rows = scene.walk().rows();
        AxisWalk columns = scene.walk().columns();
        int inTop = Math.max(rows.padBefore(), scene.firstRow());
        int inBottom = Math.min(rows.padBefore() + rows.inputSize(), scene.firstRow() + scene.inRowsShown());
        int inLeft = Math.max(columns.padBefore(), scene.firstColumn());
        int inRight = Math.min(columns.padBefore() + columns.inputSize(), scene.firstColumn() + scene.inColumnsShown());
        if (inBottom > inTop && inRight > inLeft) {
            g.setStroke(INPUT_BORDER);
            g.setLineWidth(2 * typeScale);
            g.strokeRect(scene.inputX() + (inLeft - scene.firstColumn()) * scene.cell(),
                    scene.top() + (inTop - scene.firstRow()) * scene.cell(), (inRight - inLeft) * scene.cell(),
                    (inBottom - inTop) * scene.cell());
        }
    }

    private void windowOutline(GraphicsContext g, ForwardScene scene) {
        ConvolutionWalk.Frame current = scene.current();
        if (current == null) {
            return;
        }
        AxisWalk rows = scene.walk().rows();
        AxisWalk columns = scene.walk().columns();
        double cell = scene.cell();
        double wx = scene.inputX() + (current.columnTaps()[0] - scene.firstColumn()) * cell;
        double wy = scene.top() + (current.rowTaps()[0] - scene.firstRow()) * cell;
        g.setStroke(WINDOW);
        g.setLineWidth(3 * typeScale);
        // Inset so the outline stays inside the window's cells: repainting those cells erases it completely.
        double inset = 1.5 * typeScale;
        g.strokeRect(wx + inset, wy + inset, columns.span() * cell - 2 * inset, rows.span() * cell - 2 * inset);
        if (rows.dilation() > 1 || columns.dilation() > 1) {
            // Gaps of dilation: cells inside the window's span that no tap reads, outlined dashed.
            g.setLineWidth(1.5 * typeScale);
            g.setLineDashes(4 * typeScale, 3 * typeScale);
            for (int r = current.rowTaps()[0]; r <= current.rowTaps()[rows.kernel() - 1]; r++) {
                for (int c = current.columnTaps()[0]; c <= current.columnTaps()[columns.kernel() - 1]; c++) {
                    if (scene.inputVisible(r, c) && !(scene.tapRow()[r] && scene.tapColumn()[c])) {
                        g.strokeRect(scene.inputX() + (c - scene.firstColumn()) * cell + 3,
                                scene.top() + (r - scene.firstRow()) * cell + 3, cell - 6, cell - 6);
                    }
                }
            }
            g.setLineDashes();
        }
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
                    g.fillText(minus(sums[r][c]), x + cell / 2, y + cell / 2);
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
        if (texts.padding() != null) {
            cx = legendItem(g, cx, y, swatch, PADDING_FILL, true, texts.padding());
        }
        cx = legendItem(g, cx, y, swatch, TAP_FILL, false, texts.window());
        if (texts.gap() != null) {
            cx = legendItem(g, cx, y, swatch, BACKGROUND, false, texts.gap());
        }
        if (texts.never() != null) {
            legendItem(g, cx, y, swatch, NEVER_FILL, false, texts.never());
        }
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
        double labelWidth = textWidths.computeIfAbsent(label + "@legend" + typeScale,
                key -> textWidth(label, Font.font("System", 12 * typeScale)));
        return x + swatch + 6 * typeScale + labelWidth + 22 * typeScale;
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

    private static double textWidth(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }

    /** Wraps each caption to the width. */
    private static List<String> wrap(List<String> captions, Font font, double width) {
        List<String> lines = new ArrayList<>();
        for (String caption : captions) {
            StringBuilder line = new StringBuilder();
            for (String token : BREAKS.split(caption)) {
                String candidate = line + token;
                if (line.length() > 0 && textWidth(candidate.strip(), font) > width) {
                    lines.add(line.toString().strip());
                    line = new StringBuilder(token.stripLeading());
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.toString().isBlank()) {
                lines.add(line.toString().strip());
            }
        }
        return lines;
    }

    /** A typographic minus: "−3" reads better than "-3" on slides. */
    private static String minus(long value) {
        return value < 0 ? "−" + (-value) : Long.toString(value);
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
