package dev.stride.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.stride.engine.dl4j.Dl4jCompilation;
import dev.stride.engine.dl4j.Dl4jCompiler;
import dev.stride.engine.training.ModelBundle;
import dev.stride.engine.training.TrainingSettings;
import java.io.PrintWriter;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
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
    @EnumSource(value = ExportFormat.class, names = "STRIDE_MODEL", mode = EnumSource.Mode.EXCLUDE)
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
    void aTrainedBundleExportsToOnnxThatComputesWhatItsDl4jNetworkComputes() throws Exception {
        Project project = Project.of(lenet());
        Dl4jCompilation compilation = Dl4jCompiler.compile(project.network(), TrainingSettings.defaults(),
                CNN2DFormat.NCHW);
        ComputationGraph network = compilation.newNetwork();
        network.fit(new DataSet(Nd4j.rand(DataType.FLOAT, 8, 1, 16, 16), Nd4j.eye(3).getRows(0, 1, 2, 0, 1, 2, 0, 1)
                .castTo(DataType.FLOAT)));
        Path bundle = dir.resolve("lenet.stride-model");
        ModelBundle.of(network, ProjectFile.toTree(project), List.of("a", "b", "c"),
                (ObjectNode) JsonNodeFactory.instance.objectNode().put("layout", "NCHW")).write(bundle);
        Path target = dir.resolve("lenet.onnx");

        assertThat(run("export", "--format", "onnx", "--out", target.toString(), bundle.toString()))
                .as(err.toString()).isZero();

        assertThat(out.toString()).contains("trained weights");
        float[] input = Nd4j.rand(DataType.FLOAT, 2, 1, 16, 16).data().asFloat();
        float[] expected = network.outputSingle(false, Nd4j.create(input, new long[] {2, 1, 16, 16}, 'c'))
                .data().asFloat();
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(target.toString(), new OrtSession.SessionOptions());
                OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input),
                        new long[] {2, 1, 16, 16});
                OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            float[][] actual = (float[][]) result.get(0).getValue();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i / 3][i % 3]).isCloseTo(expected[i], within(1e-4f));
            }
        }
    }

    @Test
    void aBundleIsCopiedAsStrideModelAndAProjectCannotBe() throws Exception {
        Project project = Project.of(lenet());
        ComputationGraph network = Dl4jCompiler.compile(project.network(), TrainingSettings.defaults())
                .newNetwork();
        Path bundle = dir.resolve("in.stride-model");
        ModelBundle.of(network, ProjectFile.toTree(project), List.of("a", "b", "c"), null).write(bundle);
        Path copy = dir.resolve("copy.stride-model");

        assertThat(run("export", "--format", "stride-model", "--out", copy.toString(), bundle.toString())).isZero();
        assertThat(ModelBundle.read(copy).labels()).containsExactly("a", "b", "c");

        assertThat(run("export", "--format", "stride-model", "--out", dir.resolve("x.stride-model").toString(),
                project(lenet(), null).toString())).isEqualTo(StrideCli.USAGE_ERROR);
        assertThat(err.toString()).contains("stride train");
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
