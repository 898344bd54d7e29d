package dev.stride.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.shape.ShapeInference;
import dev.stride.engine.training.TrainingSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated DL4J class runs as written: its main builds the graph and trains on its placeholder data. */
class GeneratedDl4jMainTest {

    @Test
    void mainTrainsForTheConfiguredEpochs(@TempDir Path dir) throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        TrainingSettings settings = TrainingSettings.defaults().withEpochs(2).withBatchSize(8);
        sources.put("StridedSame", Dl4jJavaCodeGenerator.generate(ExportFixtures.stridedSame(),
                ShapeInference.analyze(ExportFixtures.stridedSame()), settings, "StridedSame"));
        sources.put("ResidualGraph", Dl4jJavaCodeGenerator.generate(ExportFixtures.residualGraph(),
                ShapeInference.analyze(ExportFixtures.residualGraph()), settings, "ResidualGraph"));
        ClassLoader classes = JavaSourceCompiler.compile(dir, sources);

        for (String className : sources.keySet()) {
            String output = runMain(classes.loadClass(className));
            assertThat(output).as(className).contains("epoch 1: score").contains("epoch 2: score");
        }
    }

    private static String runMain(Class<?> generated) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            generated.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
