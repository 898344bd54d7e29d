package dev.stride.engine.dl4j;

import dev.stride.engine.dl4j.Dl4jDiagnostic.Severity;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.AddSpec;
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
import dev.stride.engine.model.GlobalAveragePooling2DSpec;
import dev.stride.engine.model.GlobalMaxPooling2DSpec;
import dev.stride.engine.model.Initializer;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Regularizer;
import dev.stride.engine.model.ReshapeSpec;
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.SpatialDropout2DSpec;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.model.ZeroPadding2DSpec;
import dev.stride.engine.training.Dl4jTrainingMapping;
import dev.stride.engine.training.TrainingSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.layers.LayerConstraint;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.deeplearning4j.nn.conf.constraint.MinMaxNormConstraint;
import org.deeplearning4j.nn.conf.constraint.NonNegativeConstraint;
import org.deeplearning4j.nn.conf.constraint.UnitNormConstraint;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationHardSigmoid;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationMish;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU6;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftPlus;
import org.nd4j.linalg.activations.impl.ActivationSoftSign;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * The only translator from a Stride {@link Network} to a DL4J {@link ComputationGraphConfiguration}, keeping Keras's
 * meaning where DL4J's differs (dropout keep-probability, halved L2, BatchNormalization defaults, initializers) and
 * reporting, per layer and parameter, what DL4J cannot express.
 */
public final class Dl4jCompiler {
    private final TrainingSettings settings;
    private final List<Dl4jDiagnostic> diagnostics = new ArrayList<>();
    private final Map<NodeId, String> vertexOf = new LinkedHashMap<>();
    private final CNN2DFormat requestedLayout;
    private DataFormat modelFormat = DataFormat.CHANNELS_LAST;
    private CNN2DFormat format = CNN2DFormat.NHWC;
    private Network network;
    private dev.stride.engine.shape.NetworkAnalysis analysis;

    private Dl4jCompiler(TrainingSettings settings, CNN2DFormat requestedLayout) {
        this.settings = settings;
        this.requestedLayout = requestedLayout;
    }

    /** Compiles a design for training with these settings; never throws for a bad design, it reports instead. */
    public static Dl4jCompilation compile(Network network, TrainingSettings settings) {
        return new Dl4jCompiler(settings, null).run(network);
    }

    /**
     * Compiles with DL4J computing in {@code layout} whatever the design's data_format (the input data must then
     * come in that layout). The design's meaning is unchanged except the order in which Flatten lists values.
     */
    public static Dl4jCompilation compile(Network network, TrainingSettings settings, CNN2DFormat layout) {
        return new Dl4jCompiler(settings, layout).run(network);
    }

    private Dl4jCompilation run(Network network) {
        this.network = network;
        this.analysis = dev.stride.engine.shape.ShapeInference.analyze(network);
        for (String problem : Dl4jTrainingMapping.unsupported(settings)) {
            network(Severity.ERROR, problem);
        }
        var order = network.topologicalOrder();
        if (order.isEmpty()) {
            network(Severity.ERROR, "the design has a cycle; remove the connection that loops back");
            return result(null, null);
        }
        List<NodeId> sinks = network.sinks();
        List<NodeId> sources = network.sources();
        if (sources.size() != 1 || !(network.node(sources.get(0)).spec() instanceof InputLayerSpec)) {
            network(Severity.ERROR, "the design needs exactly one InputLayer feeding everything; found "
                    + sources.size() + " layer(s) without inputs");
            return result(null, null);
        }
        if (sinks.size() != 1) {
            network(Severity.ERROR, "the design needs exactly one output layer; found " + sinks.size()
                    + " layers that feed nothing");
            return result(null, null);
        }
        modelFormat = modelFormat(network);
        CNN2DFormat natural = modelFormat == DataFormat.CHANNELS_FIRST ? CNN2DFormat.NCHW : CNN2DFormat.NHWC;
        format = requestedLayout == null ? natural : requestedLayout;
        InputLayerSpec input = (InputLayerSpec) network.node(sources.get(0)).spec();
        InputType inputType = inputType(input.shape(), network.node(sources.get(0)).name());
        if (inputType == null) {
            return result(null, null);
        }
        var builder = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .updater(Dl4jTrainingMapping.updater(settings.optimizer() == TrainingSettings.Optimizer.SGD_MOMENTUM
                        ? settings.withOptimizer(TrainingSettings.Optimizer.NESTEROV) : settings))
                .dataType(DataType.FLOAT)
                // Workspaces stay on: without them DL4J trained 3× slower and used 10–24 GB here.
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                // Keeps each convolution's forward output for its backward pass instead of computing it twice.
                .cacheMode(org.deeplearning4j.nn.conf.CacheMode.DEVICE)
                .graphBuilder();
        NodeId sink = sinks.get(0);
        for (NodeId id : order.get()) {
            LayerNode node = network.node(id);
            List<String> inputs = network.inputsOf(id).stream().map(vertexOf::get).toList();
            if (inputs.contains(null)) {
                continue;
            }
            translate(builder, node, inputs, id.equals(sink));
        }
        builder.setOutputs(vertexOf.get(sink));
        builder.setInputTypes(inputType);
        if (diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
            return result(null, inputType);
        }
        try {
            return result(builder.build(), inputType);
        } catch (RuntimeException e) {
            network(Severity.ERROR, "DL4J rejected the design: " + e.getMessage());
            return result(null, inputType);
        }
    }

    private Dl4jCompilation result(ComputationGraphConfiguration configuration, InputType inputType) {
        return new Dl4jCompilation(configuration, diagnostics, vertexOf, inputType, format);
    }

    /** Keras models use one data format throughout; take the first image layer's. */
    private static DataFormat modelFormat(Network network) {
        for (LayerNode node : network.nodes()) {
            DataFormat format = dataFormatOf(node.spec());
            if (format != null) {
                return format;
            }
        }
        return DataFormat.CHANNELS_LAST;
    }

    private static DataFormat dataFormatOf(LayerSpec spec) {
        if (spec instanceof Conv2DSpec s) {
            return s.dataFormat();
        } else if (spec instanceof Conv2DTransposeSpec s) {
            return s.dataFormat();
        } else if (spec instanceof SeparableConv2DSpec s) {
            return s.dataFormat();
        } else if (spec instanceof DepthwiseConv2DSpec s) {
            return s.dataFormat();
        } else if (spec instanceof MaxPooling2DSpec s) {
            return s.dataFormat();
        } else if (spec instanceof AveragePooling2DSpec s) {
            return s.dataFormat();
        } else if (spec instanceof GlobalMaxPooling2DSpec s) {
            return s.dataFormat();
        } else if (spec instanceof GlobalAveragePooling2DSpec s) {
            return s.dataFormat();
        } else if (spec instanceof ZeroPadding2DSpec s) {
            return s.dataFormat();
        } else if (spec instanceof Cropping2DSpec s) {
            return s.dataFormat();
        } else if (spec instanceof UpSampling2DSpec s) {
            return s.dataFormat();
        } else if (spec instanceof SpatialDropout2DSpec s) {
            return s.dataFormat();
        }
        return null;
    }

    private InputType inputType(TensorShape shape, String name) {
        if (shape.rank() == 1) {
            return InputType.feedForward(shape.dim(0));
        }
        if (shape.rank() == 3) {
            // The design's shape is in its own data_format; DL4J's InputType is always (height, width, channels).
            return modelFormat == DataFormat.CHANNELS_LAST
                    ? InputType.convolutional(shape.dim(0), shape.dim(1), shape.dim(2), format)
                    : InputType.convolutional(shape.dim(1), shape.dim(2), shape.dim(0), format);
        }
        layer(Severity.ERROR, name, "shape", "inputs of rank " + shape.rank() + " (" + shape
                + ") are not supported; use an image (height, width, channels) or a vector");
        return null;
    }

    private void translate(ComputationGraphConfiguration.GraphBuilder graph, LayerNode node, List<String> inputs,
                           boolean isOutput) {
        String name = node.name();
        LayerSpec spec = node.spec();
        checkFormat(name, spec);
        String[] in = inputs.toArray(String[]::new);
        if (isOutput && !(spec instanceof DenseSpec) && !(spec instanceof ActivationSpec)) {
            layer(Severity.ERROR, name, "", "the network must end in a Dense or Activation layer to be trained, "
                    + "not " + spec.kerasClassName() + "; add Dense(classes, activation='softmax')");
            return;
        }
        Layer layer = null;
        if (spec instanceof InputLayerSpec) {
            graph.addInputs(name);
            vertexOf.put(node.id(), name);
        } else if (spec instanceof Conv2DSpec s) {
            layer = conv2d(name, s);
        } else if (spec instanceof DenseSpec s) {
            layer = isOutput ? output(name, s) : dense(name, s);
        } else if (spec instanceof MaxPooling2DSpec s) {
            layer = pooling(name, PoolingType.MAX, s.poolSize(), s.strides(), s.padding());
        } else if (spec instanceof AveragePooling2DSpec s) {
            layer = pooling(name, PoolingType.AVG, s.poolSize(), s.strides(), s.padding());
        } else if (spec instanceof GlobalMaxPooling2DSpec s) {
            layer = globalPooling(name, PoolingType.MAX, s.keepdims());
        } else if (spec instanceof GlobalAveragePooling2DSpec s) {
            layer = globalPooling(name, PoolingType.AVG, s.keepdims());
        } else if (spec instanceof BatchNormalizationSpec s) {
            layer = batchNormalization(name, s);
        } else if (spec instanceof DropoutSpec s) {
            layer = dropout(name, s);
        } else if (spec instanceof SpatialDropout2DSpec s) {
            layer = spatialDropout(name, s);
        } else if (spec instanceof ActivationSpec s) {
            layer = isOutput ? lossLayer(node, s) : activationLayer(name, s);
        } else if (spec instanceof ZeroPadding2DSpec s) {
            layer = new ZeroPaddingLayer.Builder(s.padding().top(), s.padding().bottom(), s.padding().left(),
                    s.padding().right()).dataFormat(format).build();
        } else if (spec instanceof Cropping2DSpec s) {
            layer = new Cropping2D.Builder(s.cropping().top(), s.cropping().bottom(), s.cropping().left(),
                    s.cropping().right()).dataFormat(format).build();
        } else if (spec instanceof UpSampling2DSpec s) {
            layer = upsampling(name, s);
        } else if (spec instanceof DepthwiseConv2DSpec s) {
            layer = depthwise(name, s);
        } else if (spec instanceof SeparableConv2DSpec s) {
            layer = separable(name, s);
        } else if (spec instanceof Conv2DTransposeSpec s) {
            layer = transpose(name, s);
        } else if (spec instanceof FlattenSpec) {
            TensorShape image = inputShape(node);
            if (image == null || image.rank() != 3) {
                vertexOf.put(node.id(), in[0]); // already flat: nothing to do
            } else {
                // Flattened in the layout DL4J computes in: channels_last gives Keras's (H, W, C) order.
                boolean last = modelFormat == DataFormat.CHANNELS_LAST;
                long h = last ? image.dim(0) : image.dim(1);
                long w = last ? image.dim(1) : image.dim(2);
                long c = last ? image.dim(2) : image.dim(0);
                graph.addVertex(name, new org.deeplearning4j.nn.conf.graph.PreprocessorVertex(
                        new org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor(h, w, c, format)),
                        in);
                vertexOf.put(node.id(), name);
            }
        } else if (spec instanceof ReshapeSpec) {
            layer(Severity.ERROR, name, "target_shape", "Reshape is not supported by the DL4J backend yet; "
                    + "use Flatten, or GlobalAveragePooling2D");
        } else if (spec instanceof AddSpec) {
            graph.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), in);
            vertexOf.put(node.id(), name);
        } else if (spec instanceof ConcatenateSpec s) {
            concatenate(graph, node, s, in);
        } else {
            // Layer kinds that shape inference and Keras JSON know but DL4J training does not map yet.
            layer(Severity.ERROR, name, "", "layer '" + name + "' (" + spec.kerasClassName() + ") is not supported"
                    + " by training yet; replace it with a supported layer to train in Stride");
        }
        if (layer != null) {
            if (!node.trainable()) {
                // Keras's trainable=False keeps gradients flowing to the layers below; FrozenLayer would not.
                layer = new FrozenLayerWithBackprop(layer);
            }
            graph.addLayer(name, layer, in);
            vertexOf.put(node.id(), name);
        }
    }

    private void checkFormat(String name, LayerSpec spec) {
        DataFormat own = dataFormatOf(spec);
        if (own != null && own != modelFormat) {
            layer(Severity.ERROR, name, "data_format", "uses " + own.kerasName()
                    + " while the rest of the network does not; use one data_format throughout");
        }
    }

    private Layer conv2d(String name, Conv2DSpec s) {
        if (s.groups() != 1) {
            layer(Severity.ERROR, name, "groups", "grouped convolution (groups=" + s.groups()
                    + ") has no DL4J equivalent; use groups=1, or DepthwiseConv2D for groups equal to the channels");
        }
        var b = new ConvolutionLayer.Builder(s.kernelSize().height(), s.kernelSize().width())
                .nOut(s.filters())
                .stride(s.strides().height(), s.strides().width())
                .dilation(s.dilationRate().height(), s.dilationRate().width())
                .convolutionMode(mode(s.padding()))
                .dataFormat(format)
                .hasBias(s.useBias());
        configure(b, name, s.activation(), s.kernelInitializer(), s.biasInitializer(), false);
        regularize(b, name, s.kernelRegularizer(), s.biasRegularizer(), s.activityRegularizer());
        constrain(b, name, s.kernelConstraint(), s.biasConstraint(), 4);
        return b.build();
    }

    private Layer depthwise(String name, DepthwiseConv2DSpec s) {
        var b = new DepthwiseConvolution2D.Builder(s.kernelSize().height(), s.kernelSize().width())
                .depthMultiplier(s.depthMultiplier())
                .stride(s.strides().height(), s.strides().width())
                .dilation(s.dilationRate().height(), s.dilationRate().width())
                .convolutionMode(mode(s.padding()))
                .dataFormat(format)
                .hasBias(s.useBias());
        configure(b, name, s.activation(), s.depthwiseInitializer(), s.biasInitializer(), true);
        regularize(b, name, s.depthwiseRegularizer(), s.biasRegularizer(), s.activityRegularizer());
        constrain(b, name, s.depthwiseConstraint(), s.biasConstraint(), -1);
        return b.build();
    }

    private Layer separable(String name, SeparableConv2DSpec s) {
        var b = new SeparableConvolution2D.Builder(s.kernelSize().height(), s.kernelSize().width())
                .nOut(s.filters())
                .depthMultiplier(s.depthMultiplier())
                .stride(s.strides().height(), s.strides().width())
                .dilation(s.dilationRate().height(), s.dilationRate().width())
                .convolutionMode(mode(s.padding()))
                .dataFormat(format)
                .hasBias(s.useBias());
        if (!s.depthwiseInitializer().equals(s.pointwiseInitializer())) {
            layer(Severity.WARNING, name, "pointwise_initializer", "DL4J uses one initializer for both kernels; "
                    + "the depthwise_initializer is used for the pointwise kernel too");
        }
        // One Keras initializer for both kernels; the fans come from each kernel's own shape.
        configure(b, name, s.activation(), s.depthwiseInitializer(), s.biasInitializer(), false);
        regularize(b, name, s.depthwiseRegularizer(), s.biasRegularizer(), s.activityRegularizer());
        if (s.pointwiseRegularizer() != null && !s.pointwiseRegularizer().equals(s.depthwiseRegularizer())) {
            layer(Severity.WARNING, name, "pointwise_regularizer", "DL4J regularizes both kernels alike; "
                    + "the depthwise_regularizer applies to the pointwise kernel");
        }
        constrain(b, name, s.depthwiseConstraint(), s.biasConstraint(), -1);
        return b.build();
    }

    private Layer transpose(String name, Conv2DTransposeSpec s) {
        if (s.outputPadding() != null) {
            layer(Severity.ERROR, name, "output_padding", "DL4J's Deconvolution2D has no output_padding; "
                    + "leave it unset");
        }
        var b = new Deconvolution2D.Builder(s.kernelSize().height(), s.kernelSize().width())
                .nOut(s.filters())
                .stride(s.strides().height(), s.strides().width())
                .dilation(s.dilationRate().height(), s.dilationRate().width())
                .convolutionMode(mode(s.padding()))
                .dataFormat(format)
                .hasBias(s.useBias());
        configure(b, name, s.activation(), s.kernelInitializer(), s.biasInitializer(), false);
        regularize(b, name, s.kernelRegularizer(), s.biasRegularizer(), s.activityRegularizer());
        constrain(b, name, s.kernelConstraint(), s.biasConstraint(), -1);
        return b.build();
    }

    private Layer dense(String name, DenseSpec s) {
        var b = new DenseLayer.Builder().nOut(s.units()).hasBias(s.useBias());
        configure(b, name, s.activation(), s.kernelInitializer(), s.biasInitializer(), false);
        regularize(b, name, s.kernelRegularizer(), s.biasRegularizer(), s.activityRegularizer());
        constrain(b, name, s.kernelConstraint(), s.biasConstraint(), 2);
        return b.build();
    }

    private Layer output(String name, DenseSpec s) {
        checkOutputActivation(name, s.activation());
        var b = new OutputLayer.Builder(Dl4jTrainingMapping.lossFunction(settings.loss())).nOut(s.units())
                .hasBias(s.useBias());
        configure(b, name, s.activation(), s.kernelInitializer(), s.biasInitializer(), false);
        regularize(b, name, s.kernelRegularizer(), s.biasRegularizer(), s.activityRegularizer());
        constrain(b, name, s.kernelConstraint(), s.biasConstraint(), 2);
        return b.build();
    }

    private Layer lossLayer(LayerNode node, ActivationSpec s) {
        String name = node.name();
        checkOutputActivation(name, s.activation());
        IActivation activation = activation(name, "activation", s.activation());
        var b = new LossLayer.Builder(Dl4jTrainingMapping.lossFunction(settings.loss()))
                .activation(activation == null ? new ActivationIdentity() : activation);
        return b.build();
    }

    /** The engine's shape of a node's (first) input, or null when unknown. */
    private TensorShape inputShape(LayerNode node) {
        List<NodeId> inputs = network.inputsOf(node.id());
        if (inputs.isEmpty()) {
            return null;
        }
        return analysis.node(inputs.get(0)).map(dev.stride.engine.shape.NodeAnalysis::outputShape).orElse(null);
    }

    private void checkOutputActivation(String name, Activation activation) {
        switch (settings.loss()) {
            case CATEGORICAL_CROSSENTROPY -> {
                if (activation != Activation.SOFTMAX) {
                    layer(Severity.ERROR, name, "activation", "categorical_crossentropy needs a softmax output, "
                            + "this layer has '" + activation.kerasName() + "'; set activation='softmax'");
                }
            }
            case BINARY_CROSSENTROPY -> {
                if (activation != Activation.SIGMOID) {
                    layer(Severity.ERROR, name, "activation", "binary_crossentropy needs a sigmoid output, "
                            + "this layer has '" + activation.kerasName() + "'; set activation='sigmoid'");
                }
            }
            default -> {
            }
        }
    }

    private Layer activationLayer(String name, ActivationSpec s) {
        IActivation activation = activation(name, "activation", s.activation());
        return new ActivationLayer.Builder().activation(activation == null ? new ActivationIdentity() : activation)
                .build();
    }

    private Layer pooling(String name, PoolingType type, Size2D pool, Size2D strides, Padding padding) {
        Size2D stride = strides == null ? pool : strides;
        return new SubsamplingLayer.Builder(type)
                .kernelSize(pool.height(), pool.width())
                .stride(stride.height(), stride.width())
                .convolutionMode(mode(padding))
                .dataFormat(format)
                // Keras averages only the real (unpadded) values at the borders.
                .avgPoolIncludePadInDivisor(false)
                .build();
    }

    private Layer globalPooling(String name, PoolingType type, boolean keepdims) {
        if (keepdims) {
            layer(Severity.ERROR, name, "keepdims", "keepdims=True is not supported by the DL4J backend; "
                    + "set keepdims=False");
        }
        return new GlobalPoolingLayer.Builder(type)
                .poolingDimensions(format == CNN2DFormat.NHWC ? new int[] {1, 2} : new int[] {2, 3})
                .collapseDimensions(true)
                .build();
    }

    private Layer batchNormalization(String name, BatchNormalizationSpec s) {
        int axis = s.axis();
        boolean channelAxis = modelFormat == DataFormat.CHANNELS_LAST ? axis == -1 || axis == 3
                : axis == 1 || axis == -3;
        if (!channelAxis && axis != -1) {
            layer(Severity.ERROR, name, "axis", "DL4J normalizes over the channel axis only; axis " + axis
                    + " is not the channel axis of this " + modelFormat.kerasName() + " network");
        }
        if (s.center() != s.scale()) {
            layer(Severity.ERROR, name, s.center() ? "scale" : "center", "DL4J learns gamma and beta together "
                    + "or neither; set center and scale to the same value");
        }
        if (!s.betaInitializer().equals(Initializer.zeros()) || !s.gammaInitializer().equals(Initializer.ones())
                || !s.movingMeanInitializer().equals(Initializer.zeros())
                || !s.movingVarianceInitializer().equals(Initializer.ones())) {
            layer(Severity.WARNING, name, "initializers", "DL4J starts BatchNormalization at gamma 1, beta 0, "
                    + "mean 0, variance 1; other initializers are ignored");
        }
        if (s.betaConstraint() != null || s.gammaConstraint() != null) {
            layer(Severity.ERROR, name, "constraints", "beta/gamma constraints are not supported by the DL4J "
                    + "backend; remove them");
        }
        // Keras's momentum is DL4J's decay (moving = decay·moving + (1−decay)·batch); both defaults differ.
        var b = new BatchNormalization.Builder()
                .decay(s.momentum())
                .eps(s.epsilon())
                .dataFormat(format);
        if (!s.center() && !s.scale()) {
            b.lockGammaBeta(true).gamma(1.0).beta(0.0);
        }
        List<Regularization> weights = new ArrayList<>(keras(s.gammaRegularizer()));
        List<Regularization> bias = new ArrayList<>(keras(s.betaRegularizer()));
        weights.addAll(Dl4jTrainingMapping.optimizerRegularization(settings));
        bias.addAll(Dl4jTrainingMapping.optimizerRegularization(settings));
        b.regularization(weights).regularizationBias(bias);
        return b.build();
    }

    private Layer dropout(String name, DropoutSpec s) {
        if (s.noiseShape() != null) {
            layer(Severity.ERROR, name, "noise_shape", "noise_shape is not supported by the DL4J backend; "
                    + "remove it, or use SpatialDropout2D");
        }
        // Keras's rate is the probability to DROP; DL4J's argument is the probability to KEEP.
        return new DropoutLayer.Builder(1.0 - s.rate()).build();
    }

    private Layer spatialDropout(String name, SpatialDropout2DSpec s) {
        if (format == CNN2DFormat.NHWC) {
            layer(Severity.ERROR, name, "data_format", "DL4J's SpatialDropout drops along axis 1, which is not "
                    + "the channel axis of a channels_last network; use Dropout or channels_first");
        }
        return new DropoutLayer.Builder(new SpatialDropout(1.0 - s.rate())).build();
    }

    private Layer upsampling(String name, UpSampling2DSpec s) {
        if (s.interpolation() != null && !s.interpolation().equalsIgnoreCase("nearest")) {
            layer(Severity.ERROR, name, "interpolation", "DL4J upsamples by repetition only; interpolation '"
                    + s.interpolation() + "' is not available, use 'nearest'");
        }
        return new Upsampling2D.Builder().size(new int[] {s.size().height(), s.size().width()})
                .dataFormat(format).build();
    }

    private void concatenate(ComputationGraphConfiguration.GraphBuilder graph, LayerNode node, ConcatenateSpec s,
                             String[] in) {
        boolean channels = s.axis() == -1 || (modelFormat == DataFormat.CHANNELS_FIRST && s.axis() == 1)
                || (modelFormat == DataFormat.CHANNELS_LAST && s.axis() == 3);
        if (!channels) {
            layer(Severity.ERROR, node.name(), "axis", "DL4J concatenates along the channel (or feature) axis "
                    + "only; axis " + s.axis() + " is not supported");
            return;
        }
        graph.addVertex(node.name(), new MergeVertex(), in);
        vertexOf.put(node.id(), node.name());
    }

    private static ConvolutionMode mode(Padding padding) {
        return padding == Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    private void configure(BaseLayer.Builder<?> b, String name, Activation activation, Initializer kernel,
                           Initializer bias, boolean depthwiseLayout) {
        IActivation fn = activation(name, "activation", activation);
        b.activation(fn == null ? new ActivationIdentity() : fn);
        b.weightInit(weightInit(name, kernel, depthwiseLayout));
        switch (bias.kind()) {
            case ZEROS -> b.biasInit(0.0);
            case ONES -> b.biasInit(1.0);
            case CONSTANT -> b.biasInit(((Number) bias.argument("value")).doubleValue());
            default -> {
                layer(Severity.WARNING, name, "bias_initializer", "DL4J initializes biases to a constant; '"
                        + bias.kind().alias() + "' is replaced by zeros");
                b.biasInit(0.0);
            }
        }
    }

    private IWeightInit weightInit(String name, Initializer initializer, boolean depthwiseLayout) {
        KerasWeightInit exact = KerasWeightInit.of(initializer, depthwiseLayout);
        if (exact != null) {
            return exact;
        }
        if (initializer.kind() == Initializer.Kind.ORTHOGONAL) {
            double gain = ((Number) initializer.argument("gain")).doubleValue();
            return new WeightInitDistribution(
                    new org.deeplearning4j.nn.conf.distribution.OrthogonalDistribution(gain));
        }
        double gain = ((Number) initializer.argument("gain")).doubleValue();
        if (gain != 1.0) {
            layer(Severity.WARNING, name, "kernel_initializer", "DL4J's identity initializer has no gain; "
                    + "gain " + gain + " is ignored");
        }
        return WeightInit.IDENTITY.getWeightInitFunction();
    }

    private void regularize(BaseLayer.Builder<?> b, String name, Regularizer kernel, Regularizer bias,
                            Regularizer activity) {
        if (activity != null) {
            layer(Severity.ERROR, name, "activity_regularizer", "activity regularization has no DL4J "
                    + "equivalent; remove it or use a kernel_regularizer");
        }
        List<Regularization> weights = new ArrayList<>(keras(kernel));
        List<Regularization> biases = new ArrayList<>(keras(bias));
        weights.addAll(Dl4jTrainingMapping.optimizerRegularization(settings));
        biases.addAll(Dl4jTrainingMapping.optimizerRegularization(settings));
        b.regularization(weights);
        b.regularizationBias(biases);
    }

    /**
     * Keras's penalty as DL4J regularization. Keras adds l2·Σw² to the loss; DL4J's L2Regularization(c) adds
     * c/2·Σw², so Keras l2(x) is DL4J c = 2x. L1 has the same form in both.
     */
    static List<Regularization> keras(Regularizer regularizer) {
        if (regularizer == null) {
            return List.of();
        }
        if (regularizer instanceof Regularizer.L1 r) {
            return List.of(new L1Regularization(r.l1()));
        }
        if (regularizer instanceof Regularizer.L2 r) {
            return List.of(new L2Regularization(2 * r.l2()));
        }
        Regularizer.L1L2 r = (Regularizer.L1L2) regularizer;
        List<Regularization> both = new ArrayList<>();
        if (r.l1() > 0) {
            both.add(new L1Regularization(r.l1()));
        }
        if (r.l2() > 0) {
            both.add(new L2Regularization(2 * r.l2()));
        }
        return both;
    }

    /**
     * Keras constraints as DL4J constraints. Keras kernels are (in, out) for Dense — as DL4J's W — and
     * (kH, kW, in, out) for Conv2D, where DL4J's W is [out, in, kH, kW]; the axes are translated.
     */
    private void constrain(BaseLayer.Builder<?> b, String name, Constraint kernel, Constraint bias, int kernelRank) {
        if (kernel != null) {
            if (kernelRank < 0 && !(kernel instanceof Constraint.NonNeg)) {
                layer(Severity.ERROR, name, "kernel_constraint", "norm constraints on this layer's kernel are "
                        + "not supported by the DL4J backend; use non_neg or none");
            } else {
                LayerConstraint constraint = constraint(kernel, kernelRank);
                if (constraint != null) {
                    b.constrainWeights(constraint);
                }
            }
        }
        if (bias != null) {
            if (!(bias instanceof Constraint.NonNeg)) {
                layer(Severity.ERROR, name, "bias_constraint", "only non_neg is supported for biases by the DL4J "
                        + "backend");
            } else {
                b.constrainBias(new NonNegativeConstraint());
            }
        }
    }

    private static LayerConstraint constraint(Constraint constraint, int rank) {
        if (constraint instanceof Constraint.MaxNorm c) {
            return new MaxNormConstraint(c.maxValue(), axes(c.axis(), rank));
        }
        if (constraint instanceof Constraint.UnitNorm c) {
            return new UnitNormConstraint(axes(c.axis(), rank));
        }
        if (constraint instanceof Constraint.MinMaxNorm c) {
            return new MinMaxNormConstraint(c.minValue(), c.maxValue(), c.rate(), axes(c.axis(), rank));
        }
        return new NonNegativeConstraint();
    }

    /** Keras kernel axes to DL4J weight axes (Conv2D: kH→2, kW→3, in→1, out→0; Dense: unchanged). */
    static int[] axes(List<Integer> kerasAxes, int rank) {
        int[] conv = {2, 3, 1, 0};
        int[] out = new int[kerasAxes.size()];
        for (int i = 0; i < out.length; i++) {
            int axis = kerasAxes.get(i) < 0 ? kerasAxes.get(i) + rank : kerasAxes.get(i);
            out[i] = rank == 4 ? conv[axis] : axis;
        }
        return out;
    }

    /** Keras's activation as DL4J's, or null with an error when DL4J has none. */
    private IActivation activation(String name, String parameter, Activation activation) {
        IActivation fn = switch (activation) {
            case LINEAR -> new ActivationIdentity();
            case RELU -> new ActivationReLU();
            case RELU6 -> new ActivationReLU6();
            // Keras's leaky_relu activation uses a negative slope of 0.2 (DL4J's default is 0.01).
            case LEAKY_RELU -> new ActivationLReLU(0.2);
            case ELU -> new ActivationELU(1.0);
            case SELU -> new ActivationSELU();
            case GELU -> new ActivationGELU(true);
            case SIGMOID -> new ActivationSigmoid();
            case HARD_SIGMOID -> new ActivationHardSigmoid();
            case TANH -> new ActivationTanH();
            case SOFTMAX -> new ActivationSoftmax();
            case SOFTPLUS -> new ActivationSoftPlus();
            case SOFTSIGN -> new ActivationSoftSign();
            case SWISH, SILU -> new ActivationSwish();
            case MISH -> new ActivationMish();
            case LOG_SOFTMAX, HARD_SILU, HARD_SWISH, EXPONENTIAL -> null;
        };
        if (fn == null) {
            layer(Severity.ERROR, name, parameter, "activation '" + activation.kerasName()
                    + "' has no DL4J equivalent; choose relu, sigmoid, tanh, softmax, swish or another supported one");
        }
        if (activation == Activation.GELU) {
            layer(Severity.WARNING, name, parameter, "DL4J's gelu is the tanh approximation; Keras's default is "
                    + "the exact erf form (the two differ by less than 0.001)");
        }
        if (activation == Activation.HARD_SIGMOID) {
            layer(Severity.WARNING, name, parameter, "DL4J's hard_sigmoid has slope 0.2 (Keras 2); Keras 3 uses "
                    + "1/6");
        }
        return fn;
    }

    private void layer(Severity severity, String name, String parameter, String message) {
        diagnostics.add(new Dl4jDiagnostic(severity, name, parameter, message));
    }

    private void network(Severity severity, String message) {
        diagnostics.add(new Dl4jDiagnostic(severity, "", "", message));
    }

}
