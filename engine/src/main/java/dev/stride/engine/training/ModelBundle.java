package dev.stride.engine.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.StrideVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained model file ({@code *.stride-model}): a zip holding the project, metadata (app version, date, backend),
 * the DL4J network, the class labels and the input preprocessing, so prediction needs nothing else.
 *
 * @param network        the trained network
 * @param project        the project the network was designed in ({@code project.json}), or an empty object
 * @param labels         class names in output order
 * @param preprocessing  how to turn an image into the network's input ({@code preprocessing.json}): size, scaling,
 *                       normalisation, and {@code layout} (NCHW or NHWC)
 * @param metadata       app version, creation time, backend, format
 */
public record ModelBundle(ComputationGraph network, ObjectNode project, List<String> labels, ObjectNode preprocessing,
                          ObjectNode metadata) {
    public static final String EXTENSION = ".stride-model";
    static final String FORMAT = "stride-model";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NETWORK = "network.zip";
    private static final String PROJECT = "project.json";
    private static final String METADATA = "metadata.json";
    private static final String LABELS = "labels.json";
    private static final String PREPROCESSING = "preprocessing.json";

    public ModelBundle {
        labels = List.copyOf(labels);
    }

    /** A bundle of a freshly trained network, with metadata describing this run. */
    public static ModelBundle of(ComputationGraph network, ObjectNode project, List<String> labels,
                                 ObjectNode preprocessing) {
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("format", FORMAT);
        metadata.put("formatVersion", FORMAT_VERSION);
        metadata.put("appVersion", StrideVersion.current());
        metadata.put("created", Instant.now().toString());
        metadata.put("backend", Nd4j.getEnvironment().isCPU() ? "CPU" : "GPU");
        metadata.put("backendClass", Nd4j.getBackend().getClass().getSimpleName());
        metadata.put("parameters", network.numParams());
        return new ModelBundle(network, project == null ? JSON.createObjectNode() : project, labels,
                preprocessing == null ? JSON.createObjectNode() : preprocessing, metadata);
    }

    /** Writes the bundle atomically (temporary file beside it, then a move). */
    public void write(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(METADATA, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata));
        entries.put(PROJECT, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(project));
        entries.put(LABELS, JSON.writeValueAsBytes(labels));
        entries.put(PREPROCESSING, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(preprocessing));
        entries.put(NETWORK, ModelArchive.bytesOf(out -> ModelSerializer.writeModel(network, out, false)));
        ModelArchive.of(entries).writeAtomically(file);
    }

    /**
     * Reads a bundle, checking the zip's integrity and its format first; a truncated, corrupt or foreign file gives
     * an {@link InvalidModelFileException} whose message says which.
     */
    public static ModelBundle read(Path file) throws IOException {
        ModelArchive archive = ModelArchive.read(file);
        if (!archive.has(METADATA)) {
            throw new InvalidModelFileException(file + " is a zip archive but not a Stride model (no metadata.json); "
                    + "train a model with 'stride train' to get one");
        }
        ObjectNode metadata = object(archive, METADATA, file);
        if (!FORMAT.equals(metadata.path("format").asText())) {
            throw new InvalidModelFileException(file + " is not a Stride model (format '"
                    + metadata.path("format").asText() + "')");
        }
        if (metadata.path("formatVersion").asInt() > FORMAT_VERSION) {
            throw new InvalidModelFileException(file + " was written by a newer Stride (model format "
                    + metadata.path("formatVersion").asInt() + "); update Stride to open it");
        }
        List<String> labels = new ArrayList<>();
        JsonNode labelArray = parse(archive, LABELS, file);
        labelArray.forEach(node -> labels.add(node.asText()));
        ComputationGraph network;
        try {
            network = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(archive.entry(NETWORK, file)),
                    false);
        } catch (IOException | RuntimeException e) {
            throw new InvalidModelFileException(file + " holds a damaged network: " + e.getMessage(), e);
        }
        NativeLayerHelpers.installIfEnabled(network);
        return new ModelBundle(network, object(archive, PROJECT, file), labels,
                object(archive, PREPROCESSING, file), metadata);
    }

    private static ObjectNode object(ModelArchive archive, String entry, Path file) {
        JsonNode node = parse(archive, entry, file);
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidModelFileException(file + ": " + entry + " is not a JSON object");
        }
        return object;
    }

    private static JsonNode parse(ModelArchive archive, String entry, Path file) {
        try {
            return JSON.readTree(new String(archive.entry(entry, file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidModelFileException(file + ": " + entry + " is not valid JSON (" + e.getMessage() + ")", e);
        }
    }
}
