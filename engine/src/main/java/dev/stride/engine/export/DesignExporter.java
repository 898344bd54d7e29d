package dev.stride.engine.export;

import dev.stride.engine.keras.KerasModelWriter;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Renders a design in any {@link ExportFormat}: the one entry point the CLI and the app's export dialog share. */
public final class DesignExporter {
    private DesignExporter() {
    }

    /**
     * The file's bytes. {@code fileStem} names the Java class of a DL4J export (it must match the file name to
     * compile). ONNX uses the trained weights when there are any, else weights freshly drawn from the design's
     * initializers with the training seed.
     */
    public static byte[] render(ExportFormat format, ExportableDesign design, String fileStem) {
        return render(format, design, fileStem, null);
    }

    /**
     * As {@link #render(ExportFormat, ExportableDesign, String)}, with the ONNX input layout chosen; null means the
     * design's own: NHWC for a channels_last design (as Keras feeds it), NCHW for channels_first. A trained model
     * should pass the layout its DL4J network takes, so the ONNX model takes the same input.
     */
    public static byte[] render(ExportFormat format, ExportableDesign design, String fileStem,
            OnnxInputLayout onnxInputLayout) {
        NetworkAnalysis analysis = ShapeInference.analyze(design.network());
        if (!analysis.isValid() && format != ExportFormat.MARKDOWN && format != ExportFormat.TEXT
                && format != ExportFormat.SVG && format != ExportFormat.PNG) {
            throw new IllegalArgumentException("the design has shape errors, so it cannot be exported as "
                    + format.cliName() + ": " + analysis.errors().get(0).message());
        }
        return switch (format) {
            case STRIDE_MODEL -> throw new IllegalArgumentException("a .stride-model holds a trained network: train"
                    + " the project with 'stride train', then export from the .stride-model it writes");
            case KERAS_JSON -> utf8(KerasModelWriter.write(design.network()));
            case KERAS_PY -> utf8(KerasCodeGenerator.generate(design.network(), analysis, design.settings(),
                    design.title()));
            case PYTORCH -> utf8(PyTorchCodeGenerator.generate(design.network(), analysis, design.settings(),
                    design.title()));
            case DL4J_JAVA -> utf8(Dl4jJavaCodeGenerator.generate(design.network(), analysis, design.settings(),
                    javaClassName(fileStem)));
            case ONNX -> OnnxExporter.export(design.network(), analysis, design.trainedWeights()
                    .orElseGet(() -> InitialWeights.generate(design.network(), analysis, design.settings().seed())),
                    onnxInputLayout != null ? onnxInputLayout : defaultOnnxLayout(design));
            case SVG -> utf8(DiagramWriter.svg(NetworkDiagram.of(design.network(), analysis)));
            case PNG -> png(NetworkDiagram.of(design.network(), analysis));
            case MARKDOWN -> utf8(SummaryWriter.markdown(design.network(), analysis, design.title()));
            case TEXT -> utf8(SummaryWriter.text(design.network(), analysis, design.title()));
        };
    }

    static OnnxInputLayout defaultOnnxLayout(ExportableDesign design) {
        return NetworkFormats.dataFormat(design.network()) == DataFormat.CHANNELS_LAST
                ? OnnxInputLayout.NHWC : OnnxInputLayout.NCHW;
    }

    /** The file stem itself when it is a Java identifier, as javac requires of a public class's file. */
    static String javaClassName(String fileStem) {
        if (fileStem.isEmpty() || !Character.isJavaIdentifierStart(fileStem.charAt(0))
                || !fileStem.chars().allMatch(Character::isJavaIdentifierPart)) {
            throw new IllegalArgumentException("'" + fileStem + "' is not a Java class name, and a DL4J Java export"
                    + " must be named after its class; choose a name such as " + Dl4jJavaCodeGenerator
                    .className(fileStem) + ".java");
        }
        return fileStem;
    }

    private static byte[] png(NetworkDiagram diagram) {
        try {
            return DiagramWriter.png(diagram, 2.0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the PNG", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
