package dev.stride.app.project;

import dev.stride.engine.export.AtomicFiles;
import dev.stride.engine.export.DesignExporter;
import dev.stride.engine.export.ExportFormat;
import dev.stride.engine.export.ExportableDesign;
import dev.stride.engine.project.Project;
import dev.stride.engine.training.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The app's side of export: the open project, in any of the engine's formats, written atomically off the UI thread. */
public final class DesignExport {
    private DesignExport() {
    }

    /** The formats a design (not yet a trained model) can be written in, in menu order. */
    public static ExportFormat[] designFormats() {
        return new ExportFormat[] {ExportFormat.KERAS_PY, ExportFormat.PYTORCH, ExportFormat.DL4J_JAVA,
            ExportFormat.KERAS_JSON, ExportFormat.ONNX, ExportFormat.PNG, ExportFormat.SVG, ExportFormat.MARKDOWN};
    }

    /** The design with the project's own training settings (Keras defaults where the project has none). */
    public static ExportableDesign designOf(Project project, String title) {
        return ExportableDesign.untrained(project.network(), settingsOf(project), title);
    }

    /** Renders and writes {@code target} in the background; completes with the path or the reason it failed. */
    public static CompletableFuture<Path> export(Executor background, Project project, String title,
            ExportFormat format, Path target) {
        return CompletableFuture.supplyAsync(() -> {
            String name = target.getFileName().toString();
            String stem = name.endsWith(format.extension()) ? name.substring(0, name.length()
                    - format.extension().length()) : name;
            byte[] bytes = DesignExporter.render(format, designOf(project, title), stem);
            try {
                AtomicFiles.write(target, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return target;
        }, background);
    }

    private static TrainingSettings settingsOf(Project project) {
        try {
            return TrainingSettings.fromJson(project.training());
        } catch (IllegalArgumentException e) {
            return TrainingSettings.defaults(); // an unreadable block: the design still exports, with defaults
        }
    }
}
