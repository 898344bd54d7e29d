package dev.stride.engine.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.engine.export.WeightTensor;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Size2D;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keras HDF5 import on files laid out as tf.keras 2.x writes them (made by h5py with
 * src/test/resources/keras-h5/make_fixtures.py, since Keras cannot be installed here).
 */
class KerasHdf5ImporterTest {

    @Test
    void importsTheArchitectureAndTheWeightsInKerasLayout() throws Exception {
        KerasHdf5Importer.ImportedModel imported = KerasHdf5Importer.read(fixture("tiny_cnn.h5"));

        assertThat(imported.name()).isEqualTo("tiny_cnn");
        assertThat(imported.model().network().nodes().stream().map(LayerNode::name))
                .containsExactly("input_1", "conv2d", "max_pooling2d", "flatten", "dense");
        Conv2DSpec conv = (Conv2DSpec) imported.model().network().findByName("conv2d").orElseThrow().spec();
        assertThat(conv.filters()).isEqualTo(4);
        assertThat(conv.strides()).isEqualTo(Size2D.square(2));
        assertThat(conv.padding()).isEqualTo(Padding.SAME);
        assertThat(((DenseSpec) imported.model().network().findByName("dense").orElseThrow().spec()).activation())
                .isEqualTo(Activation.SOFTMAX);

        WeightTensor kernel = imported.weights().get("conv2d", "kernel");
        assertThat(kernel.shape()).containsExactly(3, 3, 1, 4);
        // The fixture's value i of n is (i − n/2) / n, in row-major Keras order.
        assertThat(kernel.values()[0]).isEqualTo(-0.5f);
        assertThat(kernel.values()[35]).isEqualTo((35 - 18) / 36f);
        assertThat(imported.weights().get("dense", "kernel").shape()).containsExactly(16, 3);
        assertThat(imported.weights().get("dense", "bias").values()).containsExactly(-0.5f, (1 - 1.5f) / 3, 0.5f / 3);
        assertThat(imported.weights().layers()).containsOnlyKeys("conv2d", "dense");
    }

    @Test
    void anUnsupportedLayerIsNamed() {
        assertThatThrownBy(() -> KerasHdf5Importer.read(fixture("with_lstm.h5")))
                .isInstanceOf(KerasHdf5Importer.ImportException.class)
                .hasMessageContaining("with_lstm.h5").hasMessageContaining("LSTM");
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> KerasHdf5Importer.read(Path.of("no-such-model.h5")))
                .hasMessage("cannot read no-such-model.h5: no such file");
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(KerasHdf5ImporterTest.class.getResource("/keras-h5/" + name).toURI());
    }
}
