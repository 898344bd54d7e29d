package dev.stride.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stride.engine.dl4j.Dl4jCompilation;
import dev.stride.engine.dl4j.Dl4jCompiler;
import dev.stride.engine.dl4j.Dl4jWeights;
import dev.stride.engine.dl4j.KerasHdf5Importer;
import dev.stride.engine.export.AtomicFiles;
import dev.stride.engine.export.DesignExporter;
import dev.stride.engine.export.ExportFormat;
import dev.stride.engine.export.ExportableDesign;
import dev.stride.engine.export.NetworkWeights;
import dev.stride.engine.export.OnnxInputLayout;
import dev.stride.engine.export.UnsupportedLayerException;
import dev.stride.engine.keras.KerasJsonException;
import dev.stride.engine.keras.KerasModel;
import dev.stride.engine.keras.KerasModelReader;
import dev.stride.engine.project.Project;
import dev.stride.engine.project.ProjectFile;
import dev.stride.engine.project.ProjectFileException;
import dev.stride.engine.shape.ShapeInference;
import dev.stride.engine.training.ModelBundle;
import dev.stride.engine.training.TrainingSettings;
import org.deeplearning4j.nn.conf.CNN2DFormat;
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

/**
 * `stride export`: a project, a trained .stride-model, a Keras model JSON or a Keras HDF5 file as code, ONNX, Keras
 * JSON, a diagram or a summary (and a .stride-model copied, verified, as stride-model).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a design (or an imported Keras model with its weights) in another format.")
final class ExportCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "stride-model, keras-json, keras-py, pytorch, dl4j-java, onnx, png, svg, markdown or text.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "PATH",
            description = "The file to write (replaced atomically). A dl4j-java file's name is its class name.")
    Path out;

    @Option(names = "--onnx-input-layout", paramLabel = "NCHW|NHWC",
            description = "Image input layout of an ONNX export; default: the layout a .stride-model's network takes,"
                    + " else NHWC for channels_last designs (as Keras feeds images), NCHW for channels_first.")
    OnnxInputLayout onnxInputLayout;

    @Parameters(index = "0", paramLabel = "MODEL_OR_PROJECT",
            description = "A .stride project, a trained .stride-model, a Keras model .json or a Keras .h5 model "
                    + "(trained weights go into ONNX; a project gets freshly initialised ones).")
    Path input;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ExportFormat> chosen = ExportFormat.fromCliName(format);
        if (chosen.isEmpty()) {
            err.println("error: unknown format '" + format + "'; use one of " + ExportFormat.cliNames());
            return StrideCli.USAGE_ERROR;
        }
        if (chosen.get() == ExportFormat.STRIDE_MODEL && isBundle(input)) {
            return copyBundle(err);
        }
        Loaded loaded;
        try {
            loaded = load(input);
        } catch (Unreadable e) {
            err.println("error: " + e.getMessage());
            return StrideCli.USAGE_ERROR;
        }
        ExportableDesign design = loaded.design();
        byte[] bytes;
        try {
            bytes = DesignExporter.render(chosen.get(), design, stem(out),
                    onnxInputLayout != null ? onnxInputLayout : loaded.trainedLayout());
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

    /** Re-reads the bundle (which verifies it) and writes it again atomically. */
    private int copyBundle(PrintWriter err) {
        try {
            ModelBundle.read(input).write(out);
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage());
            return StrideCli.USAGE_ERROR;
        }
        spec.commandLine().getOut().println("wrote stride-model to " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static boolean isBundle(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ModelBundle.EXTENSION);
    }

    /** A loaded input, and for a trained bundle the image layout its DL4J network takes (null otherwise). */
    record Loaded(ExportableDesign design, OnnxInputLayout trainedLayout) {
        static Loaded design(ExportableDesign design) {
            return new Loaded(design, null);
        }
    }

    /** Why the input cannot be exported, in one line. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    static Loaded load(Path file) throws Unreadable {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isBundle(file)) {
            return loadBundle(file);
        }
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            try {
                KerasHdf5Importer.ImportedModel imported = KerasHdf5Importer.read(file);
                return Loaded.design(new ExportableDesign(imported.model().network(), TrainingSettings.defaults(),
                        imported.name(), imported.weights()));
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
                return Loaded.design(ExportableDesign.untrained(project.network(), settings(project, file),
                        stem(file)));
            } catch (ProjectFileException e) {
                throw new Unreadable(file + ": " + e.getMessage());
            }
        }
        if (KerasModelReader.looksLikeKerasModel(root)) {
            try {
                KerasModel model = KerasModelReader.modelFromTree(root);
                return Loaded.design(ExportableDesign.untrained(model.network(), TrainingSettings.defaults(),
                        model.name()));
            } catch (KerasJsonException e) {
                throw new Unreadable(file + ": " + e.getMessage());
            }
        }
        throw new Unreadable(file + " is neither a Stride project (\"format\": \"stride-project\") nor a Keras"
                + " model JSON (\"class_name\" and \"config\", as model.to_json() writes)");
    }

    /**
     * A trained bundle: its project's design and settings, and the weights read from its DL4J network. The design is
     * compiled again (configuration only, cheap) to learn which DL4J vertex computes each layer.
     */
    private static Loaded loadBundle(Path file) throws Unreadable {
        ModelBundle bundle;
        Project project;
        try {
            bundle = ModelBundle.read(file);
            project = ProjectFile.standard().parse(bundle.project().toString());
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e.getMessage());
        } catch (ProjectFileException e) {
            throw new Unreadable(file + ": its project.json is invalid: " + e.getMessage());
        }
        TrainingSettings settings = settings(project, file);
        CNN2DFormat layout = "NHWC".equalsIgnoreCase(bundle.preprocessing().path("layout").asText("NCHW"))
                ? CNN2DFormat.NHWC : CNN2DFormat.NCHW;
        Dl4jCompilation compilation = Dl4jCompiler.compile(project.network(), settings, layout);
        if (!compilation.errors().isEmpty()) {
            throw new Unreadable(file + ": its design no longer compiles: " + compilation.errors().get(0));
        }
        NetworkWeights weights = Dl4jWeights.read(bundle.network(), compilation, project.network(),
                ShapeInference.analyze(project.network()));
        return new Loaded(new ExportableDesign(project.network(), settings, stem(file), weights),
                layout == CNN2DFormat.NHWC ? OnnxInputLayout.NHWC : OnnxInputLayout.NCHW);
    }

    private static TrainingSettings settings(Project project, Path file) throws Unreadable {
        try {
            return TrainingSettings.fromJson(project.training());
        } catch (IllegalArgumentException e) {
            throw new Unreadable(file + ": the \"training\" settings are invalid: " + e.getMessage());
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
