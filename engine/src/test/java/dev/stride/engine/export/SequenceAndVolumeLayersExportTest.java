package dev.stride.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.engine.dl4j.Dl4jCompilation;
import dev.stride.engine.dl4j.Dl4jCompiler;
import dev.stride.engine.dl4j.Dl4jDiagnostic;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.AveragePooling3DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.GlobalAveragePooling1DSpec;
import dev.stride.engine.model.GlobalMaxPooling3DSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.MaxPooling1DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import dev.stride.engine.training.TrainingSettings;
import org.junit.jupiter.api.Test;

/**
 * The 1-D and 3-D pooling layers are known to shape inference and Keras JSON only: training and the exporters that
 * cannot express them yet refuse them with a clear message instead of failing somewhere inside.
 */
class SequenceAndVolumeLayersExportTest {
    private static final Network SEQUENCE = Network.sequential(InputLayerSpec.of(TensorShape.of(8, 4)),
            MaxPooling1DSpec.of(), GlobalAveragePooling1DSpec.of(), DenseSpec.of(3, Activation.SOFTMAX));
    private static final Network VOLUME = Network.sequential(InputLayerSpec.of(TensorShape.of(4, 4, 4, 2)),
            AveragePooling3DSpec.of(), GlobalMaxPooling3DSpec.of(), DenseSpec.of(3, Activation.SOFTMAX));

    @Test
    void shapesAreKnownSoTheDesignIsValid() {
        assertThat(ShapeInference.analyze(SEQUENCE).isValid()).isTrue();
        assertThat(ShapeInference.analyze(VOLUME).isValid()).isTrue();
    }

    /** DL4J takes images and vectors only, so the compiler stops at the sequence or volume input with a diagnostic. */
    @Test
    void trainingRefusesSequencesAndVolumesClearly() {
        Dl4jCompilation sequence = Dl4jCompiler.compile(SEQUENCE, TrainingSettings.defaults());
        Dl4jCompilation volume = Dl4jCompiler.compile(VOLUME, TrainingSettings.defaults());

        assertThat(sequence.errors()).extracting(Dl4jDiagnostic::message).containsExactly("inputs of rank 2 (8×4)"
                + " are not supported; use an image (height, width, channels) or a vector");
        assertThat(sequence.configurationIfAny()).isEmpty();
        assertThat(volume.errors()).extracting(Dl4jDiagnostic::message)
                .anySatisfy(message -> assertThat(message).startsWith("inputs of rank 4"));
        assertThat(volume.configurationIfAny()).isEmpty();
    }

    @Test
    void exportersThatCannotExpressThemNameTheLayer() {
        NetworkAnalysis analysis = ShapeInference.analyze(SEQUENCE);
        NetworkWeights weights = InitialWeights.generate(SEQUENCE, analysis, 7);

        assertThatThrownBy(() -> OnnxExporter.export(SEQUENCE, analysis, weights, OnnxInputLayout.NCHW))
                .isInstanceOf(UnsupportedLayerException.class).hasMessageContaining("max_pooling1d");
        assertThatThrownBy(() -> PyTorchCodeGenerator.generate(SEQUENCE, analysis, TrainingSettings.defaults(), "Net"))
                .isInstanceOf(UnsupportedLayerException.class).hasMessageContaining("max_pooling1d");
        assertThat(KerasCodeGenerator.generate(VOLUME, analysis(VOLUME), TrainingSettings.defaults(), "Net"))
                .contains("layers.AveragePooling3D(name=\"average_pooling3d\")")
                .contains("layers.GlobalMaxPooling3D(name=\"global_max_pooling3d\")");
    }

    private static NetworkAnalysis analysis(Network network) {
        return ShapeInference.analyze(network);
    }
}
