package dev.stride.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.TensorShape;
import org.junit.jupiter.api.Test;

class ConvFormulaTest {
    private static final TensorShape MNIST = TensorShape.image(28, 28, 1);

    @Test
    void validPaddingShowsTheFloorFormulaWithTheUsersNumbers() {
        Conv2DSpec conv = Conv2DSpec.of(32, 3).withStrides(Size2D.square(2));
        assertThat(ConvFormula.lines(conv, MNIST, "h", "w")).containsExactly("out = ⌊(28 + 2·0 − 3) / 2⌋ + 1 = 13");
    }

    @Test
    void samePaddingShowsTheCeiling() {
        Conv2DSpec conv = Conv2DSpec.of(32, 3).withStrides(Size2D.square(2)).withPadding(Padding.SAME);
        assertThat(ConvFormula.lines(conv, MNIST, "h", "w")).containsExactly("out = ⌈28 / 2⌉ = 14");
    }

    @Test
    void dilationAndDifferentAxesGetOneLineEach() {
        Conv2DSpec conv = Conv2DSpec.of(8, Size2D.of(3, 5)).withDilationRate(Size2D.square(2));
        assertThat(ConvFormula.lines(conv, MNIST, "height", "width")).containsExactly(
                "height = ⌊(28 + 2·0 − (2·(3 − 1) + 1)) / 1⌋ + 1 = 24",
                "width = ⌊(28 + 2·0 − (2·(5 − 1) + 1)) / 1⌋ + 1 = 20");
    }

    @Test
    void anImpossibleWindowIsMarked() {
        assertThat(ConvFormula.lines(MaxPooling2DSpec.of(Size2D.square(7)), TensorShape.image(5, 5, 3), "h", "w"))
                .containsExactly("out = ⌊(5 + 2·0 − 7) / 7⌋ + 1 = 0  ✗");
    }

    @Test
    void layersWithoutAWindowHaveNoFormula() {
        assertThat(ConvFormula.lines(dev.stride.engine.model.FlattenSpec.of(), MNIST, "h", "w")).isEmpty();
    }
}
