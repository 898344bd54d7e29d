package dev.stride.engine.cli;

import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.data.vision.ImageCodec;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ImageDecodeException;
import dev.stride.engine.data.vision.ImagePipeline;
import dev.stride.engine.data.vision.Preprocessing;
import dev.stride.engine.training.Evaluator;
import dev.stride.engine.training.InvalidModelFileException;
import dev.stride.engine.training.ModelBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `stride predict MODEL IMAGE…`: the most probable classes of each image. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify images with a trained model: the top classes with their probabilities.")
final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "a .stride-model file")
    Path modelFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE", description = "PNG, JPEG, BMP… files")
    List<Path> images;

    @Option(names = "--top", defaultValue = "5", description = "classes to show per image (default: ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1) {
            err.println("error: --top must be at least 1, got " + top);
            return StrideCli.USAGE_ERROR;
        }
        ModelBundle bundle;
        try {
            bundle = ModelBundle.read(modelFile);
        } catch (InvalidModelFileException e) {
            err.println("error: " + e.getMessage());
            return StrideCli.USAGE_ERROR;
        }
        Preprocessing preprocessing = ImageInput.preprocessingOf(bundle.preprocessing());
        ImagePipeline pipeline = new ImagePipeline(preprocessing, AugmentationSettings.NONE);
        int failures = 0;
        for (Path image : images) {
            ImageData decoded;
            try {
                decoded = ImageCodec.decode(Files.readAllBytes(image));
            } catch (IOException | ImageDecodeException e) {
                err.println("error: " + image + ": " + e.getMessage());
                failures++;
                continue;
            }
            float[] values = new float[preprocessing.valuesPerImage()];
            preprocessing.writePlanes(pipeline.process(decoded, 0), values, 0);
            INDArray input = Nd4j.create(values, new long[] {1, preprocessing.channels(), preprocessing.height(),
                    preprocessing.width()}, 'c');
            out.println(image);
            for (Evaluator.Prediction p : Evaluator.topK(bundle.network(), input, bundle.labels(), top)) {
                out.printf(Locale.ROOT, "  %-20s %6.2f%%%n", p.label(), 100 * p.probability());
            }
        }
        return failures == 0 ? 0 : UserFacingErrors.FAILURE;
    }
}
