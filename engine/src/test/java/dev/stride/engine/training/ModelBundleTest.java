package dev.stride.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class ModelBundleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ComputationGraph network;

    @TempDir
    Path folder;

    @BeforeAll
    static void trainATinyNetwork() {
        TrainingSettings settings = TinyTraining.settings(1);
        network = TinyTraining.classifier(settings);
        TrainingSession.create(network, settings,
                TinyTraining.unshuffled(TinyTraining.clusters(48, 1), null, 16)).runHere();
    }

    private Path written() throws IOException {
        ObjectNode project = JSON.createObjectNode().put("format", "stride-project");
        ObjectNode preprocessing = JSON.createObjectNode().put("width", 28).put("layout", "NCHW");
        Path file = folder.resolve("m.stride-model");
        ModelBundle.of(network, project, List.of("a", "b", "c"), preprocessing).write(file);
        return file;
    }

    @Test
    void a_bundle_round_trips_with_the_same_predictions_and_metadata() throws IOException {
        ModelBundle read = ModelBundle.read(written());
        INDArray input = TinyTraining.clusters(5, 9).getFeatures();

        assertThat(read.network().outputSingle(input)).isEqualTo(network.outputSingle(input));
        assertThat(read.labels()).containsExactly("a", "b", "c");
        assertThat(read.preprocessing().path("layout").asText()).isEqualTo("NCHW");
        assertThat(read.metadata().path("format").asText()).isEqualTo("stride-model");
        assertThat(read.metadata().path("backend").asText()).isIn("CPU", "GPU");
        assertThat(read.metadata().has("appVersion")).isTrue();
        try (var files = Files.list(folder)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void a_truncated_file_is_reported_as_such_even_though_model_serializer_would_accept_it() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        // Cut into the central directory at the end of the zip.
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 40));

        assertThatThrownBy(() -> ModelBundle.read(file)).isInstanceOf(InvalidModelFileException.class)
                .hasMessageContaining("m.stride-model")
                .hasMessageMatching(".*(truncated|corrupt).*");
    }

    @Test
    void a_flipped_byte_inside_an_entry_fails_its_checksum() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        // Stored entries are deflated; flipping a byte in the middle of the network entry breaks its CRC or inflation.
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);

        assertThatThrownBy(() -> ModelBundle.read(file)).isInstanceOf(InvalidModelFileException.class)
                .hasMessageMatching(".*(corrupt|checksum|truncated|not a readable zip|damaged).*");
    }

    @Test
    void a_foreign_zip_and_a_text_file_are_not_stride_models() throws IOException {
        Path zip = folder.resolve("other.zip");
        ModelArchive.of(Map.of("readme.txt", "hello".getBytes())).writeAtomically(zip);
        Path text = Files.writeString(folder.resolve("notes.stride-model"), "just some text");

        assertThatThrownBy(() -> ModelBundle.read(zip)).isInstanceOf(InvalidModelFileException.class)
                .hasMessageContaining("not a Stride model");
        assertThatThrownBy(() -> ModelBundle.read(text)).isInstanceOf(InvalidModelFileException.class)
                .hasMessageContaining("not a readable zip");
        assertThatThrownBy(() -> ModelBundle.read(folder.resolve("missing.stride-model")))
                .isInstanceOf(InvalidModelFileException.class).hasMessageContaining("does not exist");
    }
}
