package dev.stride.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.TensorShape;
import org.junit.jupiter.api.Test;

class LayerTextTest {

    @Test
    void cardsShowKeyParametersInShort() {
        assertThat(LayerText.keyParameters(Conv2DSpec.of(32, 3).withStrides(Size2D.square(2))
                .withPadding(Padding.SAME))).isEqualTo("32 × 3×3 · s2 · same");
        assertThat(LayerText.keyParameters(DenseSpec.of(10, Activation.SOFTMAX))).isEqualTo("10 · softmax");
        assertThat(LayerText.keyParameters(MaxPooling2DSpec.of())).isEqualTo("2×2 · s2 · valid");
    }

    @Test
    void shapesAndCountsAreCompact() {
        assertThat(LayerText.shape(TensorShape.image(14, 14, 32))).isEqualTo("14×14×32");
        assertThat(LayerText.shape(TensorShape.of(TensorShape.UNKNOWN, 5))).isEqualTo("?×5");
        assertThat(LayerText.compact(18_496)).isEqualTo("18.5k");
        assertThat(LayerText.count(34_826)).isEqualTo("34,826");
    }
}
