package dev.stride.engine.export;

import dev.stride.engine.StrideVersion;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.AddSpec;
import dev.stride.engine.model.AveragePooling2DSpec;
import dev.stride.engine.model.AverageSpec;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.ConcatenateSpec;
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
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.MaximumSpec;
import dev.stride.engine.model.MinimumSpec;
import dev.stride.engine.model.MultiplySpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.ReshapeSpec;
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.SpatialDropout2DSpec;
import dev.stride.engine.model.SubtractSpec;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.model.ZeroPadding2DSpec;
import dev.stride.engine.shape.ConvArithmetic;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.NodeAnalysis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a network with its weights as an ONNX model (opset 13) that computes what Keras would.
 *
 * <p>Names: each graph input is named after its InputLayer, each output after the layer that produces it. Image
 * inputs are (N, C, H, W) by default ({@link OnnxInputLayout}); outputs keep Keras's layout (a channels_last image
 * output is transposed back to (N, H, W, C)). Inside, images are NCHW; a channels_last network transposes to NHWC
 * before Flatten and Reshape so that Dense weights see values in Keras's (height, width, channel) order. Dropout
 * layers are left out: the model is for inference. 'same' padding is written as explicit, possibly asymmetric pads
 * (TensorFlow puts the odd pixel at the bottom and right), and average pooling excludes the padding as Keras does.
 */
public final class OnnxExporter {
    private static final String FORMAT = "ONNX";

    private final Network network;
    private final NetworkAnalysis analysis;
    private final NetworkWeights weights;
    private final OnnxInputLayout inputLayout;
    private final boolean channelsLast;
    private final OnnxGraph graph = new OnnxGraph();
    private final Map<NodeId, String> tensors = new HashMap<>();

    private OnnxExporter(Network network, NetworkAnalysis analysis, NetworkWeights weights,
            OnnxInputLayout inputLayout) {
        this.network = network;
        this.analysis = analysis;
        this.weights = weights;
        this.inputLayout = inputLayout;
        this.channelsLast = NetworkFormats.dataFormat(network) == DataFormat.CHANNELS_LAST;
    }

    /** The serialised ONNX model; throws {@link UnsupportedLayerException} naming a layer ONNX export cannot write. */
    public static byte[] export(Network network, NetworkAnalysis analysis, NetworkWeights weights,
            OnnxInputLayout inputLayout) {
        if (!analysis.isValid()) {
            throw new IllegalArgumentException("the network has shape errors; fix them before exporting: "
                    + analysis.errors().get(0).message());
        }
        return new OnnxExporter(network, analysis, weights, inputLayout).build();
    }

    private byte[] build() {
        List<NodeId> order = network.topologicalOrder()
                .orElseThrow(() -> new IllegalArgumentException("the network has a cycle"));
        for (NodeId id : order) {
            LayerNode node = network.node(id);
            tensors.put(id, translate(node));
        }
        for (NodeId sink : network.sinks()) {
            LayerNode node = network.node(sink);
            TensorShape shape = shapeOf(sink);
            String value = tensors.get(sink);
            if (isImage(shape) && channelsLast) {
                value = graph.node("Transpose", node.name() + "_nhwc", value).attrInts("perm", 0, 2, 3, 1).add();
            }
            String output = graph.node("Identity", node.name(), value).add();
            graph.output(output, batched(shape.dims()));
        }
        return graph.toModel(network.nodes().isEmpty() ? "stride" : "stride_" + network.nodes().get(0).name(),
                StrideVersion.current(), "Exported by Stride; inputs " + inputLayout + ", dropout omitted.");
    }

    private String translate(LayerNode node) {
        String name = node.name();
        LayerSpec spec = node.spec();
        List<String> in = network.inputsOf(node.id()).stream().map(tensors::get).toList();
        TensorShape inShape = network.inputsOf(node.id()).isEmpty()
                ? null : shapeOf(network.inputsOf(node.id()).get(0));
        TensorShape outShape = shapeOf(node.id());
        if (spec instanceof InputLayerSpec input) {
            return input(name, input);
        } else if (spec instanceof Conv2DSpec conv) {
            return activate(conv2d(name, in.get(0), inShape, conv), conv.activation(), outShape, name);
        } else if (spec instanceof Conv2DTransposeSpec conv) {
            return activate(conv2dTranspose(name, in.get(0), inShape, outShape, conv), conv.activation(), outShape,
                    name);
        } else if (spec instanceof DepthwiseConv2DSpec conv) {
            return activate(depthwise(name, in.get(0), inShape, conv), conv.activation(), outShape, name);
        } else if (spec instanceof SeparableConv2DSpec conv) {
            return activate(separable(name, in.get(0), inShape, conv), conv.activation(), outShape, name);
        } else if (spec instanceof MaxPooling2DSpec pool) {
            return pool("MaxPool", name, in.get(0), inShape, pool.poolSize(), pool.effectiveStrides(),
                    pool.padding());
        } else if (spec instanceof AveragePooling2DSpec pool) {
            return pool("AveragePool", name, in.get(0), inShape, pool.poolSize(), pool.effectiveStrides(),
                    pool.padding());
        } else if (spec instanceof GlobalAveragePooling2DSpec pool) {
            return global("GlobalAveragePool", name, in.get(0), pool.keepdims());
        } else if (spec instanceof GlobalMaxPooling2DSpec pool) {
            return global("GlobalMaxPool", name, in.get(0), pool.keepdims());
        } else if (spec instanceof ZeroPadding2DSpec pad) {
            return graph.node("Pad", name, in.get(0),
                    graph.int64Initializer(name + "_pads", 0, 0, pad.padding().top(), pad.padding().left(),
                            0, 0, pad.padding().bottom(), pad.padding().right())).add();
        } else if (spec instanceof Cropping2DSpec crop) {
            return crop(name, in.get(0), inShape, crop);
        } else if (spec instanceof UpSampling2DSpec up) {
            return upsample(name, in.get(0), up);
        } else if (spec instanceof BatchNormalizationSpec bn) {
            return batchNorm(name, in.get(0), inShape, bn);
        } else if (spec instanceof DropoutSpec || spec instanceof SpatialDropout2DSpec) {
            return graph.node("Identity", name, in.get(0)).add();
        } else if (spec instanceof ActivationSpec activation) {
            return graph.node("Identity", name, activate(in.get(0), activation.activation(), outShape, name)).add();
        } else if (spec instanceof FlattenSpec) {
            return graph.node("Flatten", name, toKerasLayout(in.get(0), inShape, name)).attr("axis", 1L).add();
        } else if (spec instanceof ReshapeSpec) {
            return reshape(name, in.get(0), inShape, outShape);
        } else if (spec instanceof DenseSpec dense) {
            return activate(dense(name, in.get(0), inShape, dense), dense.activation(), outShape, name);
        } else if (spec instanceof AddSpec) {
            return graph.node("Sum", name, in.toArray(String[]::new)).add();
        } else if (spec instanceof SubtractSpec) {
            return graph.node("Sub", name, in.toArray(String[]::new)).add();
        } else if (spec instanceof MultiplySpec) {
            return multiply(name, in);
        } else if (spec instanceof AverageSpec) {
            return graph.node("Mean", name, in.toArray(String[]::new)).add();
        } else if (spec instanceof MaximumSpec) {
            return graph.node("Max", name, in.toArray(String[]::new)).add();
        } else if (spec instanceof MinimumSpec) {
            return graph.node("Min", name, in.toArray(String[]::new)).add();
        } else if (spec instanceof ConcatenateSpec concat) {
            return graph.node("Concat", name, in.toArray(String[]::new))
                    .attr("axis", (long) internalAxis(concat.axis(), outShape)).add();
        }
        throw new UnsupportedLayerException(FORMAT, name, spec.kerasClassName() + " layers");
    }

    /** ONNX's Mul takes exactly two inputs, so three or more inputs multiply in a chain. */
    private String multiply(String name, List<String> in) {
        String product = in.get(0);
        for (int i = 1; i < in.size(); i++) {
            product = graph.node("Mul", name, product, in.get(i)).add();
        }
        return product;
    }

    private String input(String name, InputLayerSpec input) {
        TensorShape shape = input.shape();
        if (!isImage(shape)) {
            graph.input(name, batched(shape.dims()));
            return name;
        }
        int channels = channels(shape);
        int height = height(shape);
        int width = width(shape);
        if (inputLayout == OnnxInputLayout.NHWC) {
            graph.input(name, -1, height, width, channels);
            return graph.node("Transpose", name + "_nchw", name).attrInts("perm", 0, 3, 1, 2).add();
        }
        graph.input(name, -1, channels, height, width);
        return name;
    }

    private String conv2d(String name, String x, TensorShape in, Conv2DSpec conv) {
        String kernel = graph.initializer(name + "_kernel", weights.get(name, "kernel").transpose(3, 2, 0, 1));
        List<String> inputs = new ArrayList<>(List.of(x, kernel));
        if (conv.useBias()) {
            inputs.add(graph.initializer(name + "_bias", weights.get(name, "bias")));
        }
        return graph.node("Conv", name + "_conv", inputs.toArray(String[]::new))
                .attrInts("kernel_shape", conv.kernelSize().height(), conv.kernelSize().width())
                .attrInts("strides", conv.strides().height(), conv.strides().width())
                .attrInts("dilations", conv.dilationRate().height(), conv.dilationRate().width())
                .attrInts("pads", pads(in, conv.kernelSize(), conv.strides(), conv.dilationRate(), conv.padding()))
                .attr("group", (long) conv.groups())
                .add();
    }

    private String depthwise(String name, String x, TensorShape in, DepthwiseConv2DSpec conv) {
        WeightTensor kernel = weights.find(name, "kernel").orElseGet(() -> weights.get(name, "depthwise_kernel"));
        return depthwiseConv(name, x, in, kernel, conv.kernelSize(), conv.strides(), conv.dilationRate(),
                conv.padding(), conv.useBias() ? weights.get(name, "bias") : null);
    }

    private String separable(String name, String x, TensorShape in, SeparableConv2DSpec conv) {
        String depthwise = depthwiseConv(name, x, in, weights.get(name, "depthwise_kernel"), conv.kernelSize(),
                conv.strides(), conv.dilationRate(), conv.padding(), null);
        String pointwise = graph.initializer(name + "_pointwise",
                weights.get(name, "pointwise_kernel").transpose(3, 2, 0, 1));
        List<String> inputs = new ArrayList<>(List.of(depthwise, pointwise));
        if (conv.useBias()) {
            inputs.add(graph.initializer(name + "_bias", weights.get(name, "bias")));
        }
        return graph.node("Conv", name + "_pointwise_conv", inputs.toArray(String[]::new))
                .attrInts("kernel_shape", 1, 1).add();
    }

    /** Keras's depthwise kernel (kh, kw, in, multiplier) becomes ONNX's (in·multiplier, 1, kh, kw), group = in. */
    private String depthwiseConv(String name, String x, TensorShape in, WeightTensor kernel, Size2D size,
            Size2D strides, Size2D dilation, Padding padding, WeightTensor bias) {
        int channels = kernel.dim(2);
        int multiplier = kernel.dim(3);
        WeightTensor onnxKernel = kernel.transpose(2, 3, 0, 1)
                .reshape(channels * multiplier, 1, size.height(), size.width());
        List<String> inputs = new ArrayList<>(List.of(x, graph.initializer(name + "_depthwise", onnxKernel)));
        if (bias != null) {
            inputs.add(graph.initializer(name + "_bias", bias));
        }
        return graph.node("Conv", name + "_depthwise_conv", inputs.toArray(String[]::new))
                .attrInts("kernel_shape", size.height(), size.width())
                .attrInts("strides", strides.height(), strides.width())
                .attrInts("dilations", dilation.height(), dilation.width())
                .attrInts("pads", pads(in, size, strides, dilation, padding))
                .attr("group", (long) channels)
                .add();
    }

    /**
     * Keras's transposed convolution crops the full ("valid") result the way the matching forward convolution
     * would have padded: {@code before = total / 2}; the rest of the difference to Keras's output size is cropped
     * at the end, or added as output padding when the output is larger than the full result.
     */
    private String conv2dTranspose(String name, String x, TensorShape in, TensorShape out,
            Conv2DTransposeSpec conv) {
        int[] begin = new int[2];
        int[] end = new int[2];
        int[] extra = new int[2];
        int[] kernel = {conv.kernelSize().height(), conv.kernelSize().width()};
        int[] stride = {conv.strides().height(), conv.strides().width()};
        int[] dilation = {conv.dilationRate().height(), conv.dilationRate().width()};
        int[] inSize = {height(in), width(in)};
        int[] outSize = {height(out), width(out)};
        for (int axis = 0; axis < 2; axis++) {
            int full = (inSize[axis] - 1) * stride[axis] + ConvArithmetic.effectiveKernel(kernel[axis], dilation[axis]);
            if (conv.padding() == Padding.SAME) {
                begin[axis] = ConvArithmetic.samePaddingTotal(outSize[axis], kernel[axis], stride[axis],
                        dilation[axis]) / 2;
            }
            int remaining = full - outSize[axis] - begin[axis];
            if (remaining >= 0) {
                end[axis] = remaining;
            } else {
                extra[axis] = -remaining;
            }
        }
        List<String> inputs = new ArrayList<>(List.of(x,
                graph.initializer(name + "_kernel", weights.get(name, "kernel").transpose(3, 2, 0, 1))));
        if (conv.useBias()) {
            inputs.add(graph.initializer(name + "_bias", weights.get(name, "bias")));
        }
        return graph.node("ConvTranspose", name + "_conv", inputs.toArray(String[]::new))
                .attrInts("kernel_shape", kernel[0], kernel[1])
                .attrInts("strides", stride[0], stride[1])
                .attrInts("dilations", dilation[0], dilation[1])
                .attrInts("pads", begin[0], begin[1], end[0], end[1])
                .attrInts("output_padding", extra[0], extra[1])
                .add();
    }

    private String pool(String op, String name, String x, TensorShape in, Size2D pool, Size2D strides,
            Padding padding) {
        OnnxGraph.Node node = graph.node(op, name, x)
                .attrInts("kernel_shape", pool.height(), pool.width())
                .attrInts("strides", strides.height(), strides.width())
                .attrInts("pads", pads(in, pool, strides, Size2D.square(1), padding));
        if (op.equals("AveragePool")) {
            node.attr("count_include_pad", 0L);
        }
        return node.add();
    }

    private String global(String op, String name, String x, boolean keepdims) {
        String pooled = graph.node(op, name + "_pool", x).add();
        return keepdims ? pooled : graph.node("Flatten", name, pooled).attr("axis", 1L).add();
    }

    private String crop(String name, String x, TensorShape in, Cropping2DSpec crop) {
        String starts = graph.int64Initializer(name + "_starts", crop.cropping().top(), crop.cropping().left());
        String ends = graph.int64Initializer(name + "_ends", height(in) - crop.cropping().bottom(),
                width(in) - crop.cropping().right());
        String axes = graph.int64Initializer(name + "_axes", 2, 3);
        return graph.node("Slice", name, x, starts, ends, axes).add();
    }

    private String upsample(String name, String x, UpSampling2DSpec up) {
        String scales = graph.floatInitializer(name + "_scales", 1f, 1f, up.size().height(), up.size().width());
        OnnxGraph.Node node = graph.node("Resize", name, x, "", scales);
        if (up.interpolation().equals("nearest")) {
            node.attr("mode", "nearest").attr("coordinate_transformation_mode", "asymmetric")
                    .attr("nearest_mode", "floor");
        } else if (up.interpolation().equals("bilinear")) {
            node.attr("mode", "linear").attr("coordinate_transformation_mode", "half_pixel");
        } else {
            throw new UnsupportedLayerException(FORMAT, name,
                    "interpolation '" + up.interpolation() + "' (use 'nearest' or 'bilinear')");
        }
        return node.add();
    }

    private String batchNorm(String name, String x, TensorShape in, BatchNormalizationSpec bn) {
        int keras = bn.axis() < 0 ? in.rank() + 1 + bn.axis() : bn.axis();
        if (internalAxis(keras, in) != 1) {
            throw new UnsupportedLayerException(FORMAT, name,
                    "normalising axis " + bn.axis() + " rather than the channel axis");
        }
        int channels = isImage(in) ? channels(in) : in.dim(-1);
        WeightTensor gamma = bn.scale() ? weights.get(name, "gamma") : WeightTensor.filled(1f, channels);
        WeightTensor beta = bn.center() ? weights.get(name, "beta") : WeightTensor.filled(0f, channels);
        return graph.node("BatchNormalization", name, x,
                        graph.initializer(name + "_gamma", gamma),
                        graph.initializer(name + "_beta", beta),
                        graph.initializer(name + "_mean", weights.get(name, "moving_mean")),
                        graph.initializer(name + "_variance", weights.get(name, "moving_variance")))
                .attr("epsilon", (float) bn.epsilon())
                .add();
    }

    private String reshape(String name, String x, TensorShape in, TensorShape out) {
        String flat = toKerasLayout(x, in, name);
        long[] target = new long[out.rank() + 1];
        target[0] = 0; // ONNX: 0 copies the batch dimension
        for (int i = 0; i < out.rank(); i++) {
            target[i + 1] = out.dim(i);
        }
        String reshaped = graph.node("Reshape", name + "_reshape", flat,
                graph.int64Initializer(name + "_shape", target)).add();
        if (isImage(out) && channelsLast) {
            return graph.node("Transpose", name, reshaped).attrInts("perm", 0, 3, 1, 2).add();
        }
        return reshaped;
    }

    private String dense(String name, String x, TensorShape in, DenseSpec dense) {
        WeightTensor kernel = weights.get(name, "kernel");
        if (in.rank() == 1) {
            List<String> inputs = new ArrayList<>(List.of(x, graph.initializer(name + "_kernel", kernel)));
            if (dense.useBias()) {
                inputs.add(graph.initializer(name + "_bias", weights.get(name, "bias")));
            }
            return graph.node("Gemm", name + "_gemm", inputs.toArray(String[]::new)).add();
        }
        // Dense on a higher-rank tensor acts on Keras's last axis: work in Keras's layout, then go back.
        String keras = toKerasLayout(x, in, name);
        String product = graph.node("MatMul", name + "_matmul", keras, graph.initializer(name + "_kernel", kernel))
                .add();
        if (dense.useBias()) {
            product = graph.node("Add", name + "_add", product,
                    graph.initializer(name + "_bias", weights.get(name, "bias"))).add();
        }
        if (isImage(in) && channelsLast) {
            return graph.node("Transpose", name + "_nchw", product).attrInts("perm", 0, 3, 1, 2).add();
        }
        return product;
    }

    /** Applies a Keras activation; {@code shape} tells where the last Keras axis lives for softmax. */
    private String activate(String x, Activation activation, TensorShape shape, String name) {
        long lastAxis = isImage(shape) && channelsLast ? 1 : -1;
        String base = name + "_" + activation.kerasName();
        return switch (activation) {
            case LINEAR -> x;
            case RELU -> graph.node("Relu", base, x).add();
            case RELU6 -> graph.node("Clip", base, x, graph.floatScalar(name + "_min", 0f),
                    graph.floatScalar(name + "_max", 6f)).add();
            case LEAKY_RELU -> graph.node("LeakyRelu", base, x).attr("alpha", 0.2f).add();
            case ELU -> graph.node("Elu", base, x).attr("alpha", 1f).add();
            case SELU -> graph.node("Selu", base, x).add();
            case SIGMOID -> graph.node("Sigmoid", base, x).add();
            case HARD_SIGMOID -> graph.node("HardSigmoid", base, x).attr("alpha", 1f / 6f).attr("beta", 0.5f).add();
            case TANH -> graph.node("Tanh", base, x).add();
            case SOFTMAX -> graph.node("Softmax", base, x).attr("axis", lastAxis).add();
            case LOG_SOFTMAX -> graph.node("LogSoftmax", base, x).attr("axis", lastAxis).add();
            case SOFTPLUS -> graph.node("Softplus", base, x).add();
            case SOFTSIGN -> graph.node("Softsign", base, x).add();
            case EXPONENTIAL -> graph.node("Exp", base, x).add();
            case SWISH, SILU -> graph.node("Mul", base, x, graph.node("Sigmoid", base + "_gate", x).add()).add();
            case HARD_SILU, HARD_SWISH -> graph.node("Mul", base, x, graph.node("HardSigmoid", base + "_gate", x)
                    .attr("alpha", 1f / 6f).attr("beta", 0.5f).add()).add();
            case MISH -> graph.node("Mul", base, x, graph.node("Tanh", base + "_tanh",
                    graph.node("Softplus", base + "_softplus", x).add()).add()).add();
            case GELU -> gelu(x, base);
        };
    }

    /** Keras's default GELU is the exact one: x · ½ · (1 + erf(x / √2)). */
    private String gelu(String x, String base) {
        String scaled = graph.node("Mul", base + "_scaled", x,
                graph.floatScalar(base + "_rsqrt2", (float) (1 / Math.sqrt(2)))).add();
        String erf = graph.node("Erf", base + "_erf", scaled).add();
        String plusOne = graph.node("Add", base + "_plus1", erf, graph.floatScalar(base + "_one", 1f)).add();
        String half = graph.node("Mul", base + "_half", plusOne, graph.floatScalar(base + "_0_5", 0.5f)).add();
        return graph.node("Mul", base, x, half).add();
    }

    /** For a channels_last image, NCHW back to NHWC so that flattening and reshaping see Keras's order. */
    private String toKerasLayout(String x, TensorShape shape, String name) {
        if (isImage(shape) && channelsLast) {
            return graph.node("Transpose", name + "_nhwc", x).attrInts("perm", 0, 2, 3, 1).add();
        }
        return x;
    }

    /** TensorFlow's padding: (top, left, bottom, right) with the odd pixel at the bottom and right. */
    private long[] pads(TensorShape in, Size2D kernel, Size2D strides, Size2D dilation, Padding padding) {
        if (padding == Padding.VALID) {
            return new long[] {0, 0, 0, 0};
        }
        int vertical = ConvArithmetic.samePaddingTotal(height(in), kernel.height(), strides.height(),
                dilation.height());
        int horizontal = ConvArithmetic.samePaddingTotal(width(in), kernel.width(), strides.width(),
                dilation.width());
        return new long[] {vertical / 2, horizontal / 2, vertical - vertical / 2, horizontal - horizontal / 2};
    }

    /** A Keras axis (1-based with the batch at 0, or negative) of a tensor of {@code shape} as an NCHW axis. */
    private int internalAxis(int kerasAxis, TensorShape shape) {
        int axis = kerasAxis < 0 ? shape.rank() + 1 + kerasAxis : kerasAxis;
        if (isImage(shape) && channelsLast) {
            return switch (axis) {
                case 1 -> 2;
                case 2 -> 3;
                case 3 -> 1;
                default -> axis;
            };
        }
        return axis;
    }

    private TensorShape shapeOf(NodeId id) {
        TensorShape shape = analysis.node(id).map(NodeAnalysis::outputShape).orElse(null);
        if (shape == null) {
            throw new IllegalArgumentException("layer '" + network.node(id).name() + "' has no known output shape");
        }
        return shape;
    }

    private static boolean isImage(TensorShape shape) {
        return shape.rank() == 3;
    }

    private int channels(TensorShape image) {
        return channelsLast ? image.dim(2) : image.dim(0);
    }

    private int height(TensorShape image) {
        return channelsLast ? image.dim(0) : image.dim(1);
    }

    private int width(TensorShape image) {
        return channelsLast ? image.dim(1) : image.dim(2);
    }

    private static long[] batched(List<Integer> dims) {
        long[] result = new long[dims.size() + 1];
        result[0] = -1;
        for (int i = 0; i < dims.size(); i++) {
            result[i + 1] = dims.get(i);
        }
        return result;
    }
}
