package dev.stride.engine.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.model.Network;
import dev.stride.engine.project.Project;
import dev.stride.engine.training.TrainingSettings;
import dev.stride.engine.project.ProjectFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every sample project (samples/*.stride at the repository root) and every designer template, found at test time so
 * that new samples and templates are checked without touching the export tests.
 */
final class SampleProjects {
    private static final String TEMPLATES = "dev.stride.engine.project.Templates";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleProjects() {
    }

    static List<ExportFixtures.Named> networks() {
        List<ExportFixtures.Named> networks = new ArrayList<>();
        Path samples = samplesFolder();
        if (samples != null) {
            try (Stream<Path> files = Files.list(samples)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".stride")).sorted().toList()) {
                    Project project = ProjectFile.read(file);
                    TrainingSettings settings = project.training() == null || project.training().isEmpty()
                            ? TrainingSettings.defaults()
                            : JSON.treeToValue(project.training(), TrainingSettings.class);
                    networks.add(new ExportFixtures.Named("sample " + file.getFileName(), project.network(), true,
                            settings));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (dev.stride.engine.project.ProjectFileException e) {
                throw new IllegalStateException("a sample project does not load: " + e.getMessage(), e);
            }
        }
        networks.addAll(templates());
        return networks;
    }

    /**
     * The designer's templates ({@code Templates.ALL}), read reflectively because they are written on another
     * branch: where that class is absent there are none to check yet.
     */
    private static List<ExportFixtures.Named> templates() {
        Class<?> templates;
        try {
            templates = Class.forName(TEMPLATES);
        } catch (ClassNotFoundException e) {
            return List.of();
        }
        List<ExportFixtures.Named> networks = new ArrayList<>();
        try {
            for (Object template : (List<?>) templates.getField("ALL").get(null)) {
                Method id = template.getClass().getMethod("id");
                Method network = template.getClass().getMethod("network");
                Network built = (Network) ((java.util.function.Supplier<?>) network.invoke(template)).get();
                networks.add(new ExportFixtures.Named("template " + id.invoke(template), built, false, null));
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(TEMPLATES + ".ALL changed shape; update SampleProjects: " + e, e);
        }
        return networks;
    }

    /** samples/ in the working directory or a parent (Maven runs engine tests from engine/). */
    private static Path samplesFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("samples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
