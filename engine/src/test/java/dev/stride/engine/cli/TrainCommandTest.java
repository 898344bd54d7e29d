package dev.stride.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.data.DatasetLoader;
import dev.stride.engine.data.DatasetSpec;
import dev.stride.engine.data.ImageDataset;
import dev.stride.engine.data.vision.ImageCodec;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.project.Project;
import dev.stride.engine.project.ProjectFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `stride train`, `predict` and `eval` end to end on the generated shapes dataset (no files needed). */
class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StrideCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private Path project() throws Exception {
        Network network = Network.sequential(InputLayerSpec.image(16, 16, 1),
                Conv2DSpec.of(4, 3).withActivation(Activation.RELU), MaxPooling2DSpec.of(Size2D.square(2)),
                FlattenSpec.of(), DenseSpec.of(2, Activation.SOFTMAX));
        ObjectNode dataset = (ObjectNode) JSON.readTree("""
                {"type": "shapes", "shapes": ["circle", "square"], "imagesPerClass": 40, "imageSize": 16}""");
        ObjectNode training = (ObjectNode) JSON.readTree("{\"epochs\": 2, \"batch_size\": 16}");
        Path file = folder.resolve("tiny.stride");
        ProjectFile.write(Project.of(network).withDataset(dataset).withTraining(training), file);
        return file;
    }

    @Test
    void train_writes_keras_history_lines_and_a_model_that_predicts_and_evaluates() throws Exception {
        Path out = folder.resolve("out");
        Result train = run("train", project().toString(), "--out", out.toString(), "--json", "--epochs", "2");

        assertThat(train.code()).as(train.err()).isZero();
        List<JsonNode> lines = train.out().lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }).toList();
        assertThat(lines.subList(0, 2)).allSatisfy(line -> assertThat(line.fieldNames()).toIterable()
                .containsExactly("epoch", "loss", "accuracy", "val_loss", "val_accuracy", "seconds",
                        "images_per_second"));
        assertThat(lines.get(1).get("epoch").asInt()).isEqualTo(2);
        assertThat(lines.get(2).has("test_accuracy")).isTrue();
        Path model = out.resolve("tiny.stride-model");
        assertThat(model).exists();
        assertThat(out.resolve("tiny.checkpoint")).exists();

        ImageDataset shapes = (ImageDataset) DatasetLoader.load(JSON.treeToValue(JSON.readTree("""
                {"type": "shapes", "shapes": ["circle", "square"], "imagesPerClass": 2, "imageSize": 16}"""),
                DatasetSpec.class), folder);
        Path image = Files.write(folder.resolve("shape.png"), ImageCodec.encode(shapes.read(0), ".png"));
        Result predict = run("predict", model.toString(), image.toString());
        assertThat(predict.code()).as(predict.err()).isZero();
        assertThat(predict.out()).contains("circle").contains("square").contains("%");

        Result eval = run("eval", model.toString());
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("accuracy").contains("confusion matrix");
    }

    @Test
    void a_corrupt_model_gives_one_clear_line_and_exit_code_2() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.stride-model"), "not a zip");
        Result predict = run("predict", broken.toString(), "x.png");
        assertThat(predict.code()).isEqualTo(2);
        assertThat(predict.err().strip()).startsWith("error: ").contains("broken.stride-model")
                .doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void a_design_dl4j_cannot_train_is_refused_before_training_naming_layer_and_parameter() throws Exception {
        Network grouped = Network.sequential(InputLayerSpec.image(16, 16, 4), Conv2DSpec.of(4, 3).withGroups(2),
                FlattenSpec.of(), DenseSpec.of(2, Activation.SOFTMAX));
        Path file = folder.resolve("grouped.stride");
        ProjectFile.write(Project.of(grouped).withDataset((ObjectNode) JSON.readTree("{\"type\": \"shapes\"}")),
                file);
        Result train = run("train", file.toString(), "--out", folder.toString());
        assertThat(train.code()).isEqualTo(2);
        assertThat(train.err()).contains("layer 'conv2d' groups");
    }
}
