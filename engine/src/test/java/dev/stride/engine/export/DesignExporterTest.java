package dev.stride.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.engine.training.TrainingSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** One test per export format, on the keras.io MNIST convnet (and the residual graph where a graph matters). */
class DesignExporterTest {
    private static final ExportableDesign MNIST = ExportableDesign.untrained(ExportFixtures.mnistConvnet(),
            TrainingSettings.defaults(), "mnist");
    private static final ExportableDesign RESIDUAL = ExportableDesign.untrained(ExportFixtures.residualGraph(),
            TrainingSettings.defaults(), "residual");

    @Test
    void markdownSummaryHasOneRowPerLayerAndKerasTotals() {
        String md = text(ExportFormat.MARKDOWN, MNIST);

        assertThat(md).startsWith("# mnist\n")
                .contains("| Layer (type) | Output shape | Param # | Connected to |")
                .contains("| conv2d (Conv2D) | (None, 26, 26, 32) | 320 | input_layer |")
                .contains("| dense (Dense) | (None, 10) | 16,010 | dropout |")
                .contains("- Total params: 34,826 (136.04 KB)")
                .contains("- Trainable params: 34,826");
        assertThat(md.lines().filter(l -> l.startsWith("| ") && l.contains("(")).count() - 1)
                .isEqualTo(MNIST.network().size());
    }

    @Test
    void textSummaryIsAFixedWidthTableLikeKerasPrints() {
        String text = text(ExportFormat.TEXT, MNIST);

        assertThat(text).startsWith("Model: \"mnist\"\n").contains("Total params: 34,826");
        String header = text.lines().filter(l -> l.startsWith("Layer (type)")).findFirst().orElseThrow();
        String conv = text.lines().filter(l -> l.startsWith("conv2d (Conv2D)")).findFirst().orElseThrow();
        // Columns line up: the shape starts where the header's "Output shape" does.
        assertThat(conv.indexOf("(None, 26, 26, 32)")).isEqualTo(header.indexOf("Output shape"));
    }

    @Test
    void svgHasABoxPerLayerAndAnArrowPerConnection() throws Exception {
        byte[] svg = DesignExporter.render(ExportFormat.SVG, RESIDUAL, "residual");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg));

        assertThat(document.getElementsByTagName("g").getLength()).isEqualTo(RESIDUAL.network().size());
        assertThat(document.getElementsByTagName("polyline").getLength())
                .isEqualTo(RESIDUAL.network().connections().size());
        assertThat(new String(svg, StandardCharsets.UTF_8)).contains(">residual (Add)</text>")
                .contains(">output: 12×12×8</text>");
    }

    @Test
    void pngIsTheSameLayoutRenderedAtTwiceTheSize() throws Exception {
        byte[] png = DesignExporter.render(ExportFormat.PNG, MNIST, "mnist");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        NetworkDiagram diagram = NetworkDiagram.of(MNIST.network(),
                dev.stride.engine.shape.ShapeInference.analyze(MNIST.network()));

        assertThat(image.getWidth()).isEqualTo(2 * diagram.width());
        assertThat(image.getHeight()).isEqualTo(2 * diagram.height());
        NetworkDiagram.Box first = diagram.boxes().get(0);
        // Inside the first box, not the white background: the input layer's grey fill.
        assertThat(image.getRGB(2 * first.x() + 10, 2 * first.y() + 4) & 0xFFFFFF).isEqualTo(0xEEEEEE);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void kerasScriptUsesSequentialForAPipelineAndTheFunctionalApiForAGraph() {
        String sequential = text(ExportFormat.KERAS_PY, MNIST);
        String functional = text(ExportFormat.KERAS_PY, RESIDUAL);

        assertThat(sequential).contains("return keras.Sequential([")
                .contains("keras.Input(shape=(28, 28, 1), name=\"input_layer\"),")
                .contains("layers.Conv2D(32, (3, 3), activation=\"relu\", name=\"conv2d\"),")
                .contains("optimizer=keras.optimizers.Adam(learning_rate=0.001)")
                .contains("loss=\"categorical_crossentropy\"")
                .contains("model.fit(").contains("batch_size=32").contains("epochs=10");
        assertThat(functional).contains("residual = layers.Add(name=\"residual\")([stem, branch])")
                .contains("concat = layers.Concatenate(name=\"concat\")([relu, stem])")
                .contains("return keras.Model(inputs=input_layer, outputs=head, name=\"residual\")");
    }

    @Test
    void pytorchScriptPadsStrideTwoSameConvolutionsAsTensorFlow() {
        ExportableDesign strided = ExportableDesign.untrained(ExportFixtures.stridedSame(),
                TrainingSettings.defaults(), "strided");
        String code = text(ExportFormat.PYTORCH, strided);

        // 13×13, kernel 3, stride 2: total padding 2, one each side; kernel 4 on 7×7: total 3, 1 before, 2 after.
        assertThat(code).contains("conv2d = F.relu(self.conv2d(F.pad(input_layer, (1, 1, 1, 1))))")
                .contains("conv2d_1 = self.conv2d_1(F.pad(conv2d, (1, 2, 1, 2)))")
                .contains("nn.BatchNorm2d(8, eps=0.001, momentum=0.01)")
                .contains("penalty = penalty + 0.001 * model.conv2d.weight.pow(2).sum()")
                .contains("same_avg_pool2d(");
    }

    @Test
    void dl4jJavaClassIsNamedAfterTheFile() {
        String java = new String(DesignExporter.render(ExportFormat.DL4J_JAVA, MNIST, "MnistNet"),
                StandardCharsets.UTF_8);

        assertThat(java).contains("public class MnistNet {")
                .contains(".addLayer(\"conv2d\", new ConvolutionLayer.Builder(3, 3).stride(1, 1).dilation(1, 1)"
                        + ".convolutionMode(ConvolutionMode.Truncate).nOut(32).activation(Activation.RELU).build(), "
                        + "\"input_layer\")")
                .contains("new DropoutLayer.Builder(0.5)");
        assertThatThrownBy(() -> DesignExporter.render(ExportFormat.DL4J_JAVA, MNIST, "mnist-net"))
                .hasMessageContaining("'mnist-net' is not a Java class name").hasMessageContaining("MnistNet.java");
    }

    @Test
    void onnxOfAnUntrainedDesignRunsWithFreshWeights() throws Exception {
        byte[] onnx = DesignExporter.render(ExportFormat.ONNX, MNIST, "mnist");

        // A channels_last design takes NHWC images, as Keras and Stride's DL4J networks do.
        OnnxRuntimeHarness.Result result = OnnxRuntimeHarness.run(onnx,
                OnnxExporterTest.random(784, 3), 1, 28, 28, 1);
        assertThat(result.shape()).containsExactly(1, 10);
        double sum = 0;
        for (float p : result.values()) {
            sum += p;
        }
        assertThat(sum).as("softmax output").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void atomicWriteReplacesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model.md");
        Files.writeString(target, "old");

        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("new");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("model.md");
        }
    }

    private static String text(ExportFormat format, ExportableDesign design) {
        return new String(DesignExporter.render(format, design, "Model"), StandardCharsets.UTF_8);
    }

}
