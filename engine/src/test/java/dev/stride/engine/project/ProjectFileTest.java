package dev.stride.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.model.AllLayers;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.shape.ShapeInference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    static Project goldenProject() throws IOException {
        Network network = AllLayers.network();
        ObjectNode training = (ObjectNode) MAPPER.readTree("{\"optimizer\":\"adam\",\"learning_rate\":0.001,"
                + "\"batch_size\":64,\"epochs\":3,\"loss\":\"categorical_crossentropy\",\"validation_split\":0.1,"
                + "\"seed\":42}");
        ObjectNode dataset = (ObjectNode) MAPPER.readTree("{\"type\":\"digits\",\"path\":\"digits\"}");
        return new Project(network, Map.of(NodeId.of("in"), new NodePosition(10, 20.5), NodeId.of("conv"),
                new NodePosition(10, 110)), training, dataset, "every layer kind once\nwith notes");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ProjectFileTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void goldenFileOfVersion1ReadsIntoTheExpectedProject() throws Exception {
        Project read = ProjectFile.standard().parse(resource("/project/golden-v1.stride"));
        Project expected = goldenProject();
        assertThat(read.network()).isEqualTo(expected.network());
        assertThat(read.layout()).isEqualTo(expected.layout());
        assertThat(read.training()).isEqualTo(expected.training());
        assertThat(read.dataset()).isEqualTo(expected.dataset());
        assertThat(read.notes()).isEqualTo(expected.notes());
        assertThat(ShapeInference.analyze(read.network()).errors()).isEmpty();
    }

    @Test
    void writingTheGoldenProjectReproducesTheGoldenFileByteForByte() throws Exception {
        String golden = resource("/project/golden-v1.stride");
        if (Boolean.getBoolean("stride.regenerateGolden")) {
            Files.writeString(Path.of("src/test/resources/project/golden-v1.stride"), ProjectFile.toJson(goldenProject()));
            return;
        }
        assertThat(ProjectFile.toJson(goldenProject())).isEqualTo(golden);
    }

    @Test
    void saveThenLoadRoundTripsAndLeavesNoTemporaryFiles() throws Exception {
        Path file = folder.resolve("a.stride");
        ProjectFile.write(goldenProject(), file);
        ProjectFile.write(goldenProject().withNotes("second"), file);
        Project read = ProjectFile.read(file);
        assertThat(read.notes()).isEqualTo("second");
        assertThat(read.network()).isEqualTo(AllLayers.network());
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("a.stride");
        }
    }

    @Test
    void aWriteIntoAMissingFolderFailsCleanly() {
        assertThatThrownBy(() -> ProjectFile.write(Project.of(Network.empty()), folder.resolve("no/such/x.stride")))
                .isInstanceOf(ProjectFileException.class).hasMessageContaining("cannot write");
    }

    @Test
    void aNewerVersionIsRefusedWithAdvice() {
        assertThatThrownBy(() -> ProjectFile.standard().parse("{\"format\":\"stride-project\",\"formatVersion\":7,"
                + "\"network\":{\"layers\":[]}}"))
                .hasMessageContaining("\"formatVersion\" 7 is newer than this Stride understands (up to 1)")
                .hasMessageContaining("update Stride");
    }

    @Test
    void malformedJsonNamesTheLine() {
        assertThatThrownBy(() -> ProjectFile.standard().parse("{\n\"format\": \"stride-project\",\n\"formatVersion\": }"))
                .isInstanceOf(ProjectFileException.class).hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 3");
    }

    @Test
    void anUnknownLayerTypeNamesItsPlace() {
        String text = "{\"format\":\"stride-project\",\"formatVersion\":1,\"network\":{\"layers\":["
                + "{\"id\":\"a\",\"type\":\"InputLayer\",\"name\":\"in\",\"config\":{\"batch_shape\":[null,4]}},"
                + "{\"id\":\"b\",\"type\":\"LSTM\",\"name\":\"lstm\",\"inputs\":[\"a\"],\"config\":{}}]}}";
        assertThatThrownBy(() -> ProjectFile.standard().parse(text))
                .hasMessageStartingWith("network.layers[1].type: unknown layer type 'LSTM'");
    }

    @Test
    void badValuesNameTheirPlace() {
        String text = "{\"format\":\"stride-project\",\"formatVersion\":1,\"network\":{\"layers\":["
                + "{\"id\":\"a\",\"type\":\"Conv2D\",\"name\":\"c\",\"config\":{\"filters\":\"many\","
                + "\"kernel_size\":3}}]}}";
        assertThatThrownBy(() -> ProjectFile.standard().parse(text))
                .hasMessageContaining("network.layers[0].config (Conv2D): \"filters\" must be an integer, got \"many\"");
        assertThatThrownBy(() -> ProjectFile.standard().parse("{\"format\":\"keras\",\"formatVersion\":1}"))
                .hasMessageContaining("\"format\" must be \"stride-project\"");
        assertThatThrownBy(() -> ProjectFile.standard().parse("{\"format\":\"stride-project\",\"formatVersion\":1,"
                + "\"network\":{\"layers\":[{\"id\":\"a\",\"type\":\"Dense\",\"name\":\"d\",\"inputs\":[\"zz\"],"
                + "\"config\":{\"units\":2}}]}}"))
                .hasMessageContaining("network.layers[0].inputs: no layer has the id \"zz\"");
    }

    @Test
    void migrationsRunOnTheTreeBeforeBinding() throws Exception {
        // A hypothetical version 2 renamed "notes" to "description"; version 1 files must still open.
        ProjectMigration renameNotes = new ProjectMigration() {
            @Override
            public int fromVersion() {
                return 1;
            }

            @Override
            public void migrate(ObjectNode project) {
                project.set("description", project.remove("notes"));
                project.put("notes", "migrated: " + project.get("description").asText());
            }
        };
        ProjectFile v2 = ProjectFile.withMigrations(2, List.of(renameNotes));
        Project read = v2.parse(resource("/project/golden-v1.stride"));
        assertThat(read.notes()).isEqualTo("migrated: every layer kind once\nwith notes");
        assertThatThrownBy(() -> ProjectFile.withMigrations(3, List.of(renameNotes))
                .parse(resource("/project/golden-v1.stride")))
                .hasMessageContaining("no migration from formatVersion 2 to 3");
    }

    @Test
    void trainingAndDatasetStayOpaqueAndDefensivelyCopied() throws Exception {
        Project project = goldenProject();
        project.training().put("epochs", 999);
        assertThat(project.training().get("epochs").asInt()).isEqualTo(3);
    }
}
