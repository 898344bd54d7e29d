package dev.stride.engine.export;

import dev.stride.engine.StrideVersion;
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
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.SpatialDropout2DSpec;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.model.ZeroPadding2DSpec;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.training.TrainingSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A compilable Java class that builds the design as a DL4J {@code ComputationGraphConfiguration} through DL4J's
 * builder API, with a {@code main} that trains it briefly on placeholder data.
 *
 * <p>The class computes in DL4J's native NCHW layout (images go in as (N, C, H, W)); Flatten layers become DL4J's
 * automatic CNN-to-dense preprocessor, so a Dense after Flatten reads (C, H, W) order. Keras's L1/L2 factors are
 * translated to DL4J's ({@code .l2(2x)} for Keras {@code l2(x)}), Dropout rates to DL4J's keep probabilities, and
 * BatchNormalization's momentum to DL4J's decay (same meaning). Settings DL4J cannot express raise
 * {@link UnsupportedLayerException} naming the layer.
 */
public final class Dl4jJavaCodeGenerator {
    private static final String FORMAT = "DL4J Java";

    private final Network network;
    private final NetworkAnalysis analysis;
    private final boolean channelsLast;
    private final List<String> statements = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Flatten has no DL4J vertex: its consumers read from the layer before it. */
    private final Map<NodeId, String> vertexName = new HashMap<>();

    private Dl4jJavaCodeGenerator(Network network, NetworkAnalysis analysis) {
        this.network = network;
        this.analysis = analysis;
        this.channelsLast = NetworkFormats.dataFormat(network) == DataFormat.CHANNELS_LAST;
    }

    /** The Java source of a public class named {@code className} in the default package. */
    public static String generate(Network network, NetworkAnalysis analysis, TrainingSettings settings,
            String className) {
        if (!analysis.isValid()) {
            throw new IllegalArgumentException("the network has shape errors; fix them before exporting: "
                    + analysis.errors().get(0).message());
        }
        return new Dl4jJavaCodeGenerator(network, analysis).source(settings, className);
    }

    private String source(TrainingSettings settings, String className) {
        List<NodeId> order = network.topologicalOrder()
                .orElseThrow(() -> new IllegalArgumentException("the network has a cycle"));
        List<NodeId> sinks = network.sinks();
        for (NodeId id : order) {
            translate(network.node(id), sinks.contains(id) && sinks.size() == 1, settings.loss());
        }
        List<String> outputs = new ArrayList<>();
        for (NodeId sink : sinks) {
            outputs.add(outputName(sink));
        }
        StringBuilder java = new StringBuilder();
        java.append("import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;\n")
                .append("import org.deeplearning4j.nn.conf.ConvolutionMode;\n")
                .append("import org.deeplearning4j.nn.conf.NeuralNetConfiguration;\n")
                .append("import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;\n")
                .append("import org.deeplearning4j.nn.conf.graph.MergeVertex;\n")
                .append("import org.deeplearning4j.nn.conf.inputs.InputType;\n")
                .append("import org.deeplearning4j.nn.conf.layers.*;\n")
                .append("import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;\n")
                .append("import org.deeplearning4j.nn.graph.ComputationGraph;\n")
                .append("import org.deeplearning4j.nn.weights.WeightInit;\n")
                .append("import org.nd4j.linalg.activations.Activation;\n")
                .append("import org.nd4j.linalg.activations.impl.ActivationGELU;\n")
                .append("import org.nd4j.linalg.activations.impl.ActivationLReLU;\n")
                .append("import org.nd4j.linalg.api.ndarray.INDArray;\n")
                .append("import org.nd4j.linalg.dataset.api.MultiDataSet;\n")
                .append("import org.nd4j.linalg.factory.Nd4j;\n")
                .append("import org.nd4j.linalg.learning.config.*;\n")
                .append("import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;\n\n");
        java.append("/**\n * ").append(className).append(": generated by Stride ").append(StrideVersion.current())
                .append(" for DeepLearning4J 1.0.0-M2.1.\n * Images are NCHW: (batch, channels, height, width).\n");
        for (String note : notes) {
            java.append(" * Note: ").append(note).append('\n');
        }
        java.append(" */\npublic class ").append(className).append(" {\n\n");
        java.append("    public static ComputationGraphConfiguration configuration() {\n");
        java.append("        return new NeuralNetConfiguration.Builder()\n");
        java.append("                .seed(").append(settings.seed()).append("L)\n");
        java.append("                .updater(").append(updater(settings)).append(")\n");
        if (settings.optimizer() == TrainingSettings.Optimizer.ADAMW) {
            // DL4J has no AdamW updater: Adam plus decoupled weight decay is the same rule.
            java.append("                .weightDecay(").append(settings.weightDecay()).append(")\n");
        }
        java.append("                .weightInit(WeightInit.XAVIER_UNIFORM)\n");
        java.append("                .graphBuilder()\n");
        List<String> inputs = network.sources().stream().map(id -> quote(network.node(id).name())).toList();
        java.append("                .addInputs(").append(String.join(", ", inputs)).append(")\n");
        java.append("                .setInputTypes(").append(network.sources().stream()
                .map(id -> inputType(shape(id))).collect(Collectors.joining(", "))).append(")\n");
        for (String statement : statements) {
            java.append("                ").append(statement).append('\n');
        }
        if (refusedByDl4jValidation(settings.loss())) {
            // Keras trains this activation/loss pair; DL4J's configuration check would refuse it.
            java.append("                .validateOutputLayerConfig(false)\n");
        }
        java.append("                .setOutputs(").append(outputs.stream().map(Dl4jJavaCodeGenerator::quote)
                .collect(Collectors.joining(", "))).append(")\n");
        java.append("                .build();\n    }\n\n");
        java.append("    public static void main(String[] args) {\n");
        java.append("        ComputationGraph graph = new ComputationGraph(configuration());\n");
        java.append("        graph.init();\n");
        java.append("        System.out.println(graph.summary());\n");
        java.append("        // Placeholder data with the right shapes: replace it with your DataSetIterator.\n");
        java.append("        int count = ").append(settings.batchSize()).append(";\n");
        java.append("        INDArray[] features = {").append(network.sources().stream()
                .map(id -> "Nd4j.rand(" + nchwDims(shape(id)) + ")").collect(Collectors.joining(", ")))
                .append("};\n");
        java.append("        INDArray[] labels = {").append(sinks.stream()
                .map(id -> "Nd4j.rand(" + nchwDims(shape(id)) + ")").collect(Collectors.joining(", ")))
                .append("};\n");
        java.append("        MultiDataSet data = new org.nd4j.linalg.dataset.MultiDataSet(features, labels);\n");
        java.append("        for (int epoch = 0; epoch < ").append(settings.epochs()).append("; epoch++) {\n");
        java.append("            graph.fit(data);\n");
        java.append("            System.out.println(\"epoch \" + (epoch + 1) + \": score \" + graph.score());\n");
        java.append("        }\n    }\n}\n");
        return java.toString();
    }

    private void translate(LayerNode node, boolean soleOutput, TrainingSettings.Loss loss) {
        String name = node.name();
        LayerSpec spec = node.spec();
        List<String> from = network.inputsOf(node.id()).stream().map(vertexName::get).toList();
        TensorShape in = network.inputsOf(node.id()).isEmpty() ? null : shape(network.inputsOf(node.id()).get(0));
        TensorShape out = shape(node.id());
        String layer;
        if (spec instanceof InputLayerSpec) {
            vertexName.put(node.id(), name);
            return;
        } else if (spec instanceof FlattenSpec) {
            vertexName.put(node.id(), from.get(0));
            return;
        } else if (spec instanceof Conv2DSpec s) {
            if (s.groups() != 1) {
                throw new UnsupportedLayerException(FORMAT, name, "grouped convolution (groups=" + s.groups()
                        + "); DL4J has none");
            }
            layer = "new ConvolutionLayer.Builder(" + pair(s.kernelSize()) + ")" + conv(s.strides(), s.dilationRate(),
                    s.padding()) + ".nOut(" + s.filters() + ")" + activation(name, s.activation())
                    + bias(s.useBias()) + init(name, s.kernelInitializer(), s.biasInitializer())
                    + regularizers(s.kernelRegularizer(), s.biasRegularizer()) + ".build()";
            constraintNote(name, s.kernelConstraint(), s.biasConstraint());
        } else if (spec instanceof Conv2DTransposeSpec s) {
            if (s.outputPadding() != null) {
                throw new UnsupportedLayerException(FORMAT, name, "output_padding; DL4J's Deconvolution2D has none");
            }
            layer = "new Deconvolution2D.Builder(" + pair(s.kernelSize()) + ")" + conv(s.strides(), s.dilationRate(),
                    s.padding()) + ".nOut(" + s.filters() + ")" + activation(name, s.activation())
                    + bias(s.useBias()) + init(name, s.kernelInitializer(), s.biasInitializer())
                    + regularizers(s.kernelRegularizer(), s.biasRegularizer()) + ".build()";
            constraintNote(name, s.kernelConstraint(), s.biasConstraint());
        } else if (spec instanceof DepthwiseConv2DSpec s) {
            layer = "new DepthwiseConvolution2D.Builder(" + pair(s.kernelSize()) + ")" + conv(s.strides(),
                    s.dilationRate(), s.padding()) + ".depthMultiplier(" + s.depthMultiplier() + ").nOut("
                    + channels(in) * s.depthMultiplier() + ")" + activation(name, s.activation()) + bias(s.useBias())
                    + init(name, s.depthwiseInitializer(), s.biasInitializer())
                    + regularizers(s.depthwiseRegularizer(), s.biasRegularizer()) + ".build()";
            constraintNote(name, s.depthwiseConstraint(), s.biasConstraint());
        } else if (spec instanceof SeparableConv2DSpec s) {
            layer = "new SeparableConvolution2D.Builder(" + pair(s.kernelSize()) + ")" + conv(s.strides(),
                    s.dilationRate(), s.padding()) + ".depthMultiplier(" + s.depthMultiplier() + ").nOut("
                    + s.filters() + ")" + activation(name, s.activation()) + bias(s.useBias())
                    + init(name, s.depthwiseInitializer(), s.biasInitializer())
                    + regularizers(s.depthwiseRegularizer(), s.biasRegularizer()) + ".build()";
            constraintNote(name, s.depthwiseConstraint(), s.biasConstraint());
        } else if (spec instanceof MaxPooling2DSpec s) {
            layer = "new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(" + pair(s.poolSize())
                    + ").stride(" + pair(s.effectiveStrides()) + ").convolutionMode(" + mode(s.padding())
                    + ").build()";
        } else if (spec instanceof AveragePooling2DSpec s) {
            // Keras leaves the padding out of each average.
            layer = "new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG).kernelSize(" + pair(s.poolSize())
                    + ").stride(" + pair(s.effectiveStrides()) + ").convolutionMode(" + mode(s.padding())
                    + ").avgPoolIncludePadInDivisor(false).build()";
        } else if (spec instanceof GlobalAveragePooling2DSpec s) {
            layer = "new GlobalPoolingLayer.Builder(PoolingType.AVG)" + (s.keepdims() ? ".collapseDimensions(false)"
                    : "") + ".build()";
        } else if (spec instanceof GlobalMaxPooling2DSpec s) {
            layer = "new GlobalPoolingLayer.Builder(PoolingType.MAX)" + (s.keepdims() ? ".collapseDimensions(false)"
                    : "") + ".build()";
        } else if (spec instanceof ZeroPadding2DSpec s) {
            layer = "new ZeroPaddingLayer.Builder(" + s.padding().top() + ", " + s.padding().bottom() + ", "
                    + s.padding().left() + ", " + s.padding().right() + ").build()";
        } else if (spec instanceof Cropping2DSpec s) {
            layer = "new Cropping2D.Builder(" + s.cropping().top() + ", " + s.cropping().bottom() + ", "
                    + s.cropping().left() + ", " + s.cropping().right() + ").build()";
        } else if (spec instanceof UpSampling2DSpec s) {
            if (!s.interpolation().equals("nearest")) {
                throw new UnsupportedLayerException(FORMAT, name, "interpolation '" + s.interpolation()
                        + "'; DL4J's Upsampling2D repeats pixels (nearest)");
            }
            layer = "new Upsampling2D.Builder().size(new int[] {" + s.size().height() + ", " + s.size().width()
                    + "}).build()";
        } else if (spec instanceof BatchNormalizationSpec s) {
            if (s.center() != s.scale()) {
                throw new UnsupportedLayerException(FORMAT, name, "center=" + s.center() + " with scale="
                        + s.scale() + "; DL4J locks gamma and beta together");
            }
            layer = "new BatchNormalization.Builder().decay(" + s.momentum() + ").eps(" + s.epsilon() + ")"
                    + (s.center() ? "" : ".lockGammaBeta(true)") + ".build()";
        } else if (spec instanceof DropoutSpec s) {
            // DL4J's argument is the probability to keep.
            layer = "new DropoutLayer.Builder(" + keep(s.rate()) + ").build()";
        } else if (spec instanceof SpatialDropout2DSpec s) {
            layer = "new DropoutLayer.Builder(new org.deeplearning4j.nn.conf.dropout.SpatialDropout(" + keep(s.rate())
                    + ")).build()";
        } else if (spec instanceof ActivationSpec s) {
            layer = "new ActivationLayer.Builder()" + activation(name, s.activation()) + ".build()";
        } else if (spec instanceof DenseSpec s) {
            if (in.rank() != 1) {
                throw new UnsupportedLayerException(FORMAT, name, "Dense on a " + in.rank()
                        + "-D tensor; add a Flatten or GlobalAveragePooling2D before it");
            }
            String builder = soleOutput ? "new OutputLayer.Builder(LossFunction." + lossFunction(loss) + ")"
                    : "new DenseLayer.Builder()";
            layer = builder + ".nOut(" + s.units() + ")" + activation(name, s.activation()) + bias(s.useBias())
                    + init(name, s.kernelInitializer(), s.biasInitializer())
                    + regularizers(s.kernelRegularizer(), s.biasRegularizer()) + ".build()";
            constraintNote(name, s.kernelConstraint(), s.biasConstraint());
        } else if (spec instanceof AddSpec) {
            statements.add(".addVertex(" + quote(name) + ", new ElementWiseVertex(ElementWiseVertex.Op.Add), "
                    + inputs(from) + ")");
            vertexName.put(node.id(), name);
            return;
        } else if (spec instanceof ConcatenateSpec s) {
            int axis = s.axis() < 0 ? out.rank() + 1 + s.axis() : s.axis();
            boolean channelAxis = out.rank() == 1 || (channelsLast ? axis == 3 : axis == 1);
            if (!channelAxis) {
                throw new UnsupportedLayerException(FORMAT, name, "concatenating along axis " + s.axis()
                        + "; DL4J's MergeVertex joins channels");
            }
            statements.add(".addVertex(" + quote(name) + ", new MergeVertex(), " + inputs(from) + ")");
            vertexName.put(node.id(), name);
            return;
        } else {
            throw new UnsupportedLayerException(FORMAT, name, spec.kerasClassName() + " layers");
        }
        statements.add(".addLayer(" + quote(name) + ", " + layer + ", " + inputs(from) + ")");
        vertexName.put(node.id(), name);
        if (!node.trainable()) {
            notes.add(name + " is frozen in Stride: wrap it in FrozenLayer or use TransferLearning to freeze it.");
        }
        if (soleOutput && !(spec instanceof DenseSpec)) {
            String lossLayer = out.rank() == 3 ? "new CnnLossLayer.Builder(LossFunction." + lossFunction(loss)
                    + ").activation(Activation.IDENTITY).build()"
                    : "new LossLayer.Builder(LossFunction." + lossFunction(loss)
                    + ").activation(Activation.IDENTITY).build()";
            statements.add(".addLayer(\"loss\", " + lossLayer + ", " + quote(name) + ")");
        }
    }

    /** DL4J refuses MCXENT without softmax and XENT without sigmoid on its output layer. */
    private boolean refusedByDl4jValidation(TrainingSettings.Loss loss) {
        if (network.sinks().size() != 1 || !(network.node(network.sinks().get(0)).spec() instanceof DenseSpec dense)) {
            return false;
        }
        return (loss == TrainingSettings.Loss.CATEGORICAL_CROSSENTROPY && dense.activation() != Activation.SOFTMAX)
                || (loss == TrainingSettings.Loss.BINARY_CROSSENTROPY && dense.activation() != Activation.SIGMOID);
    }

    private String outputName(NodeId sink) {
        LayerSpec spec = network.node(sink).spec();
        boolean single = network.sinks().size() == 1;
        return single && !(spec instanceof DenseSpec) ? "loss" : vertexName.get(sink);
    }

    private static String conv(Size2D strides, Size2D dilation, Padding padding) {
        return ".stride(" + pair(strides) + ").dilation(" + pair(dilation) + ").convolutionMode(" + mode(padding)
                + ")";
    }

    /** Keras 'valid' floors like DL4J's Truncate; 'same' pads like DL4J's Same (odd pixel bottom/right). */
    private static String mode(Padding padding) {
        return padding == Padding.SAME ? "ConvolutionMode.Same" : "ConvolutionMode.Truncate";
    }

    /** 1 − rate without binary noise: Keras's 0.3 becomes 0.7, not 0.7000000000000001. */
    private static String keep(double rate) {
        return java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(rate)).toPlainString();
    }

    private static String bias(boolean useBias) {
        return useBias ? "" : ".hasBias(false)";
    }

    private String activation(String layer, Activation activation) {
        String dl4j = switch (activation) {
            case LINEAR -> "Activation.IDENTITY";
            case RELU -> "Activation.RELU";
            case RELU6 -> "Activation.RELU6";
            case LEAKY_RELU -> "new ActivationLReLU(0.2)";
            case ELU -> "Activation.ELU";
            case SELU -> "Activation.SELU";
            case GELU -> "new ActivationGELU(true)";
            case SIGMOID -> "Activation.SIGMOID";
            case HARD_SIGMOID -> {
                notes.add(layer + ": DL4J's hard sigmoid is 0.2·x + 0.5 (Keras 2); Keras 3 uses x/6 + 0.5.");
                yield "Activation.HARDSIGMOID";
            }
            case TANH -> "Activation.TANH";
            case SOFTMAX -> "Activation.SOFTMAX";
            case SOFTPLUS -> "Activation.SOFTPLUS";
            case SOFTSIGN -> "Activation.SOFTSIGN";
            case SWISH, SILU -> "Activation.SWISH";
            case MISH -> "Activation.MISH";
            case LOG_SOFTMAX, HARD_SILU, HARD_SWISH, EXPONENTIAL -> throw new UnsupportedLayerException(FORMAT,
                    layer, "activation '" + activation.kerasName() + "'; DL4J has no such activation");
        };
        return ".activation(" + dl4j + ")";
    }

    private String init(String layer, Initializer kernel, Initializer bias) {
        String weightInit = switch (kernel.kind()) {
            case GLOROT_UNIFORM -> "XAVIER_UNIFORM";
            case GLOROT_NORMAL -> "XAVIER";
            case HE_NORMAL -> "RELU";
            case HE_UNIFORM -> "RELU_UNIFORM";
            case LECUN_NORMAL -> "LECUN_NORMAL";
            case LECUN_UNIFORM -> "LECUN_UNIFORM";
            case ZEROS -> "ZERO";
            case ONES -> "ONES";
            case IDENTITY -> "IDENTITY";
            default -> null;
        };
        StringBuilder code = new StringBuilder();
        if (weightInit == null) {
            notes.add(layer + ": Keras initializer " + kernel.kind().kerasClassName()
                    + " has no exact DL4J counterpart; Xavier uniform is used.");
        } else if (!weightInit.equals("XAVIER_UNIFORM")) {
            code.append(".weightInit(WeightInit.").append(weightInit).append(')');
        }
        if (bias.kind() == Initializer.Kind.CONSTANT) {
            code.append(".biasInit(").append(bias.argument("value")).append(')');
        } else if (bias.kind() == Initializer.Kind.ONES) {
            code.append(".biasInit(1.0)");
        } else if (bias.kind() != Initializer.Kind.ZEROS) {
            notes.add(layer + ": DL4J initialises biases to a constant; Keras's " + bias.kind().kerasClassName()
                    + " bias initializer is not reproduced.");
        }
        return code.toString();
    }

    /** Keras adds {@code l2·Σw²}, DL4J {@code l2/2·Σw²}: DL4J's factor is twice Keras's. */
    private static String regularizers(Regularizer kernel, Regularizer bias) {
        StringBuilder code = new StringBuilder();
        appendRegularizer(code, kernel, "");
        appendRegularizer(code, bias, "Bias");
        return code.toString();
    }

    private static void appendRegularizer(StringBuilder code, Regularizer regularizer, String suffix) {
        if (regularizer instanceof Regularizer.L1 l1) {
            code.append(".l1").append(suffix).append('(').append(l1.l1()).append(')');
        } else if (regularizer instanceof Regularizer.L2 l2) {
            code.append(".l2").append(suffix).append('(').append(2 * l2.l2()).append(')');
        } else if (regularizer instanceof Regularizer.L1L2 both) {
            code.append(".l1").append(suffix).append('(').append(both.l1()).append(")")
                    .append(".l2").append(suffix).append('(').append(2 * both.l2()).append(')');
        }
    }

    private void constraintNote(String layer, Constraint kernel, Constraint bias) {
        if (kernel != null || bias != null) {
            notes.add(layer + ": Keras weight constraints are not reproduced; see DL4J's constrainWeights(...).");
        }
    }

    private static String updater(TrainingSettings settings) {
        double lr = settings.learningRate();
        return switch (settings.optimizer()) {
            case SGD -> "new Sgd(" + lr + ")";
            // DL4J's only momentum updater is Nesterov's.
            case SGD_MOMENTUM, NESTEROV -> "new Nesterovs(" + lr + ", " + settings.momentum() + ")";
            case ADAM -> "new Adam(" + lr + ")";
            case ADAMW -> "new Adam(" + lr + ")";
            case RMSPROP -> "new RmsProp(" + lr + ", " + settings.momentum() + ", 1e-7)";
            case ADAGRAD -> "new AdaGrad(" + lr + ")";
        };
    }

    private static String lossFunction(TrainingSettings.Loss loss) {
        return switch (loss) {
            case CATEGORICAL_CROSSENTROPY -> "MCXENT";
            case BINARY_CROSSENTROPY -> "XENT";
            case MSE -> "MSE";
            case MAE -> "L1";
        };
    }

    private String inputType(TensorShape shape) {
        if (shape.rank() == 3) {
            return "InputType.convolutional(" + height(shape) + ", " + width(shape) + ", " + channels(shape) + ")";
        } else if (shape.rank() == 1) {
            return "InputType.feedForward(" + shape.dim(0) + ")";
        }
        throw new UnsupportedLayerException(FORMAT, "input", "a " + shape.rank() + "-D input");
    }

    private String nchwDims(TensorShape shape) {
        if (shape.rank() == 3) {
            return "count, " + channels(shape) + ", " + height(shape) + ", " + width(shape);
        }
        return "count, " + shape.dims().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private TensorShape shape(NodeId id) {
        return KerasCodeGenerator.shape(analysis, id);
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

    private static String pair(Size2D size) {
        return size.height() + ", " + size.width();
    }

    private static String inputs(List<String> names) {
        return names.stream().map(Dl4jJavaCodeGenerator::quote).collect(Collectors.joining(", "));
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A Java class name from a model name: {@code mnist-convnet} → {@code MnistConvnet}. */
    public static String className(String modelName) {
        StringBuilder name = new StringBuilder();
        for (String part : modelName.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        if (name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name.insert(0, "Stride");
        }
        return name.toString();
    }
}
