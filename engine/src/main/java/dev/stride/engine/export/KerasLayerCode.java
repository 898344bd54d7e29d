package dev.stride.engine.export;

import static dev.stride.engine.export.PythonSyntax.bool;
import static dev.stride.engine.export.PythonSyntax.number;
import static dev.stride.engine.export.PythonSyntax.pair;
import static dev.stride.engine.export.PythonSyntax.string;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.AddSpec;
import dev.stride.engine.model.AveragePooling1DSpec;
import dev.stride.engine.model.AveragePooling2DSpec;
import dev.stride.engine.model.AveragePooling3DSpec;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.ConcatenateSpec;
import dev.stride.engine.model.Constraint;
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
import dev.stride.engine.model.Regularizer;
import dev.stride.engine.model.ReshapeSpec;
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.SpatialDropout2DSpec;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.model.ZeroPadding2DSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One layer as a Keras 3 constructor call, e.g. {@code layers.Conv2D(32, (3, 3), strides=(2, 2), padding="same",
 * activation="relu")}: positional arguments as the Keras tutorials write them, then every keyword argument whose
 * value differs from Keras's default.
 */
public final class KerasLayerCode {
    private static final Size2D ONE = Size2D.square(1);

    private KerasLayerCode() {
    }

    /** The selected layer's Keras line for the designer's Code pane (no name: the tutorials omit it). */
    public static String selectedLayerKeras(LayerNode node) {
        return call(node.spec(), null);
    }

    /** The constructor call; {@code name} (may be null) is added as {@code name="…"}. */
    static String call(LayerSpec spec, String name) {
        List<String> args = new ArrayList<>();
        String className = spec.kerasClassName();
        if (spec instanceof InputLayerSpec input) {
            args.add("shape=" + PythonSyntax.tuple(input.shape().dims()));
            if (input.batchSize() != null) {
                args.add("batch_size=" + input.batchSize());
            }
            if (name != null) {
                args.add("name=" + string(name));
            }
            return "keras.Input(" + String.join(", ", args) + ")";
        } else if (spec instanceof Conv2DSpec s) {
            args.add(String.valueOf(s.filters()));
            args.add(pair(s.kernelSize()));
            convCommon(args, s.strides(), s.padding(), s.dataFormat(), s.dilationRate());
            if (s.groups() != 1) {
                args.add("groups=" + s.groups());
            }
            activation(args, s.activation());
            weightArgs(args, s.useBias(), "kernel", s.kernelInitializer(), "glorot_uniform",
                    s.biasInitializer(), s.kernelRegularizer(), s.biasRegularizer(), s.activityRegularizer(),
                    s.kernelConstraint(), s.biasConstraint());
        } else if (spec instanceof Conv2DTransposeSpec s) {
            args.add(String.valueOf(s.filters()));
            args.add(pair(s.kernelSize()));
            if (!s.strides().equals(ONE)) {
                args.add("strides=" + pair(s.strides()));
            }
            if (s.padding() != Padding.VALID) {
                args.add("padding=" + string(s.padding().kerasName()));
            }
            if (s.outputPadding() != null) {
                args.add("output_padding=" + pair(s.outputPadding()));
            }
            dataFormat(args, s.dataFormat());
            if (!s.dilationRate().equals(ONE)) {
                args.add("dilation_rate=" + pair(s.dilationRate()));
            }
            activation(args, s.activation());
            weightArgs(args, s.useBias(), "kernel", s.kernelInitializer(), "glorot_uniform",
                    s.biasInitializer(), s.kernelRegularizer(), s.biasRegularizer(), s.activityRegularizer(),
                    s.kernelConstraint(), s.biasConstraint());
        } else if (spec instanceof SeparableConv2DSpec s) {
            args.add(String.valueOf(s.filters()));
            args.add(pair(s.kernelSize()));
            convCommon(args, s.strides(), s.padding(), s.dataFormat(), s.dilationRate());
            if (s.depthMultiplier() != 1) {
                args.add("depth_multiplier=" + s.depthMultiplier());
            }
            activation(args, s.activation());
            if (!s.useBias()) {
                args.add("use_bias=False");
            }
            initializer(args, "depthwise_initializer", s.depthwiseInitializer(), "glorot_uniform");
            initializer(args, "pointwise_initializer", s.pointwiseInitializer(), "glorot_uniform");
            initializer(args, "bias_initializer", s.biasInitializer(), "zeros");
            regularizer(args, "depthwise_regularizer", s.depthwiseRegularizer());
            regularizer(args, "pointwise_regularizer", s.pointwiseRegularizer());
            regularizer(args, "bias_regularizer", s.biasRegularizer());
            regularizer(args, "activity_regularizer", s.activityRegularizer());
            constraint(args, "depthwise_constraint", s.depthwiseConstraint());
            constraint(args, "pointwise_constraint", s.pointwiseConstraint());
            constraint(args, "bias_constraint", s.biasConstraint());
        } else if (spec instanceof DepthwiseConv2DSpec s) {
            args.add(pair(s.kernelSize()));
            if (!s.strides().equals(ONE)) {
                args.add("strides=" + pair(s.strides()));
            }
            if (s.padding() != Padding.VALID) {
                args.add("padding=" + string(s.padding().kerasName()));
            }
            if (s.depthMultiplier() != 1) {
                args.add("depth_multiplier=" + s.depthMultiplier());
            }
            dataFormat(args, s.dataFormat());
            if (!s.dilationRate().equals(ONE)) {
                args.add("dilation_rate=" + pair(s.dilationRate()));
            }
            activation(args, s.activation());
            if (!s.useBias()) {
                args.add("use_bias=False");
            }
            initializer(args, "depthwise_initializer", s.depthwiseInitializer(), "glorot_uniform");
            initializer(args, "bias_initializer", s.biasInitializer(), "zeros");
            regularizer(args, "depthwise_regularizer", s.depthwiseRegularizer());
            regularizer(args, "bias_regularizer", s.biasRegularizer());
            regularizer(args, "activity_regularizer", s.activityRegularizer());
            constraint(args, "depthwise_constraint", s.depthwiseConstraint());
            constraint(args, "bias_constraint", s.biasConstraint());
        } else if (spec instanceof MaxPooling2DSpec s) {
            pooling(args, s.poolSize(), s.strides(), s.padding(), s.dataFormat());
        } else if (spec instanceof AveragePooling2DSpec s) {
            pooling(args, s.poolSize(), s.strides(), s.padding(), s.dataFormat());
        } else if (spec instanceof MaxPooling1DSpec s) {
            pooling(args, new int[] {s.poolSize()}, s.strides() == null ? null : new int[] {s.strides()},
                    s.padding(), s.dataFormat());
        } else if (spec instanceof AveragePooling1DSpec s) {
            pooling(args, new int[] {s.poolSize()}, s.strides() == null ? null : new int[] {s.strides()},
                    s.padding(), s.dataFormat());
        } else if (spec instanceof MaxPooling3DSpec s) {
            pooling(args, s.poolSize().toArray(), s.strides() == null ? null : s.strides().toArray(), s.padding(),
                    s.dataFormat());
        } else if (spec instanceof AveragePooling3DSpec s) {
            pooling(args, s.poolSize().toArray(), s.strides() == null ? null : s.strides().toArray(), s.padding(),
                    s.dataFormat());
        } else if (spec instanceof GlobalMaxPooling2DSpec s) {
            dataFormat(args, s.dataFormat());
            if (s.keepdims()) {
                args.add("keepdims=True");
            }
        } else if (spec instanceof GlobalAveragePooling2DSpec s) {
            dataFormat(args, s.dataFormat());
            if (s.keepdims()) {
                args.add("keepdims=True");
            }
        } else if (spec instanceof GlobalMaxPooling1DSpec s) {
            dataFormat(args, s.dataFormat());
            if (s.keepdims()) {
                args.add("keepdims=True");
            }
        } else if (spec instanceof GlobalAveragePooling1DSpec s) {
            dataFormat(args, s.dataFormat());
            if (s.keepdims()) {
                args.add("keepdims=True");
            }
        } else if (spec instanceof GlobalMaxPooling3DSpec s) {
            dataFormat(args, s.dataFormat());
            if (s.keepdims()) {
                args.add("keepdims=True");
            }
        } else if (spec instanceof GlobalAveragePooling3DSpec s) {
            dataFormat(args, s.dataFormat());
            if (s.keepdims()) {
                args.add("keepdims=True");
            }
        } else if (spec instanceof ZeroPadding2DSpec s) {
            if (!s.padding().equals(Margins.uniform(1))) {
                args.add("padding=" + margins(s.padding()));
            }
            dataFormat(args, s.dataFormat());
        } else if (spec instanceof Cropping2DSpec s) {
            if (!s.cropping().equals(Margins.uniform(0))) {
                args.add("cropping=" + margins(s.cropping()));
            }
            dataFormat(args, s.dataFormat());
        } else if (spec instanceof UpSampling2DSpec s) {
            if (!s.size().equals(Size2D.square(2))) {
                args.add("size=" + pair(s.size()));
            }
            dataFormat(args, s.dataFormat());
            if (!s.interpolation().equals("nearest")) {
                args.add("interpolation=" + string(s.interpolation()));
            }
        } else if (spec instanceof BatchNormalizationSpec s) {
            if (s.axis() != -1) {
                args.add("axis=" + s.axis());
            }
            if (s.momentum() != 0.99) {
                args.add("momentum=" + number(s.momentum()));
            }
            if (s.epsilon() != 0.001) {
                args.add("epsilon=" + number(s.epsilon()));
            }
            if (!s.center()) {
                args.add("center=False");
            }
            if (!s.scale()) {
                args.add("scale=False");
            }
            initializer(args, "beta_initializer", s.betaInitializer(), "zeros");
            initializer(args, "gamma_initializer", s.gammaInitializer(), "ones");
            initializer(args, "moving_mean_initializer", s.movingMeanInitializer(), "zeros");
            initializer(args, "moving_variance_initializer", s.movingVarianceInitializer(), "ones");
            regularizer(args, "beta_regularizer", s.betaRegularizer());
            regularizer(args, "gamma_regularizer", s.gammaRegularizer());
            constraint(args, "beta_constraint", s.betaConstraint());
            constraint(args, "gamma_constraint", s.gammaConstraint());
        } else if (spec instanceof DropoutSpec s) {
            args.add(number(s.rate()));
            if (s.noiseShape() != null) {
                args.add("noise_shape=" + PythonSyntax.tuple(s.noiseShape()));
            }
            if (s.seed() != null) {
                args.add("seed=" + s.seed());
            }
        } else if (spec instanceof SpatialDropout2DSpec s) {
            args.add(number(s.rate()));
            dataFormat(args, s.dataFormat());
            if (s.seed() != null) {
                args.add("seed=" + s.seed());
            }
        } else if (spec instanceof ActivationSpec s) {
            args.add(string(s.activation().kerasName()));
        } else if (spec instanceof FlattenSpec s) {
            dataFormat(args, s.dataFormat());
        } else if (spec instanceof ReshapeSpec s) {
            args.add(PythonSyntax.tuple(s.targetShape()));
        } else if (spec instanceof DenseSpec s) {
            args.add(String.valueOf(s.units()));
            activation(args, s.activation());
            weightArgs(args, s.useBias(), "kernel", s.kernelInitializer(), "glorot_uniform",
                    s.biasInitializer(), s.kernelRegularizer(), s.biasRegularizer(), s.activityRegularizer(),
                    s.kernelConstraint(), s.biasConstraint());
        } else if (spec instanceof AddSpec) {
            // no arguments
        } else if (spec instanceof ConcatenateSpec s) {
            if (s.axis() != -1) {
                args.add("axis=" + s.axis());
            }
        }
        if (name != null) {
            args.add("name=" + string(name));
        }
        return "layers." + className + "(" + String.join(", ", args) + ")";
    }

    private static void convCommon(List<String> args, Size2D strides, Padding padding, DataFormat format,
            Size2D dilation) {
        if (!strides.equals(ONE)) {
            args.add("strides=" + pair(strides));
        }
        if (padding != Padding.VALID) {
            args.add("padding=" + string(padding.kerasName()));
        }
        dataFormat(args, format);
        if (!dilation.equals(ONE)) {
            args.add("dilation_rate=" + pair(dilation));
        }
    }

    /** 1-D and 3-D pooling: Keras's default pool size 2 left out, sizes as Python tuples. */
    private static void pooling(List<String> args, int[] pool, int[] strides, Padding padding, DataFormat format) {
        if (java.util.Arrays.stream(pool).anyMatch(v -> v != 2)) {
            args.add(pythonTuple(pool));
        }
        if (strides != null) {
            args.add("strides=" + pythonTuple(strides));
        }
        if (padding != Padding.VALID) {
            args.add("padding=" + string(padding.kerasName()));
        }
        dataFormat(args, format);
    }

    private static String pythonTuple(int[] values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return sb.append(values.length == 1 ? ",)" : ")").toString();
    }

    private static void pooling(List<String> args, Size2D pool, Size2D strides, Padding padding, DataFormat format) {
        if (!pool.equals(Size2D.square(2))) {
            args.add(pair(pool));
        }
        if (strides != null) {
            args.add("strides=" + pair(strides));
        }
        if (padding != Padding.VALID) {
            args.add("padding=" + string(padding.kerasName()));
        }
        dataFormat(args, format);
    }

    private static void dataFormat(List<String> args, DataFormat format) {
        if (format != DataFormat.CHANNELS_LAST) {
            args.add("data_format=" + string(format.kerasName()));
        }
    }

    private static void activation(List<String> args, Activation activation) {
        if (activation != Activation.LINEAR) {
            args.add("activation=" + string(activation.kerasName()));
        }
    }

    private static void weightArgs(List<String> args, boolean useBias, String kernel,
            Initializer kernelInitializer, String kernelDefault, Initializer biasInitializer,
            Regularizer kernelRegularizer, Regularizer biasRegularizer, Regularizer activityRegularizer,
            Constraint kernelConstraint, Constraint biasConstraint) {
        if (!useBias) {
            args.add("use_bias=False");
        }
        initializer(args, kernel + "_initializer", kernelInitializer, kernelDefault);
        initializer(args, "bias_initializer", biasInitializer, "zeros");
        regularizer(args, kernel + "_regularizer", kernelRegularizer);
        regularizer(args, "bias_regularizer", biasRegularizer);
        regularizer(args, "activity_regularizer", activityRegularizer);
        constraint(args, kernel + "_constraint", kernelConstraint);
        constraint(args, "bias_constraint", biasConstraint);
    }

    private static void initializer(List<String> args, String keyword, Initializer value, String kerasDefault) {
        if (value.equals(Initializer.of(Initializer.Kind.fromKeras(kerasDefault)))) {
            return;
        }
        args.add(keyword + "=" + initializer(value));
    }

    /** A string alias when every argument is Keras's default, else the class with its changed arguments. */
    static String initializer(Initializer value) {
        if (value.equals(Initializer.of(value.kind()))) {
            return string(value.kind().alias());
        }
        String changed = value.arguments().entrySet().stream()
                .filter(e -> !java.util.Objects.equals(e.getValue(), value.kind().defaults().get(e.getKey())))
                .map(e -> e.getKey() + "=" + literal(e.getValue()))
                .collect(Collectors.joining(", "));
        return "keras.initializers." + value.kind().kerasClassName() + "(" + changed + ")";
    }

    private static void regularizer(List<String> args, String keyword, Regularizer value) {
        if (value != null) {
            args.add(keyword + "=" + regularizer(value));
        }
    }

    static String regularizer(Regularizer value) {
        if (value instanceof Regularizer.L1 l1) {
            return "keras.regularizers.L1(l1=" + number(l1.l1()) + ")";
        } else if (value instanceof Regularizer.L2 l2) {
            return "keras.regularizers.L2(l2=" + number(l2.l2()) + ")";
        } else if (value instanceof Regularizer.L1L2 both) {
            return "keras.regularizers.L1L2(l1=" + number(both.l1()) + ", l2=" + number(both.l2()) + ")";
        }
        throw new IllegalArgumentException("unknown regularizer " + value);
    }

    private static void constraint(List<String> args, String keyword, Constraint value) {
        if (value != null) {
            args.add(keyword + "=" + constraint(value));
        }
    }

    static String constraint(Constraint value) {
        if (value instanceof Constraint.MaxNorm c) {
            return "keras.constraints.MaxNorm(max_value=" + number(c.maxValue()) + ", axis=" + axis(c.axis()) + ")";
        } else if (value instanceof Constraint.NonNeg) {
            return "keras.constraints.NonNeg()";
        } else if (value instanceof Constraint.UnitNorm c) {
            return "keras.constraints.UnitNorm(axis=" + axis(c.axis()) + ")";
        } else if (value instanceof Constraint.MinMaxNorm c) {
            return "keras.constraints.MinMaxNorm(min_value=" + number(c.minValue()) + ", max_value="
                    + number(c.maxValue()) + ", rate=" + number(c.rate()) + ", axis=" + axis(c.axis()) + ")";
        }
        throw new IllegalArgumentException("unknown constraint " + value);
    }

    private static String axis(List<Integer> axis) {
        return axis.size() == 1 ? String.valueOf(axis.get(0)) : PythonSyntax.tuple(axis);
    }

    private static String margins(Margins m) {
        if (m.top() == m.bottom() && m.left() == m.right()) {
            return m.top() == m.left() ? String.valueOf(m.top()) : "(" + m.top() + ", " + m.left() + ")";
        }
        return "((" + m.top() + ", " + m.bottom() + "), (" + m.left() + ", " + m.right() + "))";
    }

    private static String literal(Object value) {
        if (value == null) {
            return "None";
        } else if (value instanceof Double d) {
            return number(d);
        } else if (value instanceof Number n) {
            return n.toString();
        } else if (value instanceof Boolean b) {
            return bool(b);
        }
        return string(value.toString());
    }
}
