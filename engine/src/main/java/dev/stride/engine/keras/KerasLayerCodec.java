package dev.stride.engine.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.AddSpec;
import dev.stride.engine.model.AveragePooling1DSpec;
import dev.stride.engine.model.AveragePooling3DSpec;
import dev.stride.engine.model.AverageSpec;
import dev.stride.engine.model.AveragePooling2DSpec;
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
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Margins;
import dev.stride.engine.model.MaxPooling1DSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.MaxPooling3DSpec;
import dev.stride.engine.model.MaximumSpec;
import dev.stride.engine.model.MinimumSpec;
import dev.stride.engine.model.MultiplySpec;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Regularizer;
import dev.stride.engine.model.ReshapeSpec;
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.Size3D;
import dev.stride.engine.model.SpatialDropout2DSpec;
import dev.stride.engine.model.SubtractSpec;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.model.ZeroPadding2DSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Converts one layer between its Keras config (the {@code "config"} object of a serialised layer, Keras 2 or 3)
 * and a {@link LayerSpec}. Writing produces Keras 3 spelling; reading accepts both.
 */
public final class KerasLayerCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Keras class names Stride models, plus the aliases older Keras versions wrote. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("Convolution2D", "Conv2D"),
            Map.entry("Conv2DTranspose", "Conv2DTranspose"),
            Map.entry("Deconvolution2D", "Conv2DTranspose"),
            Map.entry("Deconv2D", "Conv2DTranspose"),
            Map.entry("SeparableConvolution2D", "SeparableConv2D"),
            Map.entry("MaxPool2D", "MaxPooling2D"),
            Map.entry("AvgPool2D", "AveragePooling2D"),
            Map.entry("GlobalMaxPool2D", "GlobalMaxPooling2D"),
            Map.entry("GlobalAvgPool2D", "GlobalAveragePooling2D"),
            Map.entry("MaxPool1D", "MaxPooling1D"),
            Map.entry("AvgPool1D", "AveragePooling1D"),
            Map.entry("MaxPool3D", "MaxPooling3D"),
            Map.entry("AvgPool3D", "AveragePooling3D"),
            Map.entry("GlobalMaxPool1D", "GlobalMaxPooling1D"),
            Map.entry("GlobalAvgPool1D", "GlobalAveragePooling1D"),
            Map.entry("GlobalMaxPool3D", "GlobalMaxPooling3D"),
            Map.entry("GlobalAvgPool3D", "GlobalAveragePooling3D"));

    /** The Keras class names this codec reads and writes. */
    public static final List<String> SUPPORTED = List.of("InputLayer", "Conv2D", "Conv2DTranspose",
            "SeparableConv2D", "DepthwiseConv2D", "MaxPooling2D", "AveragePooling2D", "GlobalMaxPooling2D",
            "GlobalAveragePooling2D", "ZeroPadding2D", "Cropping2D", "UpSampling2D", "BatchNormalization", "Dropout",
            "SpatialDropout2D", "Activation", "Flatten", "Reshape", "Dense", "Add", "Subtract",
            "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "GlobalMaxPooling1D", "GlobalAveragePooling1D",
            "GlobalMaxPooling3D", "GlobalAveragePooling3D", "MaxPooling1D", "AveragePooling1D", "MaxPooling3D",
            "AveragePooling3D");

    private KerasLayerCodec() {
    }

    /** The canonical Keras class name for {@code className}, or null when Stride does not support that layer. */
    public static String canonicalClassName(String className) {
        String canonical = ALIASES.getOrDefault(className, className);
        return SUPPORTED.contains(canonical) ? canonical : null;
    }

    /** Reads a layer config; {@code where} names the layer in error messages, e.g. {@code layer 'conv2d'}. */
    public static LayerSpec fromConfig(String className, JsonNode config, String where) throws KerasJsonException {
        String canonical = canonicalClassName(className);
        if (canonical == null) {
            throw new KerasJsonException(where + ": unsupported layer type '" + className + "'; Stride supports "
                    + String.join(", ", new TreeSet<>(SUPPORTED)));
        }
        if (config == null || config.isNull()) {
            config = JSON.objectNode();
        }
        if (!config.isObject()) {
            throw new KerasJsonException(where + ": \"config\" must be an object, got "
                    + ConfigReader.abbreviate(config));
        }
        ConfigReader c = new ConfigReader(config, where + " (" + canonical + ")");
        rejectLoRa(c);
        switch (canonical) {
            case "InputLayer":
                return inputLayer(c);
            case "Conv2D":
                return new Conv2DSpec(c.integer("filters", 0), requiredPair(c, "kernel_size"),
                        c.pair("strides", Size2D.square(1)), c.padding(), c.dataFormat(),
                        c.pair("dilation_rate", Size2D.square(1)), c.integer("groups", 1), c.activation("activation"),
                        c.bool("use_bias", true), c.initializer("kernel_initializer", Initializer.glorotUniform()),
                        c.initializer("bias_initializer", Initializer.zeros()), c.regularizer("kernel_regularizer"),
                        c.regularizer("bias_regularizer"), c.regularizer("activity_regularizer"),
                        c.constraint("kernel_constraint"), c.constraint("bias_constraint"));
            case "Conv2DTranspose":
                return new Conv2DTransposeSpec(c.integer("filters", 0), requiredPair(c, "kernel_size"),
                        c.pair("strides", Size2D.square(1)), c.padding(), c.optionalPair("output_padding"),
                        c.dataFormat(), c.pair("dilation_rate", Size2D.square(1)), c.activation("activation"),
                        c.bool("use_bias", true), c.initializer("kernel_initializer", Initializer.glorotUniform()),
                        c.initializer("bias_initializer", Initializer.zeros()), c.regularizer("kernel_regularizer"),
                        c.regularizer("bias_regularizer"), c.regularizer("activity_regularizer"),
                        c.constraint("kernel_constraint"), c.constraint("bias_constraint"));
            case "SeparableConv2D":
                return new SeparableConv2DSpec(c.integer("filters", 0), requiredPair(c, "kernel_size"),
                        c.pair("strides", Size2D.square(1)), c.padding(), c.dataFormat(),
                        c.pair("dilation_rate", Size2D.square(1)), c.integer("depth_multiplier", 1),
                        c.activation("activation"), c.bool("use_bias", true),
                        c.initializer("depthwise_initializer", Initializer.glorotUniform()),
                        c.initializer("pointwise_initializer", Initializer.glorotUniform()),
                        c.initializer("bias_initializer", Initializer.zeros()), c.regularizer("depthwise_regularizer"),
                        c.regularizer("pointwise_regularizer"), c.regularizer("bias_regularizer"),
                        c.regularizer("activity_regularizer"), c.constraint("depthwise_constraint"),
                        c.constraint("pointwise_constraint"), c.constraint("bias_constraint"));
            case "DepthwiseConv2D":
                return new DepthwiseConv2DSpec(requiredPair(c, "kernel_size"), c.pair("strides", Size2D.square(1)),
                        c.padding(), c.integer("depth_multiplier", 1), c.dataFormat(),
                        c.pair("dilation_rate", Size2D.square(1)), c.activation("activation"),
                        c.bool("use_bias", true),
                        c.initializer("depthwise_initializer", Initializer.glorotUniform()),
                        c.initializer("bias_initializer", Initializer.zeros()), c.regularizer("depthwise_regularizer"),
                        c.regularizer("bias_regularizer"), c.regularizer("activity_regularizer"),
                        c.constraint("depthwise_constraint"), c.constraint("bias_constraint"));
            case "MaxPooling2D":
                return new MaxPooling2DSpec(c.pair("pool_size", Size2D.square(2)), c.optionalPair("strides"),
                        c.padding(), c.dataFormat());
            case "AveragePooling2D":
                return new AveragePooling2DSpec(c.pair("pool_size", Size2D.square(2)), c.optionalPair("strides"),
                        c.padding(), c.dataFormat());
            case "GlobalMaxPooling2D":
                return new GlobalMaxPooling2DSpec(c.dataFormat(), c.bool("keepdims", false));
            case "GlobalAveragePooling2D":
                return new GlobalAveragePooling2DSpec(c.dataFormat(), c.bool("keepdims", false));
            case "ZeroPadding2D":
                return new ZeroPadding2DSpec(c.margins("padding", Margins.uniform(1)), c.dataFormat());
            case "Cropping2D":
                return new Cropping2DSpec(c.margins("cropping", Margins.uniform(0)), c.dataFormat());
            case "UpSampling2D":
                return new UpSampling2DSpec(c.pair("size", Size2D.square(2)), c.dataFormat(),
                        c.string("interpolation", "nearest"));
            case "BatchNormalization":
                return batchNormalization(c);
            case "Dropout":
                return new DropoutSpec(c.number("rate", requiredNumber(c, "rate")), c.shape("noise_shape", true),
                        c.optionalInteger("seed"));
            case "SpatialDropout2D":
                return new SpatialDropout2DSpec(c.number("rate", requiredNumber(c, "rate")), c.dataFormat(),
                        c.optionalInteger("seed"));
            case "Activation":
                if (!c.has("activation")) {
                    throw new KerasJsonException(c.where() + ": \"activation\" is missing");
                }
                return new ActivationSpec(c.activation("activation"));
            case "Flatten":
                return new FlattenSpec(c.dataFormat());
            case "Reshape": {
                List<Integer> target = c.intList("target_shape");
                if (target == null) {
                    throw new KerasJsonException(c.where() + ": \"target_shape\" is missing");
                }
                return new ReshapeSpec(target);
            }
            case "Dense":
                return new DenseSpec(c.integer("units", (int) requiredNumber(c, "units")), c.activation("activation"),
                        c.bool("use_bias", true), c.initializer("kernel_initializer", Initializer.glorotUniform()),
                        c.initializer("bias_initializer", Initializer.zeros()), c.regularizer("kernel_regularizer"),
                        c.regularizer("bias_regularizer"), c.regularizer("activity_regularizer"),
                        c.constraint("kernel_constraint"), c.constraint("bias_constraint"));
            case "Add":
                return new AddSpec();
            case "Subtract":
                return new SubtractSpec();
            case "Multiply":
                return new MultiplySpec();
            case "Average":
                return new AverageSpec();
            case "Maximum":
                return new MaximumSpec();
            case "Minimum":
                return new MinimumSpec();
            case "MaxPooling1D":
                return new MaxPooling1DSpec(c.tuple("pool_size", 1, new int[] {2})[0], single(c.tuple("strides", 1,
                        null)), c.padding(), c.dataFormat());
            case "AveragePooling1D":
                return new AveragePooling1DSpec(c.tuple("pool_size", 1, new int[] {2})[0], single(c.tuple("strides",
                        1, null)), c.padding(), c.dataFormat());
            case "MaxPooling3D":
                return new MaxPooling3DSpec(triple(c.tuple("pool_size", 3, new int[] {2, 2, 2})),
                        triple(c.tuple("strides", 3, null)), c.padding(), c.dataFormat());
            case "AveragePooling3D":
                return new AveragePooling3DSpec(triple(c.tuple("pool_size", 3, new int[] {2, 2, 2})),
                        triple(c.tuple("strides", 3, null)), c.padding(), c.dataFormat());
            case "GlobalMaxPooling1D":
                return new GlobalMaxPooling1DSpec(c.dataFormat(), c.bool("keepdims", false));
            case "GlobalAveragePooling1D":
                return new GlobalAveragePooling1DSpec(c.dataFormat(), c.bool("keepdims", false));
            case "GlobalMaxPooling3D":
                return new GlobalMaxPooling3DSpec(c.dataFormat(), c.bool("keepdims", false));
            case "GlobalAveragePooling3D":
                return new GlobalAveragePooling3DSpec(c.dataFormat(), c.bool("keepdims", false));
            case "Concatenate":
                return new ConcatenateSpec(c.integer("axis", -1));
            default:
                throw new IllegalStateException(canonical);
        }
    }

    private static Integer single(int[] values) {
        return values == null ? null : values[0];
    }

    private static Size3D triple(int[] values) {
        return values == null ? null : Size3D.of(values[0], values[1], values[2]);
    }

    private static void rejectLoRa(ConfigReader c) throws KerasJsonException {
        for (String key : List.of("lora_rank", "dora_rank")) {
            if (c.has(key)) {
                throw new KerasJsonException(c.where() + ": \"" + key + "\" (low-rank adaptation) is not supported;"
                        + " remove it to import the plain layer");
            }
        }
        String quantization = c.string("quantization_mode", null);
        if (quantization != null) {
            throw new KerasJsonException(c.where() + ": quantized layers (\"quantization_mode\": \"" + quantization
                    + "\") are not supported");
        }
    }

    private static Size2D required(ConfigReader c, String key) throws KerasJsonException {
        throw new KerasJsonException(c.where() + ": \"" + key + "\" is missing");
    }

    private static Size2D requiredPair(ConfigReader c, String key) throws KerasJsonException {
        Size2D value = c.pair(key, null);
        return value == null ? required(c, key) : value;
    }

    private static double requiredNumber(ConfigReader c, String key) throws KerasJsonException {
        if (!c.has(key)) {
            throw new KerasJsonException(c.where() + ": \"" + key + "\" is missing");
        }
        return c.number(key, 0);
    }

    private static LayerSpec inputLayer(ConfigReader c) throws KerasJsonException {
        List<Integer> batchShape = c.shape("batch_shape", false);
        if (batchShape == null) {
            batchShape = c.shape("batch_input_shape", false);
        }
        if (batchShape != null) {
            if (batchShape.isEmpty()) {
                throw new KerasJsonException(c.where() + ": the batch shape is empty");
            }
            Integer batch = batchShape.get(0) == TensorShape.UNKNOWN ? null : batchShape.get(0);
            return new InputLayerSpec(new TensorShape(batchShape.subList(1, batchShape.size())), batch);
        }
        List<Integer> shape = c.shape("shape", false);
        if (shape == null) {
            shape = c.shape("input_shape", false);
        }
        if (shape == null) {
            throw new KerasJsonException(c.where() + ": needs \"batch_shape\" (Keras 3) or \"batch_input_shape\""
                    + " (Keras 2)");
        }
        return new InputLayerSpec(new TensorShape(shape), c.optionalInteger("batch_size"));
    }

    private static LayerSpec batchNormalization(ConfigReader c) throws KerasJsonException {
        int axis = -1;
        JsonNode rawAxis = c.raw("axis");
        if (rawAxis != null) {
            List<Integer> axes = c.intList("axis");
            if (axes.size() != 1) {
                throw new KerasJsonException(c.where() + ": \"axis\" must name one axis, got " + axes);
            }
            axis = axes.get(0);
        }
        Map<String, Double> clipping = null;
        JsonNode rawClipping = c.raw("renorm_clipping");
        if (rawClipping != null) {
            if (!rawClipping.isObject()) {
                throw c.problem("renorm_clipping", "must be an object", rawClipping);
            }
            clipping = new java.util.LinkedHashMap<>();
            var fields = rawClipping.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (!field.getValue().isNumber() && !field.getValue().isNull()) {
                    throw c.problem("renorm_clipping", "must map names to numbers", rawClipping);
                }
                clipping.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asDouble());
            }
        }
        return new BatchNormalizationSpec(axis, c.number("momentum", 0.99), c.number("epsilon", 0.001),
                c.bool("center", true), c.bool("scale", true),
                c.initializer("beta_initializer", Initializer.zeros()),
                c.initializer("gamma_initializer", Initializer.ones()),
                c.initializer("moving_mean_initializer", Initializer.zeros()),
                c.initializer("moving_variance_initializer", Initializer.ones()),
                c.regularizer("beta_regularizer"), c.regularizer("gamma_regularizer"),
                c.constraint("beta_constraint"), c.constraint("gamma_constraint"),
                c.bool("synchronized", false), c.bool("renorm", false), clipping,
                c.number("renorm_momentum", 0.99));
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    /** The layer's parameters as Keras 3 writes them in {@code get_config()} (without name, trainable, dtype). */
    public static ObjectNode toConfig(LayerSpec spec) {
        ObjectNode c = JSON.objectNode();
        if (spec instanceof InputLayerSpec s) {
            ArrayNode batchShape = c.putArray("batch_shape");
            if (s.batchSize() == null) {
                batchShape.addNull();
            } else {
                batchShape.add(s.batchSize());
            }
            for (int dim : s.shape().dims()) {
                if (dim == TensorShape.UNKNOWN) {
                    batchShape.addNull();
                } else {
                    batchShape.add(dim);
                }
            }
            c.put("dtype", "float32");
            c.put("sparse", false);
        } else if (spec instanceof Conv2DSpec s) {
            c.put("filters", s.filters());
            pair(c, "kernel_size", s.kernelSize());
            pair(c, "strides", s.strides());
            c.put("padding", s.padding().kerasName());
            c.put("data_format", s.dataFormat().kerasName());
            pair(c, "dilation_rate", s.dilationRate());
            c.put("groups", s.groups());
            c.put("activation", s.activation().kerasName());
            c.put("use_bias", s.useBias());
            kernelAndBias(c, s.kernelInitializer(), s.biasInitializer(), s.kernelRegularizer(), s.biasRegularizer(),
                    s.activityRegularizer(), s.kernelConstraint(), s.biasConstraint());
        } else if (spec instanceof Conv2DTransposeSpec s) {
            c.put("filters", s.filters());
            pair(c, "kernel_size", s.kernelSize());
            pair(c, "strides", s.strides());
            c.put("padding", s.padding().kerasName());
            if (s.outputPadding() == null) {
                c.putNull("output_padding");
            } else {
                pair(c, "output_padding", s.outputPadding());
            }
            c.put("data_format", s.dataFormat().kerasName());
            pair(c, "dilation_rate", s.dilationRate());
            c.put("activation", s.activation().kerasName());
            c.put("use_bias", s.useBias());
            kernelAndBias(c, s.kernelInitializer(), s.biasInitializer(), s.kernelRegularizer(), s.biasRegularizer(),
                    s.activityRegularizer(), s.kernelConstraint(), s.biasConstraint());
        } else if (spec instanceof SeparableConv2DSpec s) {
            c.put("filters", s.filters());
            pair(c, "kernel_size", s.kernelSize());
            pair(c, "strides", s.strides());
            c.put("padding", s.padding().kerasName());
            c.put("data_format", s.dataFormat().kerasName());
            pair(c, "dilation_rate", s.dilationRate());
            c.put("depth_multiplier", s.depthMultiplier());
            c.put("activation", s.activation().kerasName());
            c.put("use_bias", s.useBias());
            c.set("depthwise_initializer", initializer(s.depthwiseInitializer()));
            c.set("pointwise_initializer", initializer(s.pointwiseInitializer()));
            c.set("bias_initializer", initializer(s.biasInitializer()));
            c.set("depthwise_regularizer", regularizer(s.depthwiseRegularizer()));
            c.set("pointwise_regularizer", regularizer(s.pointwiseRegularizer()));
            c.set("bias_regularizer", regularizer(s.biasRegularizer()));
            c.set("activity_regularizer", regularizer(s.activityRegularizer()));
            c.set("depthwise_constraint", constraint(s.depthwiseConstraint()));
            c.set("pointwise_constraint", constraint(s.pointwiseConstraint()));
            c.set("bias_constraint", constraint(s.biasConstraint()));
        } else if (spec instanceof DepthwiseConv2DSpec s) {
            pair(c, "kernel_size", s.kernelSize());
            pair(c, "strides", s.strides());
            c.put("padding", s.padding().kerasName());
            c.put("depth_multiplier", s.depthMultiplier());
            c.put("data_format", s.dataFormat().kerasName());
            pair(c, "dilation_rate", s.dilationRate());
            c.put("activation", s.activation().kerasName());
            c.put("use_bias", s.useBias());
            c.set("depthwise_initializer", initializer(s.depthwiseInitializer()));
            c.set("bias_initializer", initializer(s.biasInitializer()));
            c.set("depthwise_regularizer", regularizer(s.depthwiseRegularizer()));
            c.set("bias_regularizer", regularizer(s.biasRegularizer()));
            c.set("activity_regularizer", regularizer(s.activityRegularizer()));
            c.set("depthwise_constraint", constraint(s.depthwiseConstraint()));
            c.set("bias_constraint", constraint(s.biasConstraint()));
        } else if (spec instanceof MaxPooling2DSpec s) {
            pooling(c, s.poolSize(), s.strides(), s.padding().kerasName(), s.dataFormat());
        } else if (spec instanceof AveragePooling2DSpec s) {
            pooling(c, s.poolSize(), s.strides(), s.padding().kerasName(), s.dataFormat());
        } else if (spec instanceof GlobalMaxPooling2DSpec s) {
            c.put("data_format", s.dataFormat().kerasName());
            c.put("keepdims", s.keepdims());
        } else if (spec instanceof GlobalAveragePooling2DSpec s) {
            c.put("data_format", s.dataFormat().kerasName());
            c.put("keepdims", s.keepdims());
        } else if (spec instanceof ZeroPadding2DSpec s) {
            margins(c, "padding", s.padding());
            c.put("data_format", s.dataFormat().kerasName());
        } else if (spec instanceof Cropping2DSpec s) {
            margins(c, "cropping", s.cropping());
            c.put("data_format", s.dataFormat().kerasName());
        } else if (spec instanceof UpSampling2DSpec s) {
            pair(c, "size", s.size());
            c.put("data_format", s.dataFormat().kerasName());
            c.put("interpolation", s.interpolation());
        } else if (spec instanceof BatchNormalizationSpec s) {
            c.put("axis", s.axis());
            c.put("momentum", s.momentum());
            c.put("epsilon", s.epsilon());
            c.put("center", s.center());
            c.put("scale", s.scale());
            c.set("beta_initializer", initializer(s.betaInitializer()));
            c.set("gamma_initializer", initializer(s.gammaInitializer()));
            c.set("moving_mean_initializer", initializer(s.movingMeanInitializer()));
            c.set("moving_variance_initializer", initializer(s.movingVarianceInitializer()));
            c.set("beta_regularizer", regularizer(s.betaRegularizer()));
            c.set("gamma_regularizer", regularizer(s.gammaRegularizer()));
            c.set("beta_constraint", constraint(s.betaConstraint()));
            c.set("gamma_constraint", constraint(s.gammaConstraint()));
            c.put("synchronized", s.synchronizedAcrossReplicas());
            c.put("renorm", s.renorm());
            if (s.renormClipping() == null) {
                c.putNull("renorm_clipping");
            } else {
                ObjectNode clipping = c.putObject("renorm_clipping");
                s.renormClipping().forEach(clipping::put);
            }
            c.put("renorm_momentum", s.renormMomentum());
        } else if (spec instanceof DropoutSpec s) {
            c.put("rate", s.rate());
            if (s.seed() == null) {
                c.putNull("seed");
            } else {
                c.put("seed", s.seed());
            }
            if (s.noiseShape() == null) {
                c.putNull("noise_shape");
            } else {
                ArrayNode noise = c.putArray("noise_shape");
                for (Integer dim : s.noiseShape()) {
                    if (dim == null) {
                        noise.addNull();
                    } else {
                        noise.add(dim);
                    }
                }
            }
        } else if (spec instanceof SpatialDropout2DSpec s) {
            c.put("rate", s.rate());
            c.put("data_format", s.dataFormat().kerasName());
            if (s.seed() == null) {
                c.putNull("seed");
            } else {
                c.put("seed", s.seed());
            }
        } else if (spec instanceof ActivationSpec s) {
            c.put("activation", s.activation().kerasName());
        } else if (spec instanceof FlattenSpec s) {
            c.put("data_format", s.dataFormat().kerasName());
        } else if (spec instanceof ReshapeSpec s) {
            ArrayNode target = c.putArray("target_shape");
            s.targetShape().forEach(target::add);
        } else if (spec instanceof DenseSpec s) {
            c.put("units", s.units());
            c.put("activation", s.activation().kerasName());
            c.put("use_bias", s.useBias());
            kernelAndBias(c, s.kernelInitializer(), s.biasInitializer(), s.kernelRegularizer(), s.biasRegularizer(),
                    s.activityRegularizer(), s.kernelConstraint(), s.biasConstraint());
        } else if (spec instanceof ConcatenateSpec s) {
            c.put("axis", s.axis());
        } else if (spec instanceof MaxPooling1DSpec s) {
            pooling(c, new int[] {s.poolSize()}, s.strides() == null ? null : new int[] {s.strides()}, s.padding(),
                    s.dataFormat());
        } else if (spec instanceof AveragePooling1DSpec s) {
            pooling(c, new int[] {s.poolSize()}, s.strides() == null ? null : new int[] {s.strides()}, s.padding(),
                    s.dataFormat());
        } else if (spec instanceof MaxPooling3DSpec s) {
            pooling(c, s.poolSize().toArray(), s.strides() == null ? null : s.strides().toArray(), s.padding(),
                    s.dataFormat());
        } else if (spec instanceof AveragePooling3DSpec s) {
            pooling(c, s.poolSize().toArray(), s.strides() == null ? null : s.strides().toArray(), s.padding(),
                    s.dataFormat());
        } else if (spec instanceof GlobalMaxPooling1DSpec s) {
            globalPooling(c, s.dataFormat(), s.keepdims());
        } else if (spec instanceof GlobalAveragePooling1DSpec s) {
            globalPooling(c, s.dataFormat(), s.keepdims());
        } else if (spec instanceof GlobalMaxPooling3DSpec s) {
            globalPooling(c, s.dataFormat(), s.keepdims());
        } else if (spec instanceof GlobalAveragePooling3DSpec s) {
            globalPooling(c, s.dataFormat(), s.keepdims());
        }
        return c;
    }

    /** 1-D and 3-D pooling as Keras 3 writes it: sizes as lists; strides None stays None for an exact round trip. */
    private static void pooling(ObjectNode c, int[] pool, int[] strides, Padding padding, DataFormat format) {
        ArrayNode poolSize = c.putArray("pool_size");
        for (int value : pool) {
            poolSize.add(value);
        }
        if (strides == null) {
            c.putNull("strides");
        } else {
            ArrayNode stridesNode = c.putArray("strides");
            for (int value : strides) {
                stridesNode.add(value);
            }
        }
        c.put("padding", padding.kerasName());
        c.put("data_format", format.kerasName());
    }

    private static void globalPooling(ObjectNode c, DataFormat format, boolean keepdims) {
        c.put("data_format", format.kerasName());
        c.put("keepdims", keepdims);
    }

    /** The kernel/bias settings Conv2D, Conv2DTranspose and Dense share, in Keras's key order. */
    private static void kernelAndBias(ObjectNode c, Initializer kernelInitializer, Initializer biasInitializer,
            Regularizer kernelRegularizer, Regularizer biasRegularizer, Regularizer activityRegularizer,
            Constraint kernelConstraint, Constraint biasConstraint) {
        c.set("kernel_initializer", initializer(kernelInitializer));
        c.set("bias_initializer", initializer(biasInitializer));
        c.set("kernel_regularizer", regularizer(kernelRegularizer));
        c.set("bias_regularizer", regularizer(biasRegularizer));
        c.set("activity_regularizer", regularizer(activityRegularizer));
        c.set("kernel_constraint", constraint(kernelConstraint));
        c.set("bias_constraint", constraint(biasConstraint));
    }

    private static void pair(ObjectNode c, String key, Size2D value) {
        c.putArray(key).add(value.height()).add(value.width());
    }

    private static void pooling(ObjectNode c, Size2D pool, Size2D strides, String padding, DataFormat format) {
        pair(c, "pool_size", pool);
        if (strides == null) {
            c.putNull("strides"); // Keras reads None as "the pool size"; keeping it None keeps the round trip exact
        } else {
            pair(c, "strides", strides);
        }
        c.put("padding", padding);
        c.put("data_format", format.kerasName());
    }

    private static void margins(ObjectNode c, String key, Margins m) {
        ArrayNode outer = c.putArray(key);
        outer.addArray().add(m.top()).add(m.bottom());
        outer.addArray().add(m.left()).add(m.right());
    }

    private static ObjectNode serialized(String module, String className, ObjectNode config) {
        ObjectNode node = JSON.objectNode();
        node.put("module", module);
        node.put("class_name", className);
        node.set("config", config);
        node.putNull("registered_name");
        return node;
    }

    static JsonNode initializer(Initializer initializer) {
        ObjectNode config = JSON.objectNode();
        initializer.arguments().forEach((key, value) -> {
            if (value == null) {
                config.putNull(key);
            } else if (value instanceof Integer i) {
                config.put(key, i);
            } else if (value instanceof Double d) {
                config.put(key, d);
            } else {
                config.put(key, value.toString());
            }
        });
        return serialized("keras.initializers", initializer.kind().kerasClassName(), config);
    }

    static JsonNode regularizer(Regularizer regularizer) {
        if (regularizer == null) {
            return JSON.nullNode();
        }
        ObjectNode config = JSON.objectNode();
        if (regularizer instanceof Regularizer.L1 r) {
            config.put("l1", r.l1());
        } else if (regularizer instanceof Regularizer.L2 r) {
            config.put("l2", r.l2());
        } else if (regularizer instanceof Regularizer.L1L2 r) {
            config.put("l1", r.l1());
            config.put("l2", r.l2());
        }
        return serialized("keras.regularizers", regularizer.kerasClassName(), config);
    }

    static JsonNode constraint(Constraint constraint) {
        if (constraint == null) {
            return JSON.nullNode();
        }
        ObjectNode config = JSON.objectNode();
        if (constraint instanceof Constraint.MaxNorm m) {
            config.put("max_value", m.maxValue());
            axis(config, m.axis());
        } else if (constraint instanceof Constraint.UnitNorm u) {
            axis(config, u.axis());
        } else if (constraint instanceof Constraint.MinMaxNorm m) {
            config.put("min_value", m.minValue());
            config.put("max_value", m.maxValue());
            config.put("rate", m.rate());
            axis(config, m.axis());
        }
        return serialized("keras.constraints", constraint.kerasClassName(), config);
    }

    private static void axis(ObjectNode config, List<Integer> axis) {
        if (axis.size() == 1) {
            config.put("axis", axis.get(0));
        } else {
            ArrayNode list = config.putArray("axis");
            new ArrayList<>(axis).forEach(list::add);
        }
    }
}
