package dev.stride.app.editor;

import dev.stride.engine.model.AveragePooling2DSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.Conv2DTransposeSpec;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.model.DepthwiseConv2DSpec;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.shape.ConvArithmetic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The output-size formula of a convolution or pooling layer written out with the user's numbers, e.g.
 * {@code ⌊(28 + 2·0 − 3) / 2⌋ + 1 = 13} or {@code ⌈28 / 2⌉ = 14}. The numbers come from the engine's
 * {@link ConvArithmetic}; this class only typesets them.
 */
public final class ConvFormula {
    /** One spatial axis's parameters. */
    private record Axis(int in, int kernel, int stride, Padding padding, int dilation, Integer outputPadding,
            boolean transposed) {
    }

    private ConvFormula() {
    }

    /**
     * The formula lines for a layer given its input shape: one line when both axes read the same, else one per
     * axis (prefixed with the given words for height and width); empty for layers without a window.
     */
    public static List<String> lines(LayerSpec spec, TensorShape input, String heightWord, String widthWord) {
        if (input == null || input.rank() != 3) {
            return List.of();
        }
        Optional<Axis[]> axes = axes(spec, input);
        if (axes.isEmpty()) {
            return List.of();
        }
        Axis h = axes.get()[0];
        Axis w = axes.get()[1];
        if (h.equals(w)) {
            return List.of("out = " + axis(h));
        }
        List<String> lines = new ArrayList<>();
        lines.add(heightWord + " = " + axis(h));
        lines.add(widthWord + " = " + axis(w));
        return lines;
    }

    private static Optional<Axis[]> axes(LayerSpec spec, TensorShape input) {
        if (spec instanceof Conv2DSpec s) {
            return Optional.of(conv(input, s.dataFormat(), s.kernelSize(), s.strides(), s.padding(), s.dilationRate()));
        }
        if (spec instanceof SeparableConv2DSpec s) {
            return Optional.of(conv(input, s.dataFormat(), s.kernelSize(), s.strides(), s.padding(), s.dilationRate()));
        }
        if (spec instanceof DepthwiseConv2DSpec s) {
            return Optional.of(conv(input, s.dataFormat(), s.kernelSize(), s.strides(), s.padding(), s.dilationRate()));
        }
        if (spec instanceof MaxPooling2DSpec s) {
            return Optional.of(conv(input, s.dataFormat(), s.poolSize(), s.effectiveStrides(), s.padding(),
                    Size2D.square(1)));
        }
        if (spec instanceof AveragePooling2DSpec s) {
            Size2D strides = s.strides() == null ? s.poolSize() : s.strides();
            return Optional.of(conv(input, s.dataFormat(), s.poolSize(), strides, s.padding(), Size2D.square(1)));
        }
        if (spec instanceof Conv2DTransposeSpec s) {
            int[] in = spatial(input, s.dataFormat());
            Size2D op = s.outputPadding();
            return Optional.of(new Axis[] {
                new Axis(in[0], s.kernelSize().height(), s.strides().height(), s.padding(),
                        s.dilationRate().height(), op == null ? null : op.height(), true),
                new Axis(in[1], s.kernelSize().width(), s.strides().width(), s.padding(),
                        s.dilationRate().width(), op == null ? null : op.width(), true)});
        }
        return Optional.empty();
    }

    private static Axis[] conv(TensorShape input, DataFormat format, Size2D kernel, Size2D strides, Padding padding,
            Size2D dilation) {
        int[] in = spatial(input, format);
        return new Axis[] {
            new Axis(in[0], kernel.height(), strides.height(), padding, dilation.height(), null, false),
            new Axis(in[1], kernel.width(), strides.width(), padding, dilation.width(), null, false)};
    }

    private static int[] spatial(TensorShape input, DataFormat format) {
        return format == DataFormat.CHANNELS_FIRST ? new int[] {input.dim(1), input.dim(2)}
                : new int[] {input.dim(0), input.dim(1)};
    }

    private static String axis(Axis a) {
        String in = a.in() == TensorShape.UNKNOWN ? "?" : String.valueOf(a.in());
        String kernel = a.dilation() == 1 ? String.valueOf(a.kernel())
                : "(" + a.dilation() + "·(" + a.kernel() + " − 1) + 1)";
        if (a.transposed()) {
            int out = ConvArithmetic.transposedOutputSize(a.in(), a.kernel(), a.stride(), a.padding(),
                    a.outputPadding(), a.dilation());
            if (a.padding() == Padding.SAME && a.outputPadding() == null) {
                return in + " · " + a.stride() + " = " + result(out);
            }
            if (a.padding() == Padding.SAME) {
                return "(" + in + " − 1) · " + a.stride() + " + " + kernel + " mod 2 + " + a.outputPadding() + " = "
                        + result(out);
            }
            int span = ConvArithmetic.effectiveKernel(a.kernel(), a.dilation());
            int extra = a.outputPadding() != null ? a.outputPadding() : Math.max(span, a.stride()) - span;
            return "(" + in + " − 1) · " + a.stride() + " + " + kernel + " + " + extra + " = " + result(out);
        }
        int out = ConvArithmetic.outputSize(a.in(), a.kernel(), a.stride(), a.padding(), a.dilation());
        if (a.padding() == Padding.SAME) {
            return "⌈" + in + " / " + a.stride() + "⌉ = " + result(out);
        }
        return "⌊(" + in + " + 2·0 − " + kernel + ") / " + a.stride() + "⌋ + 1 = " + result(out);
    }

    private static String result(int out) {
        if (out == TensorShape.UNKNOWN) {
            return "?";
        }
        return out <= 0 ? out + "  ✗" : String.valueOf(out);
    }
}
