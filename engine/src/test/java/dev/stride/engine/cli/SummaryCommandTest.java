package dev.stride.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.keras.KerasModelWriter;
import dev.stride.engine.model.AllLayers;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.project.Project;
import dev.stride.engine.project.ProjectFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {
    @TempDir
    Path folder;

    private record Run(int exit, String out, String err) {
    }

    private static Run stride(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StrideCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void printsTheSimpleMnistConvnetLikeKeras() {
        Run run = stride("summary", "../samples/mnist-convnet.stride");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Layer (type)", "Output Shape", "Param #", "MACs")
                .contains("conv2d (Conv2D)", "(None, 26, 26, 32)", "320")
                .contains("max_pooling2d (MaxPooling2D)", "(None, 13, 13, 32)")
                .contains("conv2d_1 (Conv2D)", "(None, 11, 11, 64)", "18,496")
                .contains("(None, 5, 5, 64)", "flatten (Flatten)", "(None, 1600)", "dropout (Dropout)")
                .contains("dense (Dense)", "(None, 10)", "16,010")
                .contains("Total params: 34,826", "Trainable params: 34,826", "Non-trainable params: 0")
                .doesNotContain("InputLayer");
        assertThat(run.err()).startsWith("warning: max_pooling2d_1: with strides 2×2");
    }

    @Test
    void jsonHasTheAgreedFormat() {
        Run run = stride("summary", "--json", "../samples/mnist-convnet.stride");
        assertThat(run.exit()).isZero();
        assertThat(run.out().trim()).startsWith("{\"layers\":[{\"name\":\"conv2d\",\"type\":\"Conv2D\","
                + "\"output_shape\":[26,26,32],\"params\":320,\"trainable_params\":320,\"macs\":194688},")
                .endsWith("\"total_params\":34826,\"trainable_params\":34826,\"non_trainable_params\":0}");
    }

    @Test
    void aFunctionalKerasModelListsItsInputLayerAsKerasDoes() throws Exception {
        Path file = folder.resolve("model.json");
        Files.writeString(file, KerasModelWriter.write(AllLayers.network()));
        Run run = stride("summary", "--json", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{\"layers\":[{\"name\":\"in\",\"type\":\"InputLayer\","
                + "\"output_shape\":[32,32,3],\"params\":0");
        assertThat(run.out()).contains("\"name\":\"out\",\"type\":\"Dense\",\"output_shape\":[10],\"params\":130,"
                + "\"trainable_params\":0");
    }

    @Test
    void anInvalidModelExitsTwoWithOneLinePerError() throws Exception {
        Network bad = Network.sequential(InputLayerSpec.image(5, 5, 1), Conv2DSpec.of(4, 7), FlattenSpec.of(),
                DenseSpec.of(0));
        Path file = folder.resolve("bad.stride");
        ProjectFile.write(Project.of(bad), file);
        Run run = stride("summary", "--json", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("error: conv2d: kernel 7×7 is larger than the 5×5 input; use"
                + " padding 'same', a smaller kernel, or a larger input");
    }

    @Test
    void unreadableFilesExitTwoWithAClearMessage() throws Exception {
        Run missing = stride("summary", folder.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: cannot read").contains("no such file");

        Path garbage = folder.resolve("garbage.json");
        Files.writeString(garbage, "{\"layers\": [");
        Run broken = stride("summary", garbage.toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).startsWith("error: " + garbage + " is not valid JSON");

        Path other = folder.resolve("other.json");
        Files.writeString(other, "{\"hello\": 1}");
        assertThat(stride("summary", other.toString()).err()).contains("neither a Stride project");

        Path lstm = folder.resolve("lstm.json");
        Files.writeString(lstm, "{\"class_name\":\"Sequential\",\"config\":{\"layers\":[{\"class_name\":\"LSTM\","
                + "\"config\":{\"name\":\"rnn\"}}]}}");
        Run unsupported = stride("summary", lstm.toString());
        assertThat(unsupported.exit()).isEqualTo(2);
        assertThat(unsupported.err()).contains("layer 'rnn': unsupported layer type 'LSTM'").doesNotContain("\tat ");
    }

    @Test
    void missingArgumentIsAUsageError() {
        assertThat(stride("summary").exit()).isEqualTo(2);
    }
}
