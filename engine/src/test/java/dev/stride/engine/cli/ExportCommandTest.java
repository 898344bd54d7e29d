package dev.stride.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.export.ExportFormat;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.project.Project;
import dev.stride.engine.project.ProjectFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExportCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return StrideCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path project(Network network, ObjectNode training) throws Exception {
        Path file = dir.resolve("lenet.stride");
        Project project = Project.of(network);
        ProjectFile.write(training == null ? project : project.withTraining(training), file);
        return file;
    }

    private static Network lenet() {
        return Network.sequential(InputLayerSpec.image(16, 16, 1), Conv2DSpec.of(4, 3)
                .withActivation(Activation.RELU), MaxPooling2DSpec.of(), FlattenSpec.of(),
                DenseSpec.of(3, Activation.SOFTMAX));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void everyFormatWritesAFile(ExportFormat format) throws Exception {
        Path input = project(lenet(), null);
        Path target = dir.resolve("Lenet" + format.extension());

        assertThat(run("export", "--format", format.cliName(), "--out", target.toString(), input.toString()))
                .as(err.toString()).isZero();

        assertThat(Files.size(target)).isPositive();
        assertThat(out.toString()).startsWith("wrote " + format.cliName() + " to " + target);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void theProjectsTrainingSettingsReachTheGeneratedCode() throws Exception {
        ObjectNode training = JsonNodeFactory.instance.objectNode().put("optimizer", "sgd_momentum")
                .put("learning_rate", 0.05).put("batch_size", 64).put("epochs", 3);
        Path input = project(lenet(), training);
        Path target = dir.resolve("train.py");

        assertThat(run("export", "--format", "keras-py", "--out", target.toString(), input.toString())).isZero();

        assertThat(Files.readString(target)).contains("keras.optimizers.SGD(learning_rate=0.05, momentum=0.9)")
                .contains("batch_size=64").contains("epochs=3");
    }

    @Test
    void aKerasHdf5ModelExportsToOnnxWithItsTrainedWeights() throws Exception {
        Path h5 = Path.of(getClass().getResource("/keras-h5/tiny_cnn.h5").toURI());
        Path target = dir.resolve("tiny.onnx");

        assertThat(run("export", "--format", "onnx", "--out", target.toString(), h5.toString()))
                .as(err.toString()).isZero();

        assertThat(out.toString()).contains("trained weights");
        assertThat(Files.size(target)).isGreaterThan(4 * (36 + 4 + 48 + 3));
    }

    @Test
    void aLayerTheFormatCannotExpressIsNamed() throws Exception {
        Network network = Network.sequential(InputLayerSpec.image(8, 8, 1),
                new UpSampling2DSpec(Size2D.square(2), dev.stride.engine.model.DataFormat.CHANNELS_LAST, "bicubic"));
        Path input = project(network, null);

        int code = run("export", "--format", "onnx", "--out", dir.resolve("m.onnx").toString(), input.toString());

        assertThat(code).isEqualTo(StrideCli.USAGE_ERROR);
        assertThat(err.toString()).contains("ONNX export cannot express layer 'up_sampling2d'")
                .contains("bicubic").doesNotContain("\tat ");
        assertThat(dir.resolve("m.onnx")).doesNotExist();
    }

    @Test
    void anUnknownFormatListsTheFormats() throws Exception {
        Path input = project(lenet(), null);

        assertThat(run("export", "--format", "tflite", "--out", "x", input.toString()))
                .isEqualTo(StrideCli.USAGE_ERROR);
        assertThat(err.toString()).contains("unknown format 'tflite'").contains("keras-json|keras-py|pytorch");
    }

    @Test
    void aDl4jFileMustBeNamedLikeAJavaClass() throws Exception {
        Path input = project(lenet(), null);

        assertThat(run("export", "--format", "dl4j-java", "--out", dir.resolve("le-net.java").toString(),
                input.toString())).isEqualTo(StrideCli.USAGE_ERROR);
        assertThat(err.toString()).contains("'le-net' is not a Java class name").contains("LeNet.java");
    }

    @Test
    void aMissingInputIsAOneLineError() {
        assertThat(run("export", "--format", "svg", "--out", dir.resolve("x.svg").toString(),
                dir.resolve("missing.stride").toString())).isEqualTo(StrideCli.USAGE_ERROR);
        assertThat(err.toString().strip()).startsWith("error: cannot read").endsWith("no such file")
                .doesNotContain("\n");
    }
}
