package dev.stride.engine.shape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.AveragePooling2DSpec;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.Conv2DTransposeSpec;
import dev.stride.engine.model.Cropping2DSpec;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.DepthwiseConv2DSpec;
import dev.stride.engine.model.DropoutSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.GlobalAveragePooling2DSpec;
import dev.stride.engine.model.GlobalMaxPooling2DSpec;
import dev.stride.engine.model.Initializer;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Margins;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.ReshapeSpec;
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.SpatialDropout2DSpec;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.model.ZeroPadding2DSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per case: layer config, input shape (without batch), expected output shape and parameters (trainable,
 * non-trainable). Values from Keras 3 (most rows are cases of Keras's own layer tests); the exhaustive comparison
 * with Keras itself is KerasGroundTruthTest.
 */
class ShapeTableTest {
    private static final DataFormat LAST = DataFormat.CHANNELS_LAST;
    private static final DataFormat FIRST = DataFormat.CHANNELS_FIRST;

    private static Arguments row(LayerSpec spec, TensorShape input, TensorShape output, long trainable,
            long nonTrainable) {
        return Arguments.of(spec.kerasClassName() + " " + spec + " on " + input, spec, input, output, trainable,
                nonTrainable);
    }

    private static TensorShape s(int... dims) {
        return TensorShape.of(dims);
    }

    private static DepthwiseConv2DSpec depthwise(int k, int stride, Padding padding, int multiplier, DataFormat f) {
        return new DepthwiseConv2DSpec(Size2D.square(k), Size2D.square(stride), padding, multiplier, f,
                Size2D.square(1), Activation.LINEAR, true, Initializer.glorotUniform(), Initializer.zeros(), null,
                null, null, null, null);
    }

    private static SeparableConv2DSpec separable(int filters, int k, int stride, Padding padding, int multiplier,
            DataFormat f) {
        return new SeparableConv2DSpec(filters, Size2D.square(k), Size2D.square(stride), padding, f,
                Size2D.square(1), multiplier, Activation.LINEAR, true, Initializer.glorotUniform(),
                Initializer.glorotUniform(), Initializer.zeros(), null, null, null, null, null, null, null);
    }

    static Stream<Arguments> table() {
        Conv2DSpec conv = Conv2DSpec.of(5, 2);
        return Stream.of(
                row(conv, s(5, 5, 4), s(4, 4, 5), 85, 0),
                row(conv.withDataFormat(FIRST), s(4, 5, 5), s(5, 4, 4), 85, 0),
                row(Conv2DSpec.of(6, 2).withPadding(Padding.SAME).withDilationRate(Size2D.square(2)).withGroups(2),
                        s(4, 4, 4), s(4, 4, 6), 54, 0),
                row(Conv2DSpec.of(6, 2).withStrides(Size2D.of(2, 1)).withGroups(2), s(5, 5, 4), s(2, 4, 6), 54, 0),
                row(Conv2DSpec.of(8, 3).withStrides(Size2D.square(2)).withPadding(Padding.SAME).withUseBias(false),
                        s(7, 7, 3), s(4, 4, 8), 216, 0),
                row(Conv2DSpec.of(8, 3).withStrides(Size2D.square(2)).withPadding(Padding.SAME).withDataFormat(FIRST),
                        s(3, 7, 7), s(8, 4, 4), 224, 0),
                row(Conv2DSpec.of(2, 7).withDilationRate(Size2D.of(1, 2)), s(10, 20, 1), s(4, 8, 2), 100, 0),
                row(Conv2DTransposeSpec.of(5, Size2D.square(2), Size2D.square(2)), s(8, 8, 4), s(16, 16, 5), 85, 0),
                row(Conv2DTransposeSpec.of(6, Size2D.square(2), Size2D.square(3)).withPadding(Padding.SAME)
                        .withOutputPadding(Size2D.square(2)), s(8, 8, 4), s(23, 23, 6), 102, 0),
                row(Conv2DTransposeSpec.of(6, Size2D.of(2, 3), Size2D.of(2, 1)).withDataFormat(FIRST), s(4, 8, 8),
                        s(6, 16, 10), 150, 0),
                row(Conv2DTransposeSpec.of(2, Size2D.square(7), Size2D.square(16)), s(14, 14, 2), s(224, 224, 2), 198,
                        0),
                row(depthwise(2, 1, Padding.VALID, 1, LAST), s(5, 5, 4), s(4, 4, 4), 20, 0),
                row(depthwise(3, 2, Padding.SAME, 6, FIRST), s(4, 5, 5), s(24, 3, 3), 240, 0),
                row(separable(5, 2, 1, Padding.VALID, 1, LAST), s(5, 5, 4), s(4, 4, 5), 41, 0),
                row(separable(6, 3, 2, Padding.SAME, 2, FIRST), s(4, 9, 9), s(6, 5, 5), 126, 0),
                row(MaxPooling2DSpec.of(), s(5, 5, 4), s(2, 2, 4), 0, 0),
                row(MaxPooling2DSpec.of().withStrides(Size2D.square(1)), s(5, 5, 4), s(4, 4, 4), 0, 0),
                row(MaxPooling2DSpec.of().withStrides(Size2D.square(1)).withPadding(Padding.SAME)
                        .withDataFormat(FIRST), s(3, 5, 5), s(3, 5, 5), 0, 0),
                row(MaxPooling2DSpec.of(Size2D.of(2, 3)).withStrides(Size2D.square(2)), s(5, 5, 4), s(2, 2, 4), 0,
                        0),
                row(AveragePooling2DSpec.of(Size2D.square(3)).withPadding(Padding.SAME), s(7, 8, 2), s(3, 3, 2), 0, 0),
                row(AveragePooling2DSpec.of().withDataFormat(FIRST), s(2, 7, 8), s(2, 3, 4), 0, 0),
                row(GlobalAveragePooling2DSpec.of(), s(5, 6, 4), s(4), 0, 0),
                row(new GlobalAveragePooling2DSpec(LAST, true), s(5, 6, 4), s(1, 1, 4), 0, 0),
                row(new GlobalMaxPooling2DSpec(FIRST, false), s(5, 6, 4), s(5), 0, 0),
                row(new GlobalMaxPooling2DSpec(FIRST, true), s(5, 6, 4), s(5, 1, 1), 0, 0),
                row(ZeroPadding2DSpec.of(Margins.of(1, 2, 3, 4)), s(2, 3, 4), s(5, 10, 4), 0, 0),
                row(new ZeroPadding2DSpec(Margins.symmetric(2, 2), FIRST), s(2, 3, 4), s(2, 7, 8), 0, 0),
                row(Cropping2DSpec.of(Margins.of(1, 2, 3, 4)), s(7, 9, 5), s(4, 2, 5), 0, 0),
                row(new Cropping2DSpec(Margins.of(1, 2, 3, 4), FIRST), s(5, 7, 9), s(5, 4, 2), 0, 0),
                row(UpSampling2DSpec.of(Size2D.of(2, 3)), s(11, 12, 2), s(22, 36, 2), 0, 0),
                row(new UpSampling2DSpec(Size2D.square(2), FIRST, "bilinear"), s(2, 11, 12), s(2, 22, 24), 0, 0),
                row(BatchNormalizationSpec.of(), s(3), s(3), 6, 6),
                row(BatchNormalizationSpec.of().withCenterAndScale(false, false), s(3), s(3), 0, 6),
                row(BatchNormalizationSpec.of(), s(4, 4, 3), s(4, 4, 3), 6, 6),
                row(BatchNormalizationSpec.of(1), s(3, 4, 4), s(3, 4, 4), 6, 6),
                row(BatchNormalizationSpec.of().withRenorm(true), s(3), s(3), 6, 15),
                row(DropoutSpec.of(0.5), s(2, 3), s(2, 3), 0, 0),
                row(SpatialDropout2DSpec.of(0.5), s(3, 4, 5), s(3, 4, 5), 0, 0),
                row(ActivationSpec.of(Activation.SOFTMAX), s(4, 3), s(4, 3), 0, 0),
                row(FlattenSpec.of(), s(2, 3, 4), s(24), 0, 0),
                row(new FlattenSpec(FIRST), s(2, 3, 4), s(24), 0, 0),
                row(ReshapeSpec.of(8, 1), s(2, 4), s(8, 1), 0, 0),
                row(ReshapeSpec.of(-1, 1), s(2, 4), s(8, 1), 0, 0),
                row(ReshapeSpec.of(2, -1), s(2, 4), s(2, 4), 0, 0),
                row(DenseSpec.of(2), s(3), s(2), 8, 0),
                row(DenseSpec.of(5), s(3, 4), s(3, 5), 25, 0),
                row(DenseSpec.of(4).withUseBias(false), s(2, 3, 6), s(2, 3, 4), 24, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void matchesKeras(String name, LayerSpec spec, TensorShape input, TensorShape output, long trainable,
            long nonTrainable) {
        NetworkAnalysis analysis = ShapeInference.analyze(Network.sequential(InputLayerSpec.of(input), spec));
        NodeAnalysis layer = analysis.node(NodeId.of("n2")).orElseThrow();
        assertThat(analysis.errors()).isEmpty();
        assertThat(layer.outputShape()).isEqualTo(output);
        assertThat(layer.trainableParams()).isEqualTo(trainable);
        assertThat(layer.nonTrainableParams()).isEqualTo(nonTrainable);
    }
}
