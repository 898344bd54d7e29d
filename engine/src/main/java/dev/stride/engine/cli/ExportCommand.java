package dev.stride.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stride.engine.dl4j.KerasHdf5Importer;
import dev.stride.engine.export.AtomicFiles;
import dev.stride.engine.export.DesignExporter;
import dev.stride.engine.export.ExportFormat;
import dev.stride.engine.export.ExportableDesign;
import dev.stride.engine.export.OnnxInputLayout;
import dev.stride.engine.export.UnsupportedLayerException;
import dev.stride.engine.keras.KerasJsonException;
import dev.stride.engine.keras.KerasModel;
import dev.stride.engine.keras.KerasModelReader;
import dev.stride.engine.project.Project;
import dev.stride.engine.project.ProjectFile;
import dev.stride.engine.project.ProjectFileException;
import dev.stride.engine.training.TrainingSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `stride export`: a project, Keras model or Keras HDF5 file as code, ONNX, Keras JSON, a diagram or a summary. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a design (or an imported Keras model with its weights) in another format.")
final class ExportCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "keras-json, keras-py, pytorch, dl4j-java, onnx, png, svg, markdown or text.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "PATH",
            description = "The file to write (replaced atomically). A dl4j-java file's name is its class name.")
    Path out;

    @Option(names = "--onnx-input-layout", paramLabel = "NCHW|NHWC",
            description = "Image input layout of an ONNX export; default: NHWC for channels_last designs (as Keras "
                    + "and Stride's DL4J networks take images), NCHW for channels_first.")
    OnnxInputLayout onnxInputLayout;

    @Parameters(index = "0", paramLabel = "MODEL_OR_PROJECT",
            description = "A .stride project, a Keras model .json or a Keras .h5 model (whose weights go into ONNX).")
    Path input;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ExportFormat> chosen = ExportFormat.fromCliName(format);
        if (chosen.isEmpty()) {
            err.println("error: unknown format '" + format + "'; use one of " + ExportFormat.cliNames());
            return StrideCli.USAGE_ERROR;
        }
        ExportableDesign design;
        try {
            design = load(input);
        } catch (Unreadable e) {
            err.println("error: " + e.getMessage());
            return StrideCli.USAGE_ERROR;
        }
        byte[] bytes;
        try {
            bytes = DesignExporter.render(chosen.get(), design, stem(out), onnxInputLayout);
        } catch (UnsupportedLayerException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return StrideCli.USAGE_ERROR;
        }
        try {
            AtomicFiles.write(out, bytes);
        } catch (IOException e) {
            err.println("error: cannot write " + out + ": " + (e instanceof NoSuchFileException
                    ? "no such folder" : e.getMessage()));
            return UserFacingErrors.FAILURE;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + chosen.get().cliName() + " to " + out + " (" + bytes.length + " bytes"
                + (chosen.get() == ExportFormat.ONNX ? (design.trainedWeights().isPresent()
                        ? ", trained weights" : ", freshly initialised weights") : "") + ")");
        stdout.flush();
        return 0;
    }

    /** Why the input cannot be exported, in one line. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    static ExportableDesign load(Path file) throws Unreadable {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            try {
                KerasHdf5Importer.ImportedModel imported = KerasHdf5Importer.read(file);
                return new ExportableDesign(imported.model().network(), TrainingSettings.defaults(), imported.name(),
                        imported.weights());
            } catch (KerasHdf5Importer.ImportException e) {
                throw new Unreadable(e.getMessage());
            }
        }
        if (name.endsWith(".keras")) {
            throw new Unreadable(file + ": .keras archives are not supported yet; export the architecture with"
                    + " model.to_json() or save as .h5");
        }
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new Unreadable(file + " is a folder; give a .stride project, a Keras .json or a Keras .h5 file");
            }
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("cannot read " + file + ": " + (e instanceof NoSuchFileException ? "no such file"
                    : e.getMessage()));
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new Unreadable(file + " is not valid JSON (nor a Keras .h5 file)");
        }
        if (root != null && root.isObject() && root.has("format")) {
            try {
                Project project = ProjectFile.standard().parse(text);
                return ExportableDesign.untrained(project.network(), settings(project, file), stem(file));
            } catch (ProjectFileException e) {
                throw new Unreadable(file + ": " + e.getMessage());
            }
        }
        if (KerasModelReader.looksLikeKerasModel(root)) {
            try {
                KerasModel model = KerasModelReader.modelFromTree(root);
                return ExportableDesign.untrained(model.network(), TrainingSettings.defaults(), model.name());
            } catch (KerasJsonException e) {
                throw new Unreadable(file + ": " + e.getMessage());
            }
        }
        throw new Unreadable(file + " is neither a Stride project (\"format\": \"stride-project\") nor a Keras"
                + " model JSON (\"class_name\" and \"config\", as model.to_json() writes)");
    }

    private static TrainingSettings settings(Project project, Path file) throws Unreadable {
        if (project.training() == null || project.training().isEmpty()) {
            return TrainingSettings.defaults();
        }
        try {
            return JSON.treeToValue(project.training(), TrainingSettings.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable(file + ": the \"training\" settings are invalid: " + e.getMessage());
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
