package dev.stride.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import dev.stride.engine.training.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peer check: the PyTorch code generated for every network builds under Debian's python3-torch, a forward pass on a
 * batch gives Stride's output shape, and PyTorch counts Stride's parameters (trainable parameters and BatchNorm's
 * running statistics, which Keras counts as non-trainable), and with the same Keras weights loaded through the
 * generated {@code load_keras_weights} it computes what ONNX Runtime computes from Stride's ONNX export (which the
 * DL4J parity test ties to DL4J). One Python process checks all networks.
 */
class PyTorchPeerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRIVER = """
            import importlib.util, json, sys, runpy
            import torch
            torch.manual_seed(0)
            for line in open(sys.argv[1]):
                name, path, shape, data = line.rstrip("\\n").split("\\t")
                try:
                    spec = importlib.util.spec_from_file_location("m_" + name.replace("-", "_"), path)
                    module = importlib.util.module_from_spec(spec)
                    spec.loader.exec_module(module)
                    model = module.StrideModel().eval()
                    dims = [int(d) for d in shape.split(",")]
                    with torch.no_grad():
                        out = model(torch.rand(2, *dims))
                    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
                    frozen = sum(p.numel() for p in model.parameters() if not p.requires_grad)
                    stats = sum(b.numel() for n, b in model.named_buffers() if n.endswith(("running_mean", "running_var")))
                    given = json.load(open(data))
                    weights = {layer: {weight: torch.tensor(t["values"]).reshape(t["shape"]) for weight, t in ws.items()}
                               for layer, ws in given["weights"].items()}
                    model.load_keras_weights(weights)
                    with torch.no_grad():
                        values = model(torch.tensor(given["input"]).reshape(given["input_shape"])).flatten().tolist()
                    print(json.dumps({"name": name, "shape": list(out.shape), "trainable": trainable,
                                      "frozen": frozen, "statistics": stats, "values": values}))
                except Exception as error:
                    print(json.dumps({"name": name, "error": repr(error)}))
            """;

    private static final Map<String, JsonNode> RESULTS = new HashMap<>();
    private static final Map<String, float[]> ONNX_OUTPUTS = new HashMap<>();
    private static String pythonOutput = "";
    private static boolean torchAvailable;

    @BeforeAll
    static void runEveryNetworkInOnePythonProcess(@TempDir Path dir) throws Exception {
        torchAvailable = PythonPeer.hasModule("torch");
        if (!torchAvailable) {
            return;
        }
        List<String> manifest = new ArrayList<>();
        for (ExportFixtures.Named named : ExportFixtures.all()) {
            Network network = named.network();
            NetworkAnalysis analysis = ShapeInference.analyze(network);
            String code = PyTorchCodeGenerator.generate(network, analysis, TrainingSettings.defaults(), named.name());
            Path file = dir.resolve(named.name().replaceAll("[^A-Za-z0-9]", "_") + ".py");
            Files.writeString(file, code);
            TensorShape input = torchInput(network, analysis);
            NetworkWeights weights = ExportFixtures.withRandomStatistics(
                    InitialWeights.generate(network, analysis, 5), 6);
            long[] inputShape = OnnxExporterTest.withBatch(2, OnnxExporterTest.toLongs(input));
            float[] values = OnnxExporterTest.random(Math.toIntExact(2 * input.elementCount()), 8);
            ONNX_OUTPUTS.put(named.name(), OnnxRuntimeHarness.run(
                    OnnxExporter.export(network, analysis, weights, OnnxInputLayout.NCHW), values, inputShape)
                    .values());
            Path data = dir.resolve(file.getFileName() + ".json");
            Files.writeString(data, JSON.writeValueAsString(Map.of("weights", weights.layers(), "input", values,
                    "input_shape", inputShape)));
            manifest.add(named.name() + "\t" + file + "\t"
                    + input.dims().stream().map(String::valueOf).collect(Collectors.joining(",")) + "\t" + data);
        }
        Files.write(dir.resolve("manifest.tsv"), manifest);
        Files.writeString(dir.resolve("driver.py"), DRIVER);
        PythonPeer.Outcome outcome = PythonPeer.run(List.of(PythonPeer.PYTHON.toString(), "driver.py",
                "manifest.tsv"), dir, 600);
        pythonOutput = outcome.output();
        for (String line : outcome.output().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode result = JSON.readTree(line);
                RESULTS.put(result.get("name").asText(), result);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> generatedModuleMatchesStridesShapesAndParameterCounts() {
        assumeTrue(torchAvailable, "skipped: /usr/bin/python3 has no torch; install it with: "
                + PythonPeer.INSTALL_HINT);
        return ExportFixtures.all().stream().map(named -> DynamicTest.dynamicTest(named.name(), () -> {
            NetworkAnalysis analysis = ShapeInference.analyze(named.network());
            JsonNode result = RESULTS.get(named.name());
            assertThat(result).as("python output:\n%s", pythonOutput).isNotNull();
            assertThat(result.has("error")).as("python error: %s", result.path("error").asText()).isFalse();

            TensorShape expected = torchShape(named.network(),
                    analysis.node(named.network().sinks().get(0)).orElseThrow().outputShape());
            List<Integer> actual = new ArrayList<>();
            result.get("shape").forEach(d -> actual.add(d.asInt()));
            assertThat(actual).containsExactlyElementsOf(withBatch(2, expected));
            assertThat(result.get("trainable").asLong()).isEqualTo(analysis.trainableParams());
            assertThat(result.get("statistics").asLong() + result.get("frozen").asLong())
                    .isEqualTo(analysis.nonTrainableParams());

            float[] onnx = ONNX_OUTPUTS.get(named.name());
            JsonNode torchValues = result.get("values");
            assertThat(torchValues.size()).isEqualTo(onnx.length);
            double maxDifference = 0;
            for (int i = 0; i < onnx.length; i++) {
                maxDifference = Math.max(maxDifference, Math.abs(torchValues.get(i).asDouble() - onnx[i]));
            }
            assertThat(maxDifference).as("max |PyTorch − ONNX| with the same Keras weights").isLessThan(1e-4);
        }));
    }

    /** The generated script's own __main__ (placeholder data, the training loop) runs to the end. */
    @Test
    void generatedScriptTrainsOnItsPlaceholderData(@TempDir Path dir) throws Exception {
        assumeTrue(torchAvailable, "skipped: /usr/bin/python3 has no torch; install it with: "
                + PythonPeer.INSTALL_HINT);
        Network network = ExportFixtures.stridedSame();
        String code = PyTorchCodeGenerator.generate(network, ShapeInference.analyze(network),
                TrainingSettings.defaults().withEpochs(2).withBatchSize(16), "strided");
        Files.writeString(dir.resolve("strided.py"), code);

        PythonPeer.Outcome outcome = PythonPeer.run(List.of(PythonPeer.PYTHON.toString(), "strided.py"), dir, 300);

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("epoch 1/2: loss").contains("epoch 2/2: loss");
    }

    static TensorShape torchInput(Network network, NetworkAnalysis analysis) {
        return torchShape(network, analysis.node(network.sources().get(0)).orElseThrow().outputShape());
    }

    static TensorShape torchShape(Network network, TensorShape keras) {
        boolean channelsLast = NetworkFormats.dataFormat(network) == dev.stride.engine.model.DataFormat.CHANNELS_LAST;
        if (keras.rank() == 3 && channelsLast) {
            return TensorShape.of(keras.dim(2), keras.dim(0), keras.dim(1));
        }
        return keras;
    }

    private static List<Integer> withBatch(int batch, TensorShape shape) {
        List<Integer> dims = new ArrayList<>();
        dims.add(batch);
        dims.addAll(shape.dims());
        return dims;
    }
}
