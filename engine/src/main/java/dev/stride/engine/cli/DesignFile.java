package dev.stride.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stride.engine.keras.KerasJsonException;
import dev.stride.engine.keras.KerasModel;
import dev.stride.engine.keras.KerasModelReader;
import dev.stride.engine.keras.KerasModelWriter;
import dev.stride.engine.model.Network;
import dev.stride.engine.project.ProjectFile;
import dev.stride.engine.project.ProjectFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A network loaded from a Stride project or a Keras model JSON, whichever the file turns out to be. */
record DesignFile(String modelName, boolean sequential, Network network) {

    /** Thrown with a one-line explanation when the file cannot be used. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    static DesignFile load(Path file) throws Unreadable {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new Unreadable(file + " is a folder; give a .stride project or a Keras model .json file");
            }
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new Unreadable("cannot read " + file + ": " + reason);
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(text);
        } catch (JsonProcessingException e) {
            throw new Unreadable(file + " is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        if (root != null && root.isObject() && root.has("format")) {
            try {
                Network network = ProjectFile.standard().parse(text).network();
                return new DesignFile(file.getFileName().toString(), KerasModelWriter.isSequential(network), network);
            } catch (ProjectFileException e) {
                throw new Unreadable(file + ": " + e.getMessage());
            }
        }
        if (KerasModelReader.looksLikeKerasModel(root)) {
            try {
                KerasModel model = KerasModelReader.modelFromTree(root);
                return new DesignFile(model.name(), model.sequential(), model.network());
            } catch (KerasJsonException e) {
                throw new Unreadable(file + ": " + e.getMessage());
            }
        }
        throw new Unreadable(file + " is neither a Stride project (\"format\": \"stride-project\") nor a Keras"
                + " model JSON (\"class_name\" and \"config\", as model.to_json() writes)");
    }
}
