package dev.stride.engine.explain;

import dev.stride.engine.model.AveragePooling2DSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.Conv2DTransposeSpec;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.TensorShape;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The numbers the explainer animates: a layer's input size, kernel, stride, dilation and padding per axis
 * (and output_padding for a transposed convolution). Build it from a selected layer with the {@code for…} factories.
 */
public record ConvolutionSetup(
        LayerKind kind,
        int inputHeight,
        int inputWidth,
        int kernelHeight,
        int kernelWidth,
        int strideHeight,
        int strideWidth,
        int dilationHeight,
        int dilationWidth,
        PaddingMode padding,
        OptionalInt outputPaddingHeight,
        OptionalInt outputPaddingWidth) {

    public ConvolutionSetup {
        requirePositive("input height", inputHeight);
        requirePositive("input width", inputWidth);
        requirePositive("kernel height", kernelHeight);
        requirePositive("kernel width", kernelWidth);
        requirePositive("stride height", strideHeight);
        requirePositive("stride width", strideWidth);
        requirePositive("dilation height", dilationHeight);
        requirePositive("dilation width", dilationWidth);
        if (kind == LayerKind.POOLING && (dilationHeight != 1 || dilationWidth != 1)) {
            throw new IllegalArgumentException("pooling has no dilation, got " + dilationHeight + "×" + dilationWidth);
        }
    }

    /** A square set-up, the classroom case. */
    public static ConvolutionSetup square(LayerKind kind, int input, int kernel, int stride, PaddingMode padding,
                                          int dilation) {
        return new ConvolutionSetup(kind, input, input, kernel, kernel, stride, stride, dilation, dilation, padding,
                OptionalInt.empty(), OptionalInt.empty());
    }

    /** From a Conv2D layer's numbers; {@code kerasPadding} is "valid" or "same". */
    public static ConvolutionSetup forConv2D(int inputHeight, int inputWidth, int kernelHeight, int kernelWidth,
                                             int strideHeight, int strideWidth, String kerasPadding,
                                             int dilationHeight, int dilationWidth) {
        return new ConvolutionSetup(LayerKind.CONVOLUTION, inputHeight, inputWidth, kernelHeight, kernelWidth,
                strideHeight, strideWidth, dilationHeight, dilationWidth, parseKerasPadding(kerasPadding),
                OptionalInt.empty(), OptionalInt.empty());
    }

    /** From a Conv2DTranspose layer's numbers; an absent output_padding is Keras's {@code None}. */
    public static ConvolutionSetup forConv2DTranspose(int inputHeight, int inputWidth, int kernelHeight,
                                                      int kernelWidth, int strideHeight, int strideWidth,
                                                      String kerasPadding, int dilationHeight, int dilationWidth,
                                                      OptionalInt outputPaddingHeight,
                                                      OptionalInt outputPaddingWidth) {
        return new ConvolutionSetup(LayerKind.TRANSPOSED_CONVOLUTION, inputHeight, inputWidth, kernelHeight,
                kernelWidth, strideHeight, strideWidth, dilationHeight, dilationWidth,
                parseKerasPadding(kerasPadding), outputPaddingHeight, outputPaddingWidth);
    }

    /** From a MaxPooling2D / AveragePooling2D layer's numbers. */
    public static ConvolutionSetup forPooling(int inputHeight, int inputWidth, int poolHeight, int poolWidth,
                                              int strideHeight, int strideWidth, String kerasPadding) {
        return new ConvolutionSetup(LayerKind.POOLING, inputHeight, inputWidth, poolHeight, poolWidth, strideHeight,
                strideWidth, 1, 1, parseKerasPadding(kerasPadding), OptionalInt.empty(), OptionalInt.empty());
    }

    /**
     * The set-up of a designed layer given the shape that reaches it (no batch axis), or empty when the layer is not
     * a Conv2D, Conv2DTranspose or 2-D pooling layer, or its input size is not known yet.
     */
    public static Optional<ConvolutionSetup> forLayer(LayerSpec layer, TensorShape input) {
        DataFormat format;
        if (layer instanceof Conv2DSpec conv) {
            format = conv.dataFormat();
        } else if (layer instanceof Conv2DTransposeSpec transposed) {
            format = transposed.dataFormat();
        } else if (layer instanceof MaxPooling2DSpec max) {
            format = max.dataFormat();
        } else if (layer instanceof AveragePooling2DSpec average) {
            format = average.dataFormat();
        } else {
            return Optional.empty();
        }
        if (input == null || input.rank() != 3) {
            return Optional.empty();
        }
        int heightAxis = format == DataFormat.CHANNELS_FIRST ? 1 : 0;
        int height = input.dim(heightAxis);
        int width = input.dim(heightAxis + 1);
        if (height < 1 || width < 1) {
            return Optional.empty();
        }
        if (layer instanceof Conv2DSpec conv) {
            return Optional.of(forConv2D(height, width, conv.kernelSize().height(), conv.kernelSize().width(),
                    conv.strides().height(), conv.strides().width(), conv.padding().kerasName(),
                    conv.dilationRate().height(), conv.dilationRate().width()));
        }
        if (layer instanceof Conv2DTransposeSpec t) {
            Size2D op = t.outputPadding();
            return Optional.of(forConv2DTranspose(height, width, t.kernelSize().height(), t.kernelSize().width(),
                    t.strides().height(), t.strides().width(), t.padding().kerasName(), t.dilationRate().height(),
                    t.dilationRate().width(), op == null ? OptionalInt.empty() : OptionalInt.of(op.height()),
                    op == null ? OptionalInt.empty() : OptionalInt.of(op.width())));
        }
        if (layer instanceof MaxPooling2DSpec max) {
            return Optional.of(forPooling(height, width, max.poolSize().height(), max.poolSize().width(),
                    max.effectiveStrides().height(), max.effectiveStrides().width(), max.padding().kerasName()));
        }
        AveragePooling2DSpec average = (AveragePooling2DSpec) layer;
        return Optional.of(forPooling(height, width, average.poolSize().height(), average.poolSize().width(),
                average.effectiveStrides().height(), average.effectiveStrides().width(),
                average.padding().kerasName()));
    }

    public boolean transposed() {
        return kind == LayerKind.TRANSPOSED_CONVOLUTION;
    }

    public ConvolutionSetup withPadding(PaddingMode newPadding) {
        return new ConvolutionSetup(kind, inputHeight, inputWidth, kernelHeight, kernelWidth, strideHeight,
                strideWidth, dilationHeight, dilationWidth, newPadding, outputPaddingHeight, outputPaddingWidth);
    }

    public ConvolutionSetup withKind(LayerKind newKind) {
        int dh = newKind == LayerKind.POOLING ? 1 : dilationHeight;
        int dw = newKind == LayerKind.POOLING ? 1 : dilationWidth;
        OptionalInt oph = newKind == LayerKind.TRANSPOSED_CONVOLUTION ? outputPaddingHeight : OptionalInt.empty();
        OptionalInt opw = newKind == LayerKind.TRANSPOSED_CONVOLUTION ? outputPaddingWidth : OptionalInt.empty();
        return new ConvolutionSetup(newKind, inputHeight, inputWidth, kernelHeight, kernelWidth, strideHeight,
                strideWidth, dh, dw, padding, oph, opw);
    }

    private static PaddingMode parseKerasPadding(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "valid" -> PaddingMode.valid();
            case "same" -> PaddingMode.same();
            case "full" -> PaddingMode.full();
            default -> throw new IllegalArgumentException("padding must be 'valid', 'same' or 'full', got '"
                    + value + "'");
        };
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be 1 or more, got " + value);
        }
    }
}
