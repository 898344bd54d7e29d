package dev.stride.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import dev.stride.engine.training.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keras scripts for every network are valid Python (Keras itself cannot be installed here: PyPI is out of
 * reach and Debian ships no python3-keras), checked with Python's own compiler in one process.
 */
class GeneratedPythonSyntaxTest {

    @Test
    void everyKerasScriptCompiles(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(PythonPeer.PYTHON), "skipped: no /usr/bin/python3");
        List<String> command = new ArrayList<>(List.of(PythonPeer.PYTHON.toString(), "-m", "py_compile"));
        for (ExportFixtures.Named named : ExportFixtures.all()) {
            NetworkAnalysis analysis = ShapeInference.analyze(named.network());
            for (TrainingSettings.Optimizer optimizer : TrainingSettings.Optimizer.values()) {
                Path file = dir.resolve(named.name().replaceAll("\\W", "_") + "_" + optimizer + ".py");
                Files.writeString(file, KerasCodeGenerator.generate(named.network(), analysis,
                        TrainingSettings.defaults().withOptimizer(optimizer), named.name()));
                command.add(file.toString());
            }
        }

        PythonPeer.Outcome outcome = PythonPeer.run(command, dir, 120);

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    }
}
