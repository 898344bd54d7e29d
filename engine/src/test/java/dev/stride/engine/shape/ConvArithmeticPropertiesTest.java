package dev.stride.engine.shape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.Conv2DTransposeSpec;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.TensorShape;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;

import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/** Thousands of random configurations: the closed forms against brute force, against each other and against DL4J. */
class ConvArithmeticPropertiesTest {

    /** Counts window positions one by one: an independent definition of 'valid'. */
    private static int bruteForceValid(int in, int span, int stride) {
        int count = 0;
        for (int start = 0; start + span <= in; start += stride) {
            count++;
        }
        return count;
    }

    @Property(tries = 3000)
    void validConvolutionCountsTheWindowsThatFit(@ForAll @IntRange(min = 1, max = 300) int in,
            @ForAll @IntRange(min = 1, max = 11) int kernel, @ForAll @IntRange(min = 1, max = 6) int stride,
            @ForAll @IntRange(min = 1, max = 4) int dilation) {
        int span = ConvArithmetic.effectiveKernel(kernel, dilation);
        int out = ConvArithmetic.outputSize(in, kernel, stride, Padding.VALID, dilation);
        if (span > in) {
            assertThat(out).isLessThanOrEqualTo(0);
        } else {
            assertThat(out).isEqualTo(bruteForceValid(in, span, stride));
            int lost = ConvArithmetic.uncoveredInputs(in, kernel, stride, Padding.VALID, dilation);
            assertThat((out - 1) * stride + span + lost).isEqualTo(in);
            assertThat(lost).isBetween(0, stride - 1);
        }
    }

    @Property(tries = 3000)
    void samePaddingGivesCeilingAndItsPaddingCoversEveryWindow(@ForAll @IntRange(min = 1, max = 300) int in,
            @ForAll @IntRange(min = 1, max = 11) int kernel, @ForAll @IntRange(min = 1, max = 6) int stride,
            @ForAll @IntRange(min = 1, max = 4) int dilation) {
        int out = ConvArithmetic.outputSize(in, kernel, stride, Padding.SAME, dilation);
        assertThat(out).isEqualTo((in + stride - 1) / stride);
        int pad = ConvArithmetic.samePaddingTotal(in, kernel, stride, dilation);
        assertThat(bruteForceValid(in + pad, ConvArithmetic.effectiveKernel(kernel, dilation), stride)).isEqualTo(out);
        assertThat(ConvArithmetic.uncoveredInputs(in, kernel, stride, Padding.SAME, dilation)).isZero();
    }

    @Property(tries = 2000)
    void transposedConvolutionUndoesTheSizeOfAValidOne(@ForAll @IntRange(min = 1, max = 100) int in,
            @ForAll @IntRange(min = 1, max = 7) int kernel, @ForAll @IntRange(min = 1, max = 4) int stride) {
        Assume.that(kernel >= stride);
        int up = ConvArithmetic.transposedOutputSize(in, kernel, stride, Padding.VALID, null, 1);
        assertThat(up).isEqualTo((in - 1) * stride + kernel);
        assertThat(ConvArithmetic.outputSize(up, kernel, stride, Padding.VALID, 1)).isEqualTo(in);
        assertThat(ConvArithmetic.transposedOutputSize(in, kernel, stride, Padding.SAME, null, 1)).isEqualTo(in * stride);
    }

    @Property(tries = 1000)
    void transposedWithOutputPaddingFollowsKeras(@ForAll @IntRange(min = 1, max = 50) int in,
            @ForAll @IntRange(min = 1, max = 7) int kernel, @ForAll @IntRange(min = 1, max = 4) int stride,
            @ForAll @IntRange(min = 0, max = 3) int outputPadding) {
        Assume.that(outputPadding < stride);
        assertThat(ConvArithmetic.transposedOutputSize(in, kernel, stride, Padding.VALID, outputPadding, 1))
                .isEqualTo((in - 1) * stride + kernel + outputPadding);
        assertThat(ConvArithmetic.transposedOutputSize(in, kernel, stride, Padding.SAME, outputPadding, 1))
                .isEqualTo((in - 1) * stride + kernel % 2 + outputPadding);
    }

    @Property(tries = 1500)
    void conv2dAnalysisAgreesWithDl4jInputTypeInference(@ForAll @IntRange(min = 1, max = 64) int h,
            @ForAll @IntRange(min = 1, max = 64) int w, @ForAll @IntRange(min = 1, max = 4) int channels,
            @ForAll @IntRange(min = 1, max = 7) int kh, @ForAll @IntRange(min = 1, max = 7) int kw,
            @ForAll @IntRange(min = 1, max = 4) int sh, @ForAll @IntRange(min = 1, max = 4) int sw,
            @ForAll @IntRange(min = 1, max = 3) int dilation, @ForAll boolean same) {
        Assume.that(dilation == 1 || (sh == 1 && sw == 1));
        int spanH = ConvArithmetic.effectiveKernel(kh, dilation);
        int spanW = ConvArithmetic.effectiveKernel(kw, dilation);
        // DL4J returns nonsense instead of failing for impossible layers: compare only possible ones.
        Assume.that(same || (spanH <= h && spanW <= w));
        Conv2DSpec spec = Conv2DSpec.of(5, Size2D.of(kh, kw)).withStrides(Size2D.of(sh, sw))
                .withDilationRate(Size2D.square(dilation)).withPadding(same ? Padding.SAME : Padding.VALID);
        NodeAnalysis ours = ShapeInference.analyze(Network.sequential(InputLayerSpec.image(h, w, channels), spec))
                .node(NodeId.of("n2")).orElseThrow();

        ConvolutionLayer dl4j = new ConvolutionLayer.Builder(kh, kw).stride(sh, sw).dilation(dilation, dilation)
                .convolutionMode(same ? ConvolutionMode.Same : ConvolutionMode.Truncate).nIn(channels).nOut(5).build();
        InputType.InputTypeConvolutional theirs = (InputType.InputTypeConvolutional) dl4j.getOutputType(0,
                InputType.convolutional(h, w, channels));

        assertThat(ours.outputShape()).isEqualTo(TensorShape.of((int) theirs.getHeight(), (int) theirs.getWidth(),
                (int) theirs.getChannels()));
        assertThat(ours.totalParams()).isEqualTo((long) kh * kw * channels * 5 + 5);
    }

    @Property(tries = 1500)
    void poolingAnalysisAgreesWithDl4jSubsampling(@ForAll @IntRange(min = 1, max = 64) int h,
            @ForAll @IntRange(min = 1, max = 64) int w, @ForAll @IntRange(min = 1, max = 5) int ph,
            @ForAll @IntRange(min = 1, max = 5) int pw, @ForAll @IntRange(min = 1, max = 4) int sh,
            @ForAll @IntRange(min = 1, max = 4) int sw, @ForAll boolean same) {
        Assume.that(same || (ph <= h && pw <= w));
        MaxPooling2DSpec spec = MaxPooling2DSpec.of(Size2D.of(ph, pw)).withStrides(Size2D.of(sh, sw))
                .withPadding(same ? Padding.SAME : Padding.VALID);
        TensorShape ours = ShapeInference.analyze(Network.sequential(InputLayerSpec.image(h, w, 3), spec))
                .node(NodeId.of("n2")).orElseThrow().outputShape();

        SubsamplingLayer dl4j = new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX, new int[] {ph, pw}, new int[] {sh, sw})
                .convolutionMode(same ? ConvolutionMode.Same : ConvolutionMode.Truncate).build();
        InputType.InputTypeConvolutional theirs = (InputType.InputTypeConvolutional) dl4j.getOutputType(0,
                InputType.convolutional(h, w, 3));
        assertThat(ours).isEqualTo(TensorShape.of((int) theirs.getHeight(), (int) theirs.getWidth(), 3));
    }

    @Property(tries = 1500)
    void channelsFirstIsTheSameArithmeticOnPermutedAxes(@ForAll @IntRange(min = 1, max = 40) int h,
            @ForAll @IntRange(min = 1, max = 40) int w, @ForAll @IntRange(min = 1, max = 5) int k,
            @ForAll @IntRange(min = 1, max = 3) int s, @ForAll boolean same, @ForAll boolean transposed) {
        Padding padding = same ? Padding.SAME : Padding.VALID;
        TensorShape last;
        TensorShape first;
        if (transposed) {
            Conv2DTransposeSpec spec = Conv2DTransposeSpec.of(4, Size2D.square(k), Size2D.square(s)).withPadding(padding);
            last = outputOf(TensorShape.of(h, w, 2), spec);
            first = outputOf(TensorShape.of(2, h, w), spec.withDataFormat(DataFormat.CHANNELS_FIRST));
        } else {
            Conv2DSpec spec = Conv2DSpec.of(4, k).withStrides(Size2D.square(s)).withPadding(padding);
            last = outputOf(TensorShape.of(h, w, 2), spec);
            first = outputOf(TensorShape.of(2, h, w), spec.withDataFormat(DataFormat.CHANNELS_FIRST));
        }
        if (last == null) {
            assertThat(first).isNull();
        } else {
            assertThat(first).isEqualTo(TensorShape.of(last.dim(2), last.dim(0), last.dim(1)));
        }
    }

    private static TensorShape outputOf(TensorShape input, dev.stride.engine.model.LayerSpec spec) {
        return ShapeInference.analyze(Network.sequential(InputLayerSpec.of(input), spec)).node(NodeId.of("n2"))
                .orElseThrow().outputShape();
    }
}
