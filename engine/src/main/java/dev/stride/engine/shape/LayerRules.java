package dev.stride.engine.shape;

import static dev.stride.engine.shape.Texts.count;
import static dev.stride.engine.shape.Texts.size;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.AveragePooling1DSpec;
import dev.stride.engine.model.AveragePooling2DSpec;
import dev.stride.engine.model.AveragePooling3DSpec;
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
import dev.stride.engine.model.GlobalAveragePooling1DSpec;
import dev.stride.engine.model.GlobalAveragePooling2DSpec;
import dev.stride.engine.model.GlobalAveragePooling3DSpec;
import dev.stride.engine.model.GlobalMaxPooling1DSpec;
import dev.stride.engine.model.GlobalMaxPooling2DSpec;
import dev.stride.engine.model.GlobalMaxPooling3DSpec;
import dev.stride.engine.model.Initializer;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Margins;
import dev.stride.engine.model.MaxPooling1DSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.MaxPooling3DSpec;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.ReshapeSpec;
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.SpatialDropout2DSpec;
import dev.stride.engine.model.SubtractSpec;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.model.ZeroPadding2DSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keras's per-layer shape and parameter rules. Each rule reports every problem it finds as a diagnostic and returns
 * null when the layer cannot produce an output.
 */
final class LayerRules {
    /** Above this many weights a Dense layer earns a warning: it dominates memory and overfits small data. */
    static final long LARGE_DENSE_PARAMS = 10_000_000L;

    private final LayerNode node;
    private final List<Diagnostic> diagnostics;

    private LayerRules(LayerNode node, List<Diagnostic> diagnostics) {
        this.node = node;
        this.diagnostics = diagnostics;
    }

    /** Applies the rule for the node's layer kind to the shapes of its inputs (in input order). */
    static LayerOutcome apply(LayerNode node, List<TensorShape> inputs, List<Diagnostic> diagnostics) {
        return new LayerRules(node, diagnostics).dispatch(node.spec(), inputs);
    }

    private LayerOutcome dispatch(LayerSpec spec, List<TensorShape> in) {
        if (spec instanceof InputLayerSpec s) {
            return input(s);
        } else if (spec instanceof SubtractSpec) {
            return subtract(in);
        } else if (spec.isMerge() && !(spec instanceof ConcatenateSpec)) {
            return elementwise(in);
        } else if (spec instanceof ConcatenateSpec s) {
            return concatenate(s, in);
        }
        TensorShape x = in.get(0);
        if (spec instanceof Conv2DSpec s) {
            return conv2d(s, x);
        } else if (spec instanceof Conv2DTransposeSpec s) {
            return conv2dTranspose(s, x);
        } else if (spec instanceof SeparableConv2DSpec s) {
            return separable(s, x);
        } else if (spec instanceof DepthwiseConv2DSpec s) {
            return depthwise(s, x);
        } else if (spec instanceof MaxPooling2DSpec s) {
            return pooling(x, s.poolSize(), s.effectiveStrides(), s.padding(), s.dataFormat());
        } else if (spec instanceof AveragePooling2DSpec s) {
            return pooling(x, s.poolSize(), s.effectiveStrides(), s.padding(), s.dataFormat());
        } else if (spec instanceof GlobalMaxPooling2DSpec s) {
            return globalPooling(x, s.dataFormat(), s.keepdims());
        } else if (spec instanceof GlobalAveragePooling2DSpec s) {
            return globalPooling(x, s.dataFormat(), s.keepdims());
        } else if (spec instanceof MaxPooling1DSpec s) {
            return pooling(x, new int[] {s.poolSize()}, new int[] {s.effectiveStrides()}, s.padding(), s.dataFormat());
        } else if (spec instanceof AveragePooling1DSpec s) {
            return pooling(x, new int[] {s.poolSize()}, new int[] {s.effectiveStrides()}, s.padding(), s.dataFormat());
        } else if (spec instanceof MaxPooling3DSpec s) {
            return pooling(x, s.poolSize().toArray(), s.effectiveStrides().toArray(), s.padding(), s.dataFormat());
        } else if (spec instanceof AveragePooling3DSpec s) {
            return pooling(x, s.poolSize().toArray(), s.effectiveStrides().toArray(), s.padding(), s.dataFormat());
        } else if (spec instanceof GlobalMaxPooling1DSpec s) {
            return globalPooling(x, 1, s.dataFormat(), s.keepdims());
        } else if (spec instanceof GlobalAveragePooling1DSpec s) {
            return globalPooling(x, 1, s.dataFormat(), s.keepdims());
        } else if (spec instanceof GlobalMaxPooling3DSpec s) {
            return globalPooling(x, 3, s.dataFormat(), s.keepdims());
        } else if (spec instanceof GlobalAveragePooling3DSpec s) {
            return globalPooling(x, 3, s.dataFormat(), s.keepdims());
        } else if (spec instanceof ZeroPadding2DSpec s) {
            return zeroPadding(s, x);
        } else if (spec instanceof Cropping2DSpec s) {
            return cropping(s, x);
        } else if (spec instanceof UpSampling2DSpec s) {
            return upSampling(s, x);
        } else if (spec instanceof BatchNormalizationSpec s) {
            return batchNormalization(s, x);
        } else if (spec instanceof DropoutSpec s) {
            return rate(s.rate()) ? LayerOutcome.passThrough(x) : null;
        } else if (spec instanceof SpatialDropout2DSpec s) {
            boolean ok = rate(s.rate());
            return image(x, s.dataFormat()) != null && ok ? LayerOutcome.passThrough(x) : null;
        } else if (spec instanceof ActivationSpec) {
            return LayerOutcome.passThrough(x);
        } else if (spec instanceof FlattenSpec) {
            return flatten(x);
        } else if (spec instanceof ReshapeSpec s) {
            return reshape(s, x);
        } else if (spec instanceof DenseSpec s) {
            return dense(s, x);
        }
        throw new IllegalStateException("no shape rule for " + spec.kerasClassName());
    }

    // ---- reporting -------------------------------------------------------------------------------------------

    private void error(String parameter, String message) {
        diagnostics.add(Diagnostic.error(node.id(), parameter, message));
    }

    private void warning(String parameter, String message) {
        diagnostics.add(Diagnostic.warning(node.id(), parameter, message));
    }

    private String kind() {
        return node.spec().kerasClassName();
    }

    private boolean positive(String parameter, int value) {
        if (value <= 0) {
            error(parameter, parameter + " must be at least 1, got " + value);
            return false;
        }
        return true;
    }

    private boolean positive(String parameter, Size2D value) {
        if (value.height() <= 0 || value.width() <= 0) {
            error(parameter, parameter + " must be at least 1×1, got " + size(value));
            return false;
        }
        return true;
    }

    private boolean rate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            error("rate", "rate is the fraction of values dropped and must be between 0 and 1, got " + rate);
            return false;
        }
        if (rate == 1) {
            warning("rate", "rate 1 drops every value during training, so nothing reaches the next layer;"
                    + " use a rate such as 0.25 or 0.5");
        }
        return true;
    }

    private boolean noStridedDilation(Size2D strides, Size2D dilation) {
        if (Math.max(strides.height(), strides.width()) > 1 && Math.max(dilation.height(), dilation.width()) > 1) {
            error("dilation_rate", "strides " + size(strides) + " together with dilation_rate " + size(dilation)
                    + " is not supported by Keras or TensorFlow; use strides 1 with dilation, or dilation 1"
                    + " with strides");
            return false;
        }
        return true;
    }

    // ---- images ----------------------------------------------------------------------------------------------

    /** The axes of a rank-3 image in the layer's data format. */
    private record Image(int height, int width, int channels, DataFormat format) {
        TensorShape shape(int newHeight, int newWidth, int newChannels) {
            return format == DataFormat.CHANNELS_LAST
                    ? TensorShape.of(newHeight, newWidth, newChannels)
                    : TensorShape.of(newChannels, newHeight, newWidth);
        }

        String spatial() {
            return size(height, width).replace(String.valueOf(TensorShape.UNKNOWN), "?");
        }
    }

    private Image image(TensorShape x, DataFormat format) {
        if (x.rank() != 3) {
            String layout = format == DataFormat.CHANNELS_LAST ? "(height, width, channels)" : "(channels, height, width)";
            String hint = x.rank() < 3
                    ? "; remove the Flatten before it or add a Reshape to an image shape"
                    : "; add a Reshape to a rank-3 image shape";
            error(null, kind() + " needs an image input " + layout + " but gets shape " + x + " (rank " + x.rank()
                    + ")" + hint);
            return null;
        }
        return format == DataFormat.CHANNELS_LAST
                ? new Image(x.dim(0), x.dim(1), x.dim(2), format)
                : new Image(x.dim(1), x.dim(2), x.dim(0), format);
    }

    private Image imageWithChannels(TensorShape x, DataFormat format) {
        Image image = image(x, format);
        if (image != null && image.channels() == TensorShape.UNKNOWN) {
            error(null, kind() + " needs the number of input channels to be known, got shape " + x
                    + "; give the InputLayer a fixed channel count");
            return null;
        }
        return image;
    }

    private static long macs(int... factors) {
        long product = 1;
        for (int factor : factors) {
            if (factor == TensorShape.UNKNOWN) {
                return -1;
            }
            product *= factor;
        }
        return product;
    }

    /** Output size on both axes, with the errors and warnings a windowed layer (conv or pool) deserves. */
    private int[] windowed(Image in, Size2D kernel, Size2D strides, Padding padding, Size2D dilation, String what,
            String parameter) {
        int outH = ConvArithmetic.outputSize(in.height(), kernel.height(), strides.height(), padding,
                dilation.height());
        int outW = ConvArithmetic.outputSize(in.width(), kernel.width(), strides.width(), padding, dilation.width());
        boolean hBad = in.height() != TensorShape.UNKNOWN && outH <= 0;
        boolean wBad = in.width() != TensorShape.UNKNOWN && outW <= 0;
        if (hBad || wBad) {
            int spanH = ConvArithmetic.effectiveKernel(kernel.height(), dilation.height());
            int spanW = ConvArithmetic.effectiveKernel(kernel.width(), dilation.width());
            boolean dilated = spanH != kernel.height() || spanW != kernel.width();
            error(parameter, what + " " + size(kernel) + (dilated ? ", dilated to " + size(spanH, spanW) + "," : "")
                    + " is larger than the " + in.spatial() + " input; use padding 'same', a smaller " + what
                    + (dilated ? " or less dilation" : "") + ", or a larger input");
            return null;
        }
        int lostRows = ConvArithmetic.uncoveredInputs(in.height(), kernel.height(), strides.height(), padding,
                dilation.height());
        int lostCols = ConvArithmetic.uncoveredInputs(in.width(), kernel.width(), strides.width(), padding,
                dilation.width());
        if (lostRows > 0 || lostCols > 0) {
            List<String> parts = new ArrayList<>();
            if (lostRows > 0) {
                parts.add(lostRows == 1 ? "the last row" : "the last " + lostRows + " rows");
            }
            if (lostCols > 0) {
                parts.add(lostCols == 1 ? "the last column" : "the last " + lostCols + " columns");
            }
            warning("strides", "with strides " + size(strides) + " " + String.join(" and ", parts) + " of the "
                    + in.spatial() + " input " + (parts.size() > 1 || lostRows + lostCols > 1 ? "are" : "is")
                    + " never covered; use padding 'same' or an input size that fits");
        }
        return new int[] {outH, outW};
    }

    // ---- layers ----------------------------------------------------------------------------------------------

    private LayerOutcome input(InputLayerSpec spec) {
        TensorShape shape = spec.shape();
        if (shape.rank() == 0) {
            // Keras allows Input(shape=()): one number per example. Legal, but rarely what a student meant.
            warning("shape", "the input shape is empty, so each example is a single number; give a shape such as"
                    + " 28×28×1 for images or 4 for a feature vector if that is not what you meant");
        }
        for (int dim : shape.dims()) {
            if (dim <= 0 && dim != TensorShape.UNKNOWN) {
                error("shape", "every input dimension must be at least 1, got " + shape);
                return null;
            }
        }
        return LayerOutcome.passThrough(shape);
    }

    /** Keras's Identity initializer builds an identity matrix, so it only fits 2-D weights such as a Dense kernel. */
    private boolean identityFits(String parameter, Initializer initializer, Supplier<String> weightShape, int rank) {
        if (initializer.kind() == Initializer.Kind.IDENTITY && rank != 2) {
            error(parameter, "the identity initializer needs a 2-D weight (a Dense kernel) but this weight is "
                    + weightShape.get() + "; use 'orthogonal' or 'glorot_uniform'");
            return false;
        }
        return true;
    }

    private LayerOutcome conv2d(Conv2DSpec s, TensorShape x) {
        boolean ok = positive("filters", s.filters()) & positive("kernel_size", s.kernelSize())
                & positive("strides", s.strides()) & positive("dilation_rate", s.dilationRate())
                & positive("groups", s.groups());
        ok = ok && noStridedDilation(s.strides(), s.dilationRate());
        if (ok && s.filters() % s.groups() != 0) {
            error("groups", "filters " + s.filters() + " is not divisible by groups " + s.groups()
                    + "; use a number of filters that is a multiple of " + s.groups());
            ok = false;
        }
        Image in = imageWithChannels(x, s.dataFormat());
        if (!ok || in == null) {
            return null;
        }
        if (in.channels() % s.groups() != 0) {
            error("groups", "the " + in.channels() + " input channels are not divisible by groups " + s.groups()
                    + "; use groups that divide " + in.channels());
            return null;
        }
        int[] out = windowed(in, s.kernelSize(), s.strides(), s.padding(), s.dilationRate(), "kernel", "kernel_size");
        if (out == null) {
            return null;
        }
        int perGroup = in.channels() / s.groups();
        boolean fits = identityFits("kernel_initializer", s.kernelInitializer(), () -> size(s.kernelSize()) + "×"
                + perGroup + "×" + s.filters(), 4) & identityFits("bias_initializer", s.biasInitializer(),
                () -> String.valueOf(s.filters()), s.useBias() ? 1 : 2);
        if (!fits) {
            return null;
        }
        long params = (long) s.kernelSize().height() * s.kernelSize().width() * perGroup * s.filters()
                + (s.useBias() ? s.filters() : 0);
        long macs = macs(out[0], out[1], s.filters(), s.kernelSize().height(), s.kernelSize().width(), perGroup);
        return new LayerOutcome(in.shape(out[0], out[1], s.filters()), params, 0, macs);
    }

    private LayerOutcome conv2dTranspose(Conv2DTransposeSpec s, TensorShape x) {
        boolean ok = positive("filters", s.filters()) & positive("kernel_size", s.kernelSize())
                & positive("strides", s.strides()) & positive("dilation_rate", s.dilationRate());
        ok = ok && noStridedDilation(s.strides(), s.dilationRate());
        Size2D op = s.outputPadding();
        if (ok && op != null) {
            if (op.height() < 0 || op.width() < 0) {
                error("output_padding", "output_padding must not be negative, got " + size(op));
                ok = false;
            } else if (op.height() >= s.strides().height() || op.width() >= s.strides().width()) {
                error("output_padding", "output_padding " + size(op) + " must be smaller than the strides "
                        + size(s.strides()) + "; use at most " + size(s.strides().height() - 1, s.strides().width() - 1));
                ok = false;
            }
        }
        Image in = imageWithChannels(x, s.dataFormat());
        if (!ok || in == null) {
            return null;
        }
        int outH = ConvArithmetic.transposedOutputSize(in.height(), s.kernelSize().height(), s.strides().height(),
                s.padding(), op == null ? null : op.height(), s.dilationRate().height());
        int outW = ConvArithmetic.transposedOutputSize(in.width(), s.kernelSize().width(), s.strides().width(),
                s.padding(), op == null ? null : op.width(), s.dilationRate().width());
        boolean fits = identityFits("kernel_initializer", s.kernelInitializer(), () -> size(s.kernelSize()) + "×"
                + s.filters() + "×" + in.channels(), 4) & identityFits("bias_initializer", s.biasInitializer(),
                () -> String.valueOf(s.filters()), s.useBias() ? 1 : 2);
        if (!fits) {
            return null;
        }
        long params = (long) s.kernelSize().height() * s.kernelSize().width() * s.filters() * in.channels()
                + (s.useBias() ? s.filters() : 0);
        long macs = macs(in.height(), in.width(), in.channels(), s.kernelSize().height(), s.kernelSize().width(),
                s.filters());
        return new LayerOutcome(in.shape(outH, outW, s.filters()), params, 0, macs);
    }

    private LayerOutcome separable(SeparableConv2DSpec s, TensorShape x) {
        boolean ok = positive("filters", s.filters()) & positive("kernel_size", s.kernelSize())
                & positive("strides", s.strides()) & positive("dilation_rate", s.dilationRate())
                & positive("depth_multiplier", s.depthMultiplier());
        ok = ok && noStridedDilation(s.strides(), s.dilationRate());
        Image in = imageWithChannels(x, s.dataFormat());
        if (!ok || in == null) {
            return null;
        }
        int[] out = windowed(in, s.kernelSize(), s.strides(), s.padding(), s.dilationRate(), "kernel", "kernel_size");
        if (out == null) {
            return null;
        }
        boolean fits = identityFits("depthwise_initializer", s.depthwiseInitializer(), () -> "4-D", 4)
                & identityFits("pointwise_initializer", s.pointwiseInitializer(), () -> "4-D", 4)
                & identityFits("bias_initializer", s.biasInitializer(), () -> "1-D", s.useBias() ? 1 : 2);
        if (!fits) {
            return null;
        }
        long k = (long) s.kernelSize().height() * s.kernelSize().width();
        long depthwise = k * in.channels() * s.depthMultiplier();
        long pointwise = (long) in.channels() * s.depthMultiplier() * s.filters();
        long params = depthwise + pointwise + (s.useBias() ? s.filters() : 0);
        long spatial = macs(out[0], out[1]);
        long macs = spatial < 0 ? -1 : spatial * (depthwise + pointwise);
        return new LayerOutcome(in.shape(out[0], out[1], s.filters()), params, 0, macs);
    }

    private LayerOutcome depthwise(DepthwiseConv2DSpec s, TensorShape x) {
        boolean ok = positive("kernel_size", s.kernelSize()) & positive("strides", s.strides())
                & positive("dilation_rate", s.dilationRate()) & positive("depth_multiplier", s.depthMultiplier());
        ok = ok && noStridedDilation(s.strides(), s.dilationRate());
        Image in = imageWithChannels(x, s.dataFormat());
        if (!ok || in == null) {
            return null;
        }
        int[] out = windowed(in, s.kernelSize(), s.strides(), s.padding(), s.dilationRate(), "kernel", "kernel_size");
        if (out == null) {
            return null;
        }
        int channels = in.channels() * s.depthMultiplier();
        boolean fits = identityFits("depthwise_initializer", s.depthwiseInitializer(), () -> "4-D", 4)
                & identityFits("bias_initializer", s.biasInitializer(), () -> "1-D", s.useBias() ? 1 : 2);
        if (!fits) {
            return null;
        }
        long params = (long) s.kernelSize().height() * s.kernelSize().width() * channels
                + (s.useBias() ? channels : 0);
        long macs = macs(out[0], out[1], channels, s.kernelSize().height(), s.kernelSize().width());
        return new LayerOutcome(in.shape(out[0], out[1], channels), params, 0, macs);
    }

    private LayerOutcome pooling(TensorShape x, Size2D pool, Size2D strides, Padding padding, DataFormat format) {
        boolean ok = positive("pool_size", pool) & positive("strides", strides);
        Image in = image(x, format);
        if (!ok || in == null) {
            return null;
        }
        int[] out = windowed(in, pool, strides, padding, Size2D.square(1), "pool", "pool_size");
        if (out == null) {
            return null;
        }
        return LayerOutcome.passThrough(in.shape(out[0], out[1], in.channels()));
    }

    private LayerOutcome globalPooling(TensorShape x, DataFormat format, boolean keepdims) {
        Image in = image(x, format);
        if (in == null) {
            return null;
        }
        return LayerOutcome.passThrough(keepdims ? in.shape(1, 1, in.channels()) : TensorShape.of(in.channels()));
    }

    /**
     * Keras's base_global_pooling.py for 1-D (steps, features) and 3-D (depth, height, width, channels) inputs: the
     * input must have exactly {@code spatialRank} + 1 axes; keepdims keeps each spatial axis as 1.
     */
    private LayerOutcome globalPooling(TensorShape x, int spatialRank, DataFormat format, boolean keepdims) {
        if (!hasSpatialRank(x, spatialRank, format)) {
            return null;
        }
        boolean channelsLast = format == DataFormat.CHANNELS_LAST;
        int channels = channelsLast ? x.dim(-1) : x.dim(0);
        if (!keepdims) {
            return LayerOutcome.passThrough(TensorShape.of(channels));
        }
        List<Integer> dims = new ArrayList<>(Collections.nCopies(spatialRank, 1));
        dims.add(channelsLast ? dims.size() : 0, channels);
        return LayerOutcome.passThrough(new TensorShape(dims));
    }

    /** True when {@code x} is a 1-D sequence or 3-D volume with channels; otherwise reports why not. */
    private boolean hasSpatialRank(TensorShape x, int spatialRank, DataFormat format) {
        if (x.rank() == spatialRank + 1) {
            return true;
        }
        String layout = spatialRank == 1
                ? (format == DataFormat.CHANNELS_LAST ? "(steps, features)" : "(features, steps)")
                : (format == DataFormat.CHANNELS_LAST ? "(depth, height, width, channels)"
                        : "(channels, depth, height, width)");
        error(null, kind() + " needs a rank-" + (spatialRank + 1) + " input " + layout + " but gets shape " + x
                + " (rank " + x.rank() + "); add a Reshape to that shape");
        return false;
    }

    /**
     * MaxPooling1D/3D and AveragePooling1D/3D (Keras's compute_pooling_output_shape): each spatial axis by
     * {@link ConvArithmetic#poolOutputSize}; a window larger than a 'valid' input is an error as in 2-D.
     */
    private LayerOutcome pooling(TensorShape x, int[] pool, int[] strides, Padding padding, DataFormat format) {
        boolean ok = positive("pool_size", pool) & positive("strides", strides);
        if (!hasSpatialRank(x, pool.length, format) || !ok) {
            return null;
        }
        int first = format == DataFormat.CHANNELS_LAST ? 0 : 1;
        List<Integer> dims = new ArrayList<>(x.dims());
        List<String> lost = new ArrayList<>();
        for (int axis = 0; axis < pool.length; axis++) {
            int in = x.dim(first + axis);
            int out = ConvArithmetic.poolOutputSize(in, pool[axis], strides[axis], padding);
            if (in != TensorShape.UNKNOWN && out <= 0) {
                error("pool_size", "pool " + tuple(pool) + " is larger than the " + spatial(x, first, pool.length)
                        + " input; use padding 'same', a smaller pool, or a larger input");
                return null;
            }
            int uncovered = ConvArithmetic.uncoveredInputs(in, pool[axis], strides[axis], padding, 1);
            if (uncovered > 0) {
                String word = pool.length == 1 ? "step" : new String[] {"depth slice", "row", "column"}[axis];
                lost.add(uncovered == 1 ? "the last " + word : "the last " + uncovered + " " + word + "s");
            }
            dims.set(first + axis, out);
        }
        if (!lost.isEmpty()) {
            warning("strides", "with strides " + tuple(strides) + ", no window covers " + String.join(" or ", lost)
                    + " of the " + spatial(x, first, pool.length) + " input; use padding 'same' or an input size"
                    + " that fits");
        }
        return LayerOutcome.passThrough(new TensorShape(dims));
    }

    private boolean positive(String parameter, int[] values) {
        for (int value : values) {
            if (value <= 0) {
                error(parameter, parameter + " must be at least 1, got " + tuple(values));
                return false;
            }
        }
        return true;
    }

    private static String tuple(int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int value : values) {
            sb.append(sb.length() == 0 ? "" : "×").append(value);
        }
        return sb.toString();
    }

    private static String spatial(TensorShape x, int first, int count) {
        StringBuilder sb = new StringBuilder();
        for (int axis = first; axis < first + count; axis++) {
            int dim = x.dim(axis);
            sb.append(sb.length() == 0 ? "" : "×").append(dim == TensorShape.UNKNOWN ? "?" : String.valueOf(dim));
        }
        return sb.toString();
    }

    private static int plus(int dim, int amount) {
        return dim == TensorShape.UNKNOWN ? dim : dim + amount;
    }

    private LayerOutcome zeroPadding(ZeroPadding2DSpec s, TensorShape x) {
        Margins p = s.padding();
        if (p.top() < 0 || p.bottom() < 0 || p.left() < 0 || p.right() < 0) {
            error("padding", "padding must not be negative, got ((" + p.top() + ", " + p.bottom() + "), ("
                    + p.left() + ", " + p.right() + ")); use Cropping2D to remove rows or columns");
            return null;
        }
        Image in = image(x, s.dataFormat());
        if (in == null) {
            return null;
        }
        return LayerOutcome.passThrough(in.shape(plus(in.height(), p.vertical()), plus(in.width(), p.horizontal()),
                in.channels()));
    }

    private LayerOutcome cropping(Cropping2DSpec s, TensorShape x) {
        Margins c = s.cropping();
        if (c.top() < 0 || c.bottom() < 0 || c.left() < 0 || c.right() < 0) {
            error("cropping", "cropping must not be negative, got ((" + c.top() + ", " + c.bottom() + "), ("
                    + c.left() + ", " + c.right() + ")); use ZeroPadding2D to add rows or columns");
            return null;
        }
        Image in = image(x, s.dataFormat());
        if (in == null) {
            return null;
        }
        boolean ok = true;
        if (in.height() != TensorShape.UNKNOWN && c.vertical() >= in.height()) {
            error("cropping", "cropping " + c.top() + "+" + c.bottom() + " rows removes the whole "
                    + in.height() + "-row input; crop fewer than " + in.height() + " rows in total");
            ok = false;
        }
        if (in.width() != TensorShape.UNKNOWN && c.horizontal() >= in.width()) {
            error("cropping", "cropping " + c.left() + "+" + c.right() + " columns removes the whole "
                    + in.width() + "-column input; crop fewer than " + in.width() + " columns in total");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        return LayerOutcome.passThrough(in.shape(plus(in.height(), -c.vertical()), plus(in.width(), -c.horizontal()),
                in.channels()));
    }

    private LayerOutcome upSampling(UpSampling2DSpec s, TensorShape x) {
        boolean ok = positive("size", s.size());
        Image in = image(x, s.dataFormat());
        if (!ok || in == null) {
            return null;
        }
        int h = in.height() == TensorShape.UNKNOWN ? in.height() : in.height() * s.size().height();
        int w = in.width() == TensorShape.UNKNOWN ? in.width() : in.width() * s.size().width();
        return LayerOutcome.passThrough(in.shape(h, w, in.channels()));
    }

    /** Keras axis (0 = batch) to an index into a shape without the batch dimension, or −1 if out of range. */
    private static int kerasAxis(int axis, int rank) {
        int full = axis < 0 ? axis + rank + 1 : axis;
        return full >= 1 && full <= rank ? full - 1 : -1;
    }

    private LayerOutcome batchNormalization(BatchNormalizationSpec s, TensorShape x) {
        boolean ok = true;
        if (!(s.momentum() >= 0 && s.momentum() <= 1)) {
            error("momentum", "momentum must be between 0 and 1, got " + s.momentum() + "; Keras uses 0.99");
            ok = false;
        }
        int axis = kerasAxis(s.axis(), x.rank());
        if (axis < 0) {
            error("axis", "axis " + s.axis() + " does not name a feature axis of the " + x + " input (rank "
                    + x.rank() + " plus the batch axis 0); use -1 for channels_last or 1 for channels_first");
            return null;
        }
        int features = x.dim(axis);
        if (features == TensorShape.UNKNOWN) {
            error("axis", "the normalised axis " + s.axis() + " of shape " + x + " must be known");
            return null;
        }
        if (!ok) {
            return null;
        }
        boolean fits = identityFits("beta_initializer", s.betaInitializer(), () -> "1-D", s.center() ? 1 : 2)
                & identityFits("gamma_initializer", s.gammaInitializer(), () -> "1-D", s.scale() ? 1 : 2)
                & identityFits("moving_mean_initializer", s.movingMeanInitializer(), () -> "1-D", 1)
                & identityFits("moving_variance_initializer", s.movingVarianceInitializer(), () -> "1-D", 1);
        if (!fits) {
            return null;
        }
        long learned = (long) features * ((s.center() ? 1 : 0) + (s.scale() ? 1 : 0));
        long statistics = (long) features * (s.renorm() ? 5 : 2);
        long elements = x.elementCount();
        return new LayerOutcome(x, learned, statistics, elements);
    }

    private LayerOutcome flatten(TensorShape x) {
        long elements = x.elementCount();
        if (elements > Integer.MAX_VALUE) {
            error(null, "flattening " + x + " gives " + count(elements) + " values, more than Keras can index;"
                    + " reduce the feature map with pooling or strided convolutions first");
            return null;
        }
        return LayerOutcome.passThrough(TensorShape.of(elements < 0 ? TensorShape.UNKNOWN : (int) elements));
    }

    private LayerOutcome reshape(ReshapeSpec s, TensorShape x) {
        List<Integer> target = s.targetShape();
        int unknownIndex = -1;
        long known = 1;
        for (int i = 0; i < target.size(); i++) {
            int dim = target.get(i);
            if (dim == -1) {
                if (unknownIndex >= 0) {
                    error("target_shape", "target_shape " + target + " has more than one -1; only one"
                            + " dimension can be inferred");
                    return null;
                }
                unknownIndex = i;
            } else if (dim < 0) {
                error("target_shape", "target_shape " + target + " contains " + dim
                        + "; use positive sizes and at most one -1");
                return null;
            } else {
                known *= dim;
            }
        }
        if (target.isEmpty()) {
            error("target_shape", "target_shape is empty; give at least one dimension, e.g. [" + x.elementCount()
                    + "]");
            return null;
        }
        long elements = x.elementCount();
        if (elements < 0) {
            return LayerOutcome.passThrough(new TensorShape(target));
        }
        if (unknownIndex < 0) {
            if (known != elements) {
                error("target_shape", "target_shape " + target + " holds " + count(known) + " values but the "
                        + x + " input has " + count(elements) + "; the sizes must multiply to " + count(elements));
                return null;
            }
            return LayerOutcome.passThrough(new TensorShape(target));
        }
        if (known == 0 || elements % known != 0) {
            error("target_shape", "the " + count(elements) + " values of the " + x + " input cannot be divided"
                    + " into target_shape " + target + "; the known sizes multiply to " + count(known)
                    + ", which must divide " + count(elements));
            return null;
        }
        List<Integer> resolved = new ArrayList<>(target);
        resolved.set(unknownIndex, (int) (elements / known));
        return LayerOutcome.passThrough(new TensorShape(resolved));
    }

    private LayerOutcome dense(DenseSpec s, TensorShape x) {
        if (!positive("units", s.units())) {
            return null;
        }
        if (x.rank() == 0) {
            error(null, "Dense needs an input with at least one axis but gets a single number per example;"
                    + " add a Reshape to [1]");
            return null;
        }
        int features = x.dim(-1);
        if (features == TensorShape.UNKNOWN) {
            error(null, "Dense needs the size of the last axis of its input to be known, got " + x);
            return null;
        }
        if (!identityFits("bias_initializer", s.biasInitializer(), () -> String.valueOf(s.units()),
                s.useBias() ? 1 : 2)) {
            return null;
        }
        long params = (long) features * s.units() + (s.useBias() ? s.units() : 0);
        if (params > LARGE_DENSE_PARAMS) {
            warning("units", "this Dense layer has " + count(params) + " parameters (" + count(features)
                    + " inputs × " + count(s.units()) + " units); shrink its input with pooling, strided"
                    + " convolutions or GlobalAveragePooling2D before Flatten");
        }
        long elements = x.elementCount();
        long macs = elements < 0 ? -1 : elements * s.units();
        return new LayerOutcome(x.withDim(-1, s.units()), params, 0, macs);
    }

    /** Keras's Subtract refuses anything but two inputs ("should be called on exactly 2 inputs"). */
    private LayerOutcome subtract(List<TensorShape> in) {
        if (in.size() != 2) {
            error(null, "Subtract takes exactly 2 inputs (first minus second) but " + in.size()
                    + (in.size() == 1 ? " is" : " are") + " connected; connect exactly two branches");
            return null;
        }
        return elementwise(in);
    }

    /** Add, Subtract, Multiply, Average, Maximum and Minimum: Keras's element-wise merge shape, no weights. */
    private LayerOutcome elementwise(List<TensorShape> in) {
        TensorShape result = in.get(0);
        for (int i = 1; i < in.size(); i++) {
            TensorShape merged = broadcast(result, in.get(i));
            if (merged == null) {
                error(null, kind() + " needs inputs of the same shape but gets " + describe(in)
                        + "; make them match, e.g. with a 1×1 Conv2D on the shortcut or a Concatenate instead");
                return null;
            }
            result = merged;
        }
        return LayerOutcome.passThrough(result);
    }

    /** Keras's element-wise merge shape: trailing axes aligned, 1 broadcasts, unknown matches anything. */
    private static TensorShape broadcast(TensorShape a, TensorShape b) {
        if (a.rank() < b.rank()) {
            TensorShape swap = a;
            a = b;
            b = swap;
        }
        List<Integer> out = new ArrayList<>(a.dims().subList(0, a.rank() - b.rank()));
        for (int k = 0; k < b.rank(); k++) {
            int i = a.dim(a.rank() - b.rank() + k);
            int j = b.dim(k);
            if (i == TensorShape.UNKNOWN || j == TensorShape.UNKNOWN) {
                out.add(TensorShape.UNKNOWN);
            } else if (i == 1) {
                out.add(j);
            } else if (j == 1 || i == j) {
                out.add(i);
            } else {
                return null;
            }
        }
        return new TensorShape(out);
    }

    private static String describe(List<TensorShape> shapes) {
        List<String> parts = new ArrayList<>();
        for (TensorShape shape : shapes) {
            parts.add(shape.toString());
        }
        return String.join(" and ", parts);
    }

    private LayerOutcome concatenate(ConcatenateSpec s, List<TensorShape> in) {
        int rank = in.get(0).rank();
        for (TensorShape shape : in) {
            if (shape.rank() != rank) {
                error(null, "Concatenate needs inputs of the same rank but gets " + describe(in)
                        + "; add a Reshape or Flatten so they match");
                return null;
            }
        }
        int axis = kerasAxis(s.axis(), rank);
        if (axis < 0) {
            error("axis", "axis " + s.axis() + " is not a feature axis of inputs of rank " + rank
                    + " (0 is the batch axis); use -1 to join channels_last feature maps");
            return null;
        }
        TensorShape first = in.get(0);
        int joined = 0;
        for (TensorShape shape : in) {
            for (int d = 0; d < rank; d++) {
                int a = first.dim(d);
                int b = shape.dim(d);
                if (d != axis && a != b && a != TensorShape.UNKNOWN && b != TensorShape.UNKNOWN) {
                    error(null, "Concatenate on axis " + s.axis() + " needs all other axes to match but gets "
                            + describe(in) + "; resize the inputs (pooling, padding or cropping) so only axis "
                            + s.axis() + " differs");
                    return null;
                }
            }
            int size = shape.dim(axis);
            joined = joined == TensorShape.UNKNOWN || size == TensorShape.UNKNOWN ? TensorShape.UNKNOWN : joined + size;
        }
        return LayerOutcome.passThrough(first.withDim(axis, joined));
    }

    /** True if the spec applies softmax as its activation. */
    static boolean appliesSoftmax(LayerSpec spec) {
        Activation activation = null;
        if (spec instanceof ActivationSpec s) {
            activation = s.activation();
        } else if (spec instanceof DenseSpec s) {
            activation = s.activation();
        } else if (spec instanceof Conv2DSpec s) {
            activation = s.activation();
        } else if (spec instanceof Conv2DTransposeSpec s) {
            activation = s.activation();
        } else if (spec instanceof SeparableConv2DSpec s) {
            activation = s.activation();
        } else if (spec instanceof DepthwiseConv2DSpec s) {
            activation = s.activation();
        }
        return activation == Activation.SOFTMAX;
    }
}
