package dev.stride.app.project;

import dev.stride.app.common.UiScheduler;
import dev.stride.app.editor.DesignerViewModel;
import dev.stride.engine.keras.KerasModelReader;
import dev.stride.engine.model.Network;
import dev.stride.engine.project.Project;
import dev.stride.engine.project.ProjectFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Files for the designer: open, save, import Keras JSON, the recent list, and the recovery file that autosave
 * writes while there are unsaved changes. Reading and writing run on the background executor; results reach
 * the view-model on the UI thread. Formats belong to the engine (ProjectFile, KerasModelReader).
 */
public final class DocumentService {
    static final int RECENT_LIMIT = 8;
    static final String RECOVERY_FILE = "recovery.stride";
    static final String RECENT_FILE = "recent.txt";

    private final DesignerViewModel model;
    private final Executor background;
    private final UiScheduler ui;
    private final Path home;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final AtomicBoolean autosaving = new AtomicBoolean();

    /** {@code home} holds the recent list and the recovery file (normally ~/.stride). */
    public DocumentService(DesignerViewModel model, Executor background, UiScheduler ui, Path home) {
        this.model = model;
        this.background = background;
        this.ui = ui;
        this.home = home;
        recent.setAll(readRecent());
    }

    /** Where Stride keeps its own files: -Dstride.home, else ~/.stride. */
    public static Path defaultHome() {
        String configured = System.getProperty("stride.home");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".stride");
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    /** Reads a project and makes it the document. */
    public CompletableFuture<Project> open(Path file) {
        return CompletableFuture.supplyAsync(() -> read(file), background).thenApplyAsync(project -> {
            model.load(project, file, false);
            remember(file);
            return project;
        }, ui::run);
    }

    /** Reads a Keras model JSON as a new, unsaved document. */
    public CompletableFuture<Network> importKeras(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return KerasModelReader.read(file);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, background).thenApplyAsync(network -> {
            model.load(Project.of(network), null, true);
            return network;
        }, ui::run);
    }

    /** Writes the document (captured on the UI thread, written in the background) and marks it saved. */
    public CompletableFuture<Path> save(Path file) {
        Project snapshot = model.toProject();
        return CompletableFuture.supplyAsync(() -> {
            try {
                ProjectFile.write(snapshot, file);
                return file;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, background).thenApplyAsync(saved -> {
            // Only what was captured is saved: edits made meanwhile keep the document dirty.
            if (model.toProject().equals(snapshot)) {
                model.markSaved(saved);
            }
            remember(saved);
            deleteRecovery();
            return saved;
        }, ui::run);
    }

    /** Writes the recovery file when there are unsaved changes (called by a timer); skips if one is running. */
    public void autosave() {
        if (!model.isDirty() || !autosaving.compareAndSet(false, true)) {
            return;
        }
        Project snapshot = model.toProject();
        background.execute(() -> {
            try {
                Files.createDirectories(home);
                ProjectFile.write(snapshot, recoveryFile());
            } catch (Exception e) {
                // Autosave is best effort: the user's own Save reports errors.
            } finally {
                autosaving.set(false);
            }
        });
    }

    /** True when a recovery file was left behind (the last session ended without saving). */
    public boolean hasRecovery() {
        return Files.isRegularFile(recoveryFile());
    }

    /** Loads the recovery file as an unsaved document. */
    public CompletableFuture<Project> recover() {
        Path file = recoveryFile();
        return CompletableFuture.supplyAsync(() -> read(file), background).thenApplyAsync(project -> {
            model.load(project, null, true);
            return project;
        }, ui::run);
    }

    /** Forgets the recovery file (after a save, a clean exit, or when the user declines to recover). */
    public void deleteRecovery() {
        try {
            Files.deleteIfExists(recoveryFile());
        } catch (IOException e) {
            // Nothing to do: the next start offers it again.
        }
    }

    public Path recoveryFile() {
        return home.resolve(RECOVERY_FILE);
    }

    private static Project read(Path file) {
        try {
            return ProjectFile.read(file);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private void remember(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        recent.remove(absolute);
        recent.add(0, absolute);
        while (recent.size() > RECENT_LIMIT) {
            recent.remove(recent.size() - 1);
        }
        List<String> lines = recent.stream().map(Path::toString).toList();
        background.execute(() -> {
            try {
                Files.createDirectories(home);
                Path temp = Files.createTempFile(home, RECENT_FILE, ".tmp");
                Files.write(temp, lines, StandardCharsets.UTF_8);
                Files.move(temp, home.resolve(RECENT_FILE), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // The recent list is a convenience; losing it is harmless.
            }
        });
    }

    private List<Path> readRecent() {
        List<Path> paths = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(home.resolve(RECENT_FILE), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && paths.size() < RECENT_LIMIT) {
                    paths.add(Path.of(line.trim()));
                }
            }
        } catch (IOException e) {
            // No list yet.
        }
        return paths;
    }

    /** The message of a failure, without the wrapper exceptions. */
    public static String reason(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
