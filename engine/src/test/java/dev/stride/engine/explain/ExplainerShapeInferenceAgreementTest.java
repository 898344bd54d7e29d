package dev.stride.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.Conv2DTransposeSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.NodeAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The explainer's walks against the engine's own shape inference of a one-layer network. */
class ExplainerShapeInferenceAgreementTest {

    private static NodeAnalysis layerAnalysis(int height, int width, LayerSpec layer) {
        Network network = Network.sequential(InputLayerSpec.image(height, width, 1), layer);
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        return analysis.node(network.nodes().get(1).id()).orElseThrow();
    }

    @Property(tries = 300)
    void conv2dWalkHasTheInferredOutputShape(@ForAll @IntRange(min = 1, max = 32) int height,
                                             @ForAll @IntRange(min = 1, max = 32) int width,
                                             @ForAll @IntRange(min = 1, max = 5) int kernel,
                                             @ForAll @IntRange(min = 1, max = 3) int stride,
                                             @ForAll @IntRange(min = 1, max = 3) int dilation,
                                             @ForAll boolean same) {
        int effectiveDilation = stride > 1 ? 1 : dilation; // Keras refuses strides > 1 with dilation > 1
        Padding padding = same ? Padding.SAME : Padding.VALID;
        Conv2DSpec conv = Conv2DSpec.of(4, kernel).withStrides(Size2D.square(stride)).withPadding(padding)
                .withDilationRate(Size2D.square(effectiveDilation));
        ConvolutionWalk walk = ConvolutionWalk.of(ConvolutionSetup.forConv2D(height, width, kernel, kernel, stride,
                stride, padding.kerasName(), effectiveDilation, effectiveDilation));

        NodeAnalysis analysis = layerAnalysis(height, width, conv);

        if (analysis.hasOutput()) {
            assertThat(analysis.outputShape()).isEqualTo(TensorShape.image(walk.rows().outputSize(),
                    walk.columns().outputSize(), 4));
        } else {
            assertThat(walk.frameCount()).isZero();
        }
    }

    @Property(tries = 200)
    void poolingWalkHasTheInferredOutputShape(@ForAll @IntRange(min = 1, max = 32) int size,
                                              @ForAll @IntRange(min = 1, max = 4) int pool,
                                              @ForAll @IntRange(min = 1, max = 4) int stride,
                                              @ForAll boolean same) {
        Padding padding = same ? Padding.SAME : Padding.VALID;
        MaxPooling2DSpec pooling = new MaxPooling2DSpec(Size2D.square(pool), Size2D.square(stride), padding,
                MaxPooling2DSpec.of().dataFormat());
        ConvolutionWalk walk = ConvolutionWalk.of(ConvolutionSetup.forPooling(size, size, pool, pool, stride,
                stride, padding.kerasName()));

        NodeAnalysis analysis = layerAnalysis(size, size, pooling);

        if (analysis.hasOutput()) {
            assertThat(analysis.outputShape()).isEqualTo(TensorShape.image(walk.rows().outputSize(),
                    walk.columns().outputSize(), 1));
        } else {
            assertThat(walk.frameCount()).isZero();
        }
    }

    @org.junit.jupiter.api.Test
    void aDesignedLayerOpensWithItsOwnNumbersAndItsWalkMatchesTheInferredShape() {
        Conv2DSpec conv = Conv2DSpec.of(8, 5).withStrides(Size2D.square(2)).withPadding(Padding.SAME);
        Network network = Network.sequential(InputLayerSpec.image(28, 20, 1), conv,
                MaxPooling2DSpec.of().withStrides(Size2D.square(3)));
        NetworkAnalysis analysis = ShapeInference.analyze(network);
        TensorShape intoConv = analysis.node(network.nodes().get(0).id()).orElseThrow().outputShape();
        TensorShape intoPool = analysis.node(network.nodes().get(1).id()).orElseThrow().outputShape();

        ConvolutionSetup convSetup = ConvolutionSetup.forLayer(conv, intoConv).orElseThrow();
        ConvolutionSetup poolSetup = ConvolutionSetup.forLayer(network.nodes().get(2).spec(), intoPool).orElseThrow();

        assertThat(convSetup.inputHeight()).isEqualTo(28);
        assertThat(convSetup.inputWidth()).isEqualTo(20);
        ExplainerWalk convWalk = ExplainerWalk.of(convSetup);
        assertThat(TensorShape.image(convWalk.outputHeight(), convWalk.outputWidth(), 8)).isEqualTo(intoPool);
        ExplainerWalk poolWalk = ExplainerWalk.of(poolSetup);
        assertThat(TensorShape.image(poolWalk.outputHeight(), poolWalk.outputWidth(), 8))
                .isEqualTo(analysis.node(network.nodes().get(2).id()).orElseThrow().outputShape());
        assertThat(ConvolutionSetup.forLayer(dev.stride.engine.model.FlattenSpec.of(), intoPool)).isEmpty();
    }

    @Property(tries = 300)
    void transposedWalkHasTheInferredOutputShape(@ForAll @IntRange(min = 1, max = 16) int size,
                                                 @ForAll @IntRange(min = 1, max = 5) int kernel,
                                                 @ForAll @IntRange(min = 1, max = 3) int stride,
                                                 @ForAll @IntRange(min = -1, max = 2) int outputPaddingOrNone,
                                                 @ForAll boolean same) {
        Padding padding = same ? Padding.SAME : Padding.VALID;
        boolean hasOutputPadding = outputPaddingOrNone >= 0 && outputPaddingOrNone < stride;
        Conv2DTransposeSpec spec = Conv2DTransposeSpec.of(2, Size2D.square(kernel), Size2D.square(stride))
                .withPadding(padding)
                .withOutputPadding(hasOutputPadding ? Size2D.square(outputPaddingOrNone) : null);
        OptionalInt outputPadding = hasOutputPadding ? OptionalInt.of(outputPaddingOrNone) : OptionalInt.empty();
        TransposedConvolutionWalk walk = TransposedConvolutionWalk.of(ConvolutionSetup.forConv2DTranspose(size, size,
                kernel, kernel, stride, stride, padding.kerasName(), 1, 1, outputPadding, outputPadding));

        NodeAnalysis analysis = layerAnalysis(size, size, spec);

        assertThat(analysis.outputShape()).isEqualTo(TensorShape.image(walk.rows().outputSize(),
                walk.columns().outputSize(), 2));
    }
}
