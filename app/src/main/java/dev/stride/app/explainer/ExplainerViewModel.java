package dev.stride.app.explainer;

import dev.stride.app.common.LatestRequestRunner;
import dev.stride.app.common.Messages;
import dev.stride.engine.data.vision.KernelPreview;
import dev.stride.engine.data.vision.KernelPreview.KernelPreset;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.explain.AxisWalk;
import dev.stride.engine.explain.CellComputation;
import dev.stride.engine.explain.ConvolutionSetup;
import dev.stride.engine.explain.ConvolutionWalk;
import dev.stride.engine.explain.ExplainerPreset;
import dev.stride.engine.explain.ExplainerWalk;
import dev.stride.engine.explain.LayerKind;
import dev.stride.engine.explain.PaddingMode;
import dev.stride.engine.explain.TransposedAxisWalk;
import dev.stride.engine.explain.TransposedConvolutionWalk;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The explainer's state: the set-up being explained, its walk, the current frame, playback, the numbers of the
 * current cell, the formula with the current numbers and the real-image preview. Holds no Nodes.
 */
public final class ExplainerViewModel {
    /** Frames per second the speed slider allows. */
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 60;

    private final Messages messages;
    private final LatestRequestRunner imageRunner;
    private final Supplier<ImageData> photoLoader;

    private final ObjectProperty<ConvolutionSetup> setup =
            new SimpleObjectProperty<>(this, "setup", ExplainerPreset.UNEVEN.setup());
    private final ReadOnlyObjectWrapper<ExplainerWalk> walk = new ReadOnlyObjectWrapper<>(this, "walk");
    private final ReadOnlyObjectWrapper<ExplainerWalk> validWalk = new ReadOnlyObjectWrapper<>(this, "validWalk");
    private final ReadOnlyObjectWrapper<ExplainerWalk> sameWalk = new ReadOnlyObjectWrapper<>(this, "sameWalk");
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step");
    private final IntegerProperty hoveredFrame = new SimpleIntegerProperty(this, "hoveredFrame", -1);
    private final ReadOnlyIntegerWrapper shownFrame = new ReadOnlyIntegerWrapper(this, "shownFrame");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 2);
    private final BooleanProperty showNumbers = new SimpleBooleanProperty(this, "showNumbers", true);
    private final BooleanProperty sideBySide = new SimpleBooleanProperty(this, "sideBySide", false);
    private final BooleanProperty presenting = new SimpleBooleanProperty(this, "presenting", false);
    private final BooleanProperty loop = new SimpleBooleanProperty(this, "loop", false);
    private final ReadOnlyObjectWrapper<int[][]> inputValues = new ReadOnlyObjectWrapper<>(this, "inputValues");
    private final ReadOnlyObjectWrapper<int[][]> kernelValues = new ReadOnlyObjectWrapper<>(this, "kernelValues");
    private final ReadOnlyObjectWrapper<CellComputation> computation =
            new ReadOnlyObjectWrapper<>(this, "computation");
    private final ReadOnlyStringWrapper inputTitle = new ReadOnlyStringWrapper(this, "inputTitle");
    private final ReadOnlyStringWrapper outputTitle = new ReadOnlyStringWrapper(this, "outputTitle");
    private final ReadOnlyStringWrapper formula = new ReadOnlyStringWrapper(this, "formula");
    private final ReadOnlyStringWrapper rowFormula = new ReadOnlyStringWrapper(this, "rowFormula");
    private final ReadOnlyStringWrapper columnFormula = new ReadOnlyStringWrapper(this, "columnFormula");
    private final ReadOnlyStringWrapper paddingNote = new ReadOnlyStringWrapper(this, "paddingNote");
    private final ReadOnlyStringWrapper coverageNote = new ReadOnlyStringWrapper(this, "coverageNote");
    private final ReadOnlyStringWrapper cellNote = new ReadOnlyStringWrapper(this, "cellNote");

    private final ObjectProperty<KernelPreset> kernelPreset =
            new SimpleObjectProperty<>(this, "kernelPreset", KernelPreset.EDGE);
    private final ReadOnlyObjectWrapper<ImageData> photo = new ReadOnlyObjectWrapper<>(this, "photo");
    private final ReadOnlyObjectWrapper<ImageData> filteredPhoto =
            new ReadOnlyObjectWrapper<>(this, "filteredPhoto");
    private final ReadOnlyStringWrapper imageProblem = new ReadOnlyStringWrapper(this, "imageProblem", "");
    private final ReadOnlyBooleanWrapper imageBusy = new ReadOnlyBooleanWrapper(this, "imageBusy");
    private final BooleanProperty realImageWanted = new SimpleBooleanProperty(this, "realImageWanted");

    private double secondsSinceStep;
    private long lastTickNanos = -1;

    /**
     * @param imageRunner runs OpenCV work off the FX thread, latest request wins
     * @param photoLoader decodes the sample photo (called on the background thread, once)
     */
    public ExplainerViewModel(Messages messages, LatestRequestRunner imageRunner, Supplier<ImageData> photoLoader) {
        this.messages = messages;
        this.imageRunner = imageRunner;
        this.photoLoader = photoLoader;
        setup.addListener((obs, old, now) -> recompute());
        step.addListener((obs, old, now) -> refreshShownFrame());
        hoveredFrame.addListener((obs, old, now) -> refreshShownFrame());
        shownFrame.addListener((obs, old, now) -> refreshCell());
        kernelPreset.addListener((obs, old, now) -> requestFilteredPhoto());
        realImageWanted.addListener((obs, old, now) -> requestFilteredPhoto());
        recompute();
    }

    // --- set-up --------------------------------------------------------------------------------------------------

    public ObjectProperty<ConvolutionSetup> setupProperty() {
        return setup;
    }

    public ConvolutionSetup setup() {
        return setup.get();
    }

    /** Shows a classroom preset, forward or transposed, from its first frame. */
    public void applyPreset(ExplainerPreset preset, boolean transposed) {
        setup.set(transposed ? preset.transposedSetup() : preset.setup());
    }

    /**
     * Opens the explainer on a layer's own numbers (the selected Conv2D, Conv2DTranspose or pooling layer);
     * build them with {@link ConvolutionSetup#forConv2D}, {@link ConvolutionSetup#forConv2DTranspose} or
     * {@link ConvolutionSetup#forPooling}.
     */
    public void openLayer(ConvolutionSetup layer) {
        setup.set(layer);
    }

    public void setInputSize(int size) {
        ConvolutionSetup s = setup.get();
        replace(s.kind(), size, s.kernelHeight(), s.strideHeight(), s.dilationHeight(), s.padding(),
                s.outputPaddingHeight());
    }

    public void setKernel(int kernel) {
        ConvolutionSetup s = setup.get();
        replace(s.kind(), s.inputHeight(), kernel, s.strideHeight(), s.dilationHeight(), s.padding(),
                s.outputPaddingHeight());
    }

    public void setStride(int stride) {
        ConvolutionSetup s = setup.get();
        OptionalInt outputPadding = s.outputPaddingHeight().isPresent() && s.outputPaddingHeight().getAsInt() >= stride
                ? OptionalInt.empty() : s.outputPaddingHeight();
        replace(s.kind(), s.inputHeight(), s.kernelHeight(), stride, s.dilationHeight(), s.padding(), outputPadding);
    }

    public void setDilation(int dilation) {
        ConvolutionSetup s = setup.get();
        int allowed = s.kind() == LayerKind.POOLING ? 1 : dilation;
        replace(s.kind(), s.inputHeight(), s.kernelHeight(), s.strideHeight(), allowed, s.padding(),
                s.outputPaddingHeight());
    }

    public void setPadding(PaddingMode padding) {
        setup.set(setup.get().withPadding(padding));
    }

    public void setKind(LayerKind kind) {
        setup.set(setup.get().withKind(kind));
    }

    /** Conv2DTranspose's output_padding; empty is Keras's None. Values not below the stride are refused. */
    public void setOutputPadding(OptionalInt outputPadding) {
        ConvolutionSetup s = setup.get();
        if (outputPadding.isPresent() && outputPadding.getAsInt() >= s.strideHeight()) {
            return;
        }
        replace(s.kind(), s.inputHeight(), s.kernelHeight(), s.strideHeight(), s.dilationHeight(), s.padding(),
                outputPadding);
    }

    private void replace(LayerKind kind, int input, int kernel, int stride, int dilation, PaddingMode padding,
                         OptionalInt outputPadding) {
        OptionalInt op = kind == LayerKind.TRANSPOSED_CONVOLUTION ? outputPadding : OptionalInt.empty();
        setup.set(new ConvolutionSetup(kind, input, input, kernel, kernel, stride, stride, dilation, dilation,
                padding, op, op));
    }

    // --- derived walk and texts -----------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<ExplainerWalk> walkProperty() {
        return walk.getReadOnlyProperty();
    }

    public ExplainerWalk walk() {
        return walk.get();
    }

    /** The same layer with 'valid' padding, for the side-by-side view. */
    public ReadOnlyObjectProperty<ExplainerWalk> validWalkProperty() {
        return validWalk.getReadOnlyProperty();
    }

    /** The same layer with 'same' padding, for the side-by-side view. */
    public ReadOnlyObjectProperty<ExplainerWalk> sameWalkProperty() {
        return sameWalk.getReadOnlyProperty();
    }

    private void recompute() {
        ConvolutionSetup current = setup.get();
        pause();
        ExplainerWalk newWalk = ExplainerWalk.of(current);
        inputValues.set(sampleInput(current.inputHeight(), current.inputWidth()));
        kernelValues.set(sampleKernel(current.kernelHeight(), current.kernelWidth()));
        validWalk.set(ExplainerWalk.of(current.withPadding(PaddingMode.valid())));
        sameWalk.set(ExplainerWalk.of(current.withPadding(PaddingMode.same())));
        walk.set(newWalk);
        hoveredFrame.set(-1);
        step.set(0);
        refreshTexts(newWalk);
        refreshShownFrame();
        refreshCell();
        requestFilteredPhoto();
    }

    private void refreshTexts(ExplainerWalk current) {
        inputTitle.set(inputTitle(current));
        outputTitle.set(outputTitle(current));
        List<String> notes = notes(current);
        paddingNote.set(notes.get(0));
        coverageNote.set(notes.get(1));
        if (current instanceof ConvolutionWalk forward) {
            formula.set(messages.get("explainer.formula.forward"));
            rowFormula.set(messages.get("explainer.formula.rows", forwardNumbers(forward.rows())));
            columnFormula.set(messages.get("explainer.formula.columns", forwardNumbers(forward.columns())));
        } else {
            TransposedConvolutionWalk transposed = (TransposedConvolutionWalk) current;
            formula.set(messages.get("explainer.formula.transposed"));
            rowFormula.set(messages.get("explainer.formula.rows", transposedNumbers(transposed.rows())));
            columnFormula.set(messages.get("explainer.formula.columns", transposedNumbers(transposed.columns())));
        }
    }

    /** "input (H×W, after padding H'×W')" for any walk (the side-by-side views have their own). */
    public String inputTitle(ExplainerWalk any) {
        ConvolutionSetup s = any.setup();
        if (any instanceof ConvolutionWalk forward) {
            return messages.get("explainer.title.input", s.inputHeight(), s.inputWidth(),
                    forward.rows().paddedSize(), forward.columns().paddedSize());
        }
        return messages.get("explainer.title.transposedInput", s.inputHeight(), s.inputWidth());
    }

    /** "output (H×W)". */
    public String outputTitle(ExplainerWalk any) {
        return messages.get("explainer.title.output", any.outputHeight(), any.outputWidth());
    }

    /** Two notes for any walk: where the padding goes (or what is cropped) and what is never covered (written). */
    public List<String> notes(ExplainerWalk any) {
        if (any instanceof ConvolutionWalk forward) {
            return List.of(paddingNote(forward.rows(), forward.columns()),
                    coverageNote(forward.rows().neverCovered(), forward.columns().neverCovered()));
        }
        TransposedConvolutionWalk transposed = (TransposedConvolutionWalk) any;
        List<Integer> rows = transposed.rows().neverWritten();
        List<Integer> columns = transposed.columns().neverWritten();
        return List.of(messages.get("explainer.note.crop", transposed.rows().cropBefore(),
                        transposed.columns().cropBefore()),
                rows.isEmpty() && columns.isEmpty() ? messages.get("explainer.note.allWritten")
                        : messages.get("explainer.note.neverWritten", rows.isEmpty() ? "–" : join(rows),
                        columns.isEmpty() ? "–" : join(columns)));
    }

    /** ⌊(W + P₁ + P₂ − D·(K − 1) − 1) / S⌋ + 1 with the numbers; the result is the walk's (engine.shape's). */
    private static String forwardNumbers(AxisWalk axis) {
        String padding = axis.padBefore() == axis.padAfter()
                ? "2·" + axis.padBefore() : "(" + axis.padBefore() + " + " + axis.padAfter() + ")";
        int numerator = axis.paddedSize() - axis.span();
        String fraction = "⌊(" + axis.inputSize() + " + " + padding + " − " + axis.dilation() + "·(" + axis.kernel()
                + " − 1) − 1) / " + axis.stride() + "⌋ + 1";
        if (numerator < 0) {
            return fraction + " = ⌊" + numerator + " / " + axis.stride() + "⌋ + 1 → " + axis.outputSize();
        }
        return fraction + " = ⌊" + numerator + " / " + axis.stride() + "⌋ + 1 = " + axis.outputSize();
    }

    /** (W − 1)·S − 2P + D·(K − 1) + output_padding + 1, or Keras's None cases, with the numbers. */
    private static String transposedNumbers(TransposedAxisWalk axis) {
        String op = axis.outputPadding().isPresent() ? Integer.toString(axis.outputPadding().getAsInt()) : "None";
        String prefix = "(" + axis.inputSize() + " − 1)·" + axis.stride();
        if (axis.padding() instanceof PaddingMode.Same) {
            if (axis.outputPadding().isEmpty()) {
                return axis.inputSize() + "·" + axis.stride() + " = " + axis.outputSize() + "   (same, output_padding None)";
            }
            return prefix + " + " + axis.span() + " mod 2 + " + op + " = " + axis.outputSize() + "   (same)";
        }
        if (axis.padding() instanceof PaddingMode.Valid && axis.outputPadding().isEmpty()) {
            return prefix + " + " + axis.dilation() + "·(" + axis.kernel() + " − 1) + 1 + max(" + axis.stride()
                    + " − " + axis.span() + ", 0) = " + axis.outputSize() + "   (valid, output_padding None)";
        }
        return prefix + " − 2·" + axis.cropBefore() + " + " + axis.dilation() + "·(" + axis.kernel() + " − 1) + "
                + axis.outputPadding().orElse(0) + " + 1 = " + axis.outputSize();
    }

    private String paddingNote(AxisWalk rows, AxisWalk columns) {
        if (rows.padding() instanceof PaddingMode.Same && (rows.totalPadding() % 2 == 1
                || columns.totalPadding() % 2 == 1)) {
            return messages.get("explainer.note.sameOdd", rows.padBefore(), rows.padAfter(), columns.padBefore(),
                    columns.padAfter());
        }
        return messages.get("explainer.note.padding", rows.padBefore(), rows.padAfter(), columns.padBefore(),
                columns.padAfter());
    }

    private String coverageNote(List<Integer> rows, List<Integer> columns) {
        if (rows.isEmpty() && columns.isEmpty()) {
            return messages.get("explainer.note.allCovered");
        }
        return messages.get("explainer.note.neverCovered", rows.isEmpty() ? "–" : join(rows),
                columns.isEmpty() ? "–" : join(columns));
    }

    private static String join(List<Integer> positions) {
        return positions.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Small integers 0..9 in a pattern students can follow by eye. */
    static int[][] sampleInput(int height, int width) {
        int[][] values = new int[height][width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                values[r][c] = (r * 3 + c * 2 + 1) % 10;
            }
        }
        return values;
    }

    /** Weights −1..2, different enough per tap that the products differ. */
    static int[][] sampleKernel(int height, int width) {
        int[][] values = new int[height][width];
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                values[i][j] = (i * 2 + j) % 4 - 1;
            }
        }
        return values;
    }

    public ReadOnlyObjectProperty<int[][]> inputValuesProperty() {
        return inputValues.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<int[][]> kernelValuesProperty() {
        return kernelValues.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty inputTitleProperty() {
        return inputTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outputTitleProperty() {
        return outputTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formulaProperty() {
        return formula.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rowFormulaProperty() {
        return rowFormula.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty columnFormulaProperty() {
        return columnFormula.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty paddingNoteProperty() {
        return paddingNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty coverageNoteProperty() {
        return coverageNote.getReadOnlyProperty();
    }

    /** "cell (r, c): sum = …" for the frame shown. */
    public ReadOnlyStringProperty cellNoteProperty() {
        return cellNote.getReadOnlyProperty();
    }

    // --- stepping and playback -----------------------------------------------------------------------------------

    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The frame drawn: the hovered one while the pointer is on an output cell, else the current step. */
    public ReadOnlyIntegerProperty shownFrameProperty() {
        return shownFrame.getReadOnlyProperty();
    }

    /** The frame under the pointer, −1 when none. */
    public IntegerProperty hoveredFrameProperty() {
        return hoveredFrame;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Frames per second while playing. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty showNumbersProperty() {
        return showNumbers;
    }

    public BooleanProperty sideBySideProperty() {
        return sideBySide;
    }

    /** Whether playing starts over after the last frame (kiosk use, the frame-rate measurement). */
    public BooleanProperty loopProperty() {
        return loop;
    }

    /** True while the presentation window shows this model (the docked view then stops drawing). */
    public BooleanProperty presentingProperty() {
        return presenting;
    }

    public int frameCount() {
        return walk.get().frameCount();
    }

    public void stepForward() {
        if (frameCount() > 0) {
            step.set(Math.min(step.get() + 1, frameCount() - 1));
        }
    }

    public void stepBack() {
        step.set(Math.max(step.get() - 1, 0));
    }

    public void goTo(int frame) {
        if (frameCount() > 0) {
            step.set(Math.max(0, Math.min(frame, frameCount() - 1)));
        }
    }

    /** Plays from the current frame; at the last frame it starts over. */
    public void play() {
        if (frameCount() > 1) {
            if (step.get() == frameCount() - 1) {
                step.set(0);
            }
            secondsSinceStep = 0;
            lastTickNanos = -1;
            playing.set(true);
        }
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /**
     * Advances playback to the pulse at {@code nowNanos} (an AnimationTimer's clock). Several views may call it in
     * the same pulse: only the first call moves time. Returns whether the step changed.
     */
    public boolean tick(long nowNanos) {
        if (lastTickNanos < 0 || !playing.get()) {
            lastTickNanos = nowNanos;
            return false;
        }
        double seconds = (nowNanos - lastTickNanos) / 1e9;
        lastTickNanos = nowNanos;
        return advance(seconds);
    }

    /** Advances playback by {@code seconds} at the current speed; stops at the last frame. */
    public boolean advance(double seconds) {
        if (!playing.get() || seconds <= 0) {
            return false;
        }
        secondsSinceStep += seconds;
        double perFrame = 1 / Math.max(MIN_SPEED, Math.min(MAX_SPEED, speed.get()));
        int before = step.get();
        while (secondsSinceStep >= perFrame && playing.get()) {
            secondsSinceStep -= perFrame;
            if (step.get() >= frameCount() - 1) {
                if (loop.get()) {
                    step.set(0);
                } else {
                    pause();
                }
            } else {
                step.set(step.get() + 1);
            }
        }
        return step.get() != before;
    }

    private void refreshShownFrame() {
        int hovered = hoveredFrame.get();
        shownFrame.set(hovered >= 0 && hovered < frameCount() ? hovered : step.get());
    }

    private void refreshCell() {
        ExplainerWalk current = walk.get();
        if (current.frameCount() == 0) {
            computation.set(null);
            cellNote.set(messages.get("explainer.note.noWindow"));
            return;
        }
        int frame = Math.min(shownFrame.get(), current.frameCount() - 1);
        CellComputation cell = current.compute(inputValues.get(), kernelValues.get(), frame);
        computation.set(cell);
        if (current instanceof ConvolutionWalk forward) {
            ConvolutionWalk.Frame f = forward.frame(frame);
            cellNote.set(messages.get("explainer.note.cell", frame + 1, current.frameCount(), f.outputRow(),
                    f.outputColumn(), cell.sum()));
        } else {
            TransposedConvolutionWalk.Frame f = ((TransposedConvolutionWalk) current).frame(frame);
            cellNote.set(messages.get("explainer.note.scatter", frame + 1, current.frameCount(), f.inputRow(),
                    f.inputColumn(), cell.values()[0][0]));
        }
    }

    public ReadOnlyObjectProperty<CellComputation> computationProperty() {
        return computation.getReadOnlyProperty();
    }

    // --- real image ------------------------------------------------------------------------------------------------

    public ObjectProperty<KernelPreset> kernelPresetProperty() {
        return kernelPreset;
    }

    /** True while the real-image pane is on screen: no OpenCV work otherwise. */
    public BooleanProperty realImageWantedProperty() {
        return realImageWanted;
    }

    public ReadOnlyObjectProperty<ImageData> photoProperty() {
        return photo.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImageData> filteredPhotoProperty() {
        return filteredPhoto.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty imageProblemProperty() {
        return imageProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty imageBusyProperty() {
        return imageBusy.getReadOnlyProperty();
    }

    private void requestFilteredPhoto() {
        if (!realImageWanted.get()) {
            return;
        }
        ConvolutionSetup s = setup.get();
        KernelPreset preset = kernelPreset.get();
        ImageData known = photo.get();
        imageBusy.set(true);
        imageRunner.submit(() -> {
            ImageData source = known != null ? known : photoLoader.get();
            // A transposed layer is shown through its forward twin: the real image shows what stride does.
            ImageData filtered = KernelPreview.apply(source, preset, s.kernelHeight(), s.kernelWidth(),
                    s.strideHeight(), s.strideWidth(), s.padding(), s.dilationHeight(), s.dilationWidth());
            return new ImageData[] {source, filtered};
        }, images -> {
            photo.set(images[0]);
            filteredPhoto.set(images[1]);
            imageProblem.set("");
            imageBusy.set(false);
        }, error -> {
            imageProblem.set(messages.get("explainer.image.failed", error.getMessage()));
            filteredPhoto.set(null);
            imageBusy.set(false);
        });
    }
}
