package dev.stride.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample project at the repository root opens and has no shape errors. */
class SamplesTest {
    static Stream<Path> samples() throws IOException {
        Path folder = Path.of("..", "samples");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> projects = files.filter(p -> p.toString().endsWith(ProjectFile.EXTENSION)).sorted().toList();
            assertThat(projects).extracting(p -> p.getFileName().toString())
                    .contains("lenet-digits.stride", "mnist-convnet.stride", "stridednet.stride",
                            "dense-tabular.stride");
            return projects.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void opensWithoutShapeErrors(Path sample) throws Exception {
        Project project = ProjectFile.read(sample);
        NetworkAnalysis analysis = ShapeInference.analyze(project.network());
        assertThat(analysis.errors()).isEmpty();
        assertThat(project.dataset().path("type").asText()).isNotEmpty();
        assertThat(project.training().path("epochs").asInt()).isPositive();
    }
}
