package dev.stride.engine.export;

import static dev.stride.engine.export.PythonSyntax.identifier;
import static dev.stride.engine.export.PythonSyntax.number;

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
import dev.stride.engine.model.Regularizer;
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
import dev.stride.engine.training.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A runnable PyTorch script: an {@code nn.Module} named {@code StrideModel} that computes what the Keras design
 * computes, plus a training loop with the same optimizer, loss and regularisation.
 *
 * <p>PyTorch works in (N, C, H, W): images go in and come out channels first whatever the design's data_format.
 * 'same' padding is reproduced exactly as TensorFlow computes it, also with stride &gt; 1 (which PyTorch's own
 * {@code padding='same'} refuses): the total padding {@code max((out−1)·s + k' − in, 0)} is split with the odd pixel
 * at the bottom and right via {@code F.pad}. Keras's Flatten of a channels_last image reads values in (H, W, C)
 * order while {@code torch.flatten} of an NCHW tensor reads (C, H, W): the generated code permutes to NHWC first, so
 * Dense weights copied from Keras line up. BatchNormalization's momentum is {@code 1 − Keras momentum} (PyTorch
 * weighs the new batch, Keras the running value); Keras's L1/L2 regularizers become an explicit penalty added to the
 * loss, exactly as Keras adds them (not as {@code weight_decay}, which would also decay biases).
 */
public final class PyTorchCodeGenerator {
    private static final String FORMAT = "PyTorch";

    private final Network network;
    private final NetworkAnalysis analysis;
    private final boolean channelsLast;
    private final List<String> modules = new ArrayList<>();
    private final List<String> forward = new ArrayList<>();
    private final List<String> penalties = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> loads = new ArrayList<>();
    private boolean needsSameAveragePool;

    private PyTorchCodeGenerator(Network network, NetworkAnalysis analysis) {
        this.network = network;
        this.analysis = analysis;
        this.channelsLast = NetworkFormats.dataFormat(network) == DataFormat.CHANNELS_LAST;
    }

    public static String generate(Network network, NetworkAnalysis analysis, TrainingSettings settings,
            String modelName) {
        if (!analysis.isValid()) {
            throw new IllegalArgumentException("the network has shape errors; fix them before exporting: "
                    + analysis.errors().get(0).message());
        }
        return new PyTorchCodeGenerator(network, analysis).script(settings, modelName);
    }

    private String script(TrainingSettings settings, String modelName) {
        List<NodeId> order = network.topologicalOrder()
                .orElseThrow(() -> new IllegalArgumentException("the network has a cycle"));
        for (NodeId id : order) {
            translate(network.node(id));
        }
        List<String> inputs = network.sources().stream().map(this::var).toList();
        List<String> outputs = network.sinks().stream().map(this::var).toList();

        StringBuilder code = new StringBuilder();
        code.append("\"\"\"").append(modelName).append(": generated by Stride ").append(StrideVersion.current())
                .append(".\n\nRuns with PyTorch (tested with 1.13 and 2.x). Images are (N, C, H, W) in and out.\n")
                .append("Replace the placeholder data at the bottom with your own.\n\"\"\"\n");
        code.append("import torch\nfrom torch import nn\nimport torch.nn.functional as F\n\n\n");
        if (needsSameAveragePool) {
            code.append("""
                    def same_avg_pool2d(x, kernel, stride, pads):
                        \"\"\"Keras's 'same' average pooling: the zero padding is left out of each average.\"\"\"
                        ones = torch.ones_like(x[:, :1])
                        total = F.avg_pool2d(F.pad(x, pads), kernel, stride)
                        share = F.avg_pool2d(F.pad(ones, pads), kernel, stride)
                        return total / share


                    """);
        }
        code.append("class StrideModel(nn.Module):\n");
        code.append("    \"\"\"").append(modelName).append(" as designed in Stride.\"\"\"\n\n");
        code.append("    def __init__(self):\n        super().__init__()\n");
        for (String module : modules) {
            code.append("        ").append(module).append('\n');
        }
        if (modules.isEmpty()) {
            code.append("        pass\n");
        }
        code.append("\n    def forward(self, ").append(String.join(", ", inputs)).append("):\n");
        for (String line : forward) {
            code.append("        ").append(line).append('\n');
        }
        code.append("        return ").append(outputs.size() == 1 ? outputs.get(0)
                : "(" + String.join(", ", outputs) + ")").append("\n\n");
        code.append("    def load_keras_weights(self, weights):\n");
        code.append("        \"\"\"Copies weights from Keras: {layer name: {weight name: array in Keras's layout}}, e.g.\n");
        code.append("        {l.name: {w.path.split(\"/\")[-1]: w.numpy() for w in l.weights} for l in keras_model.layers}\n");
        code.append("        \"\"\"\n");
        code.append("        def tensor(layer, name):\n");
        code.append("            return torch.as_tensor(weights[layer][name], dtype=torch.float32)\n\n");
        code.append("        with torch.no_grad():\n");
        if (loads.isEmpty()) {
            code.append("            pass\n");
        }
        for (String load : loads) {
            code.append("            ").append(load).append('\n');
        }
        code.append("        return self\n\n\n");

        code.append("def regularization(model):\n");
        code.append("    \"\"\"The penalty Keras adds to the loss for the layers' kernel/bias regularizers.\"\"\"\n");
        code.append("    penalty = 0.0\n");
        for (String penalty : penalties) {
            code.append("    penalty = penalty + ").append(penalty).append('\n');
        }
        code.append("    return penalty\n\n\n");
        code.append(lossFunction(settings.loss()));
        code.append("def make_optimizer(model):\n    return ").append(optimizer(settings)).append("\n\n\n");
        for (String note : notes) {
            code.append("# Note: ").append(note).append('\n');
        }
        if (!notes.isEmpty()) {
            code.append("\n");
        }
        code.append(trainingLoop(settings));
        return code.toString();
    }

    private String trainingLoop(TrainingSettings settings) {
        StringBuilder code = new StringBuilder();
        code.append("def train(model, loader, epochs):\n");
        code.append("    optimizer = make_optimizer(model)\n");
        code.append("    for epoch in range(epochs):\n");
        code.append("        model.train()\n");
        code.append("        total, batches = 0.0, 0\n");
        code.append("        for *inputs, target in loader:\n");
        code.append("            optimizer.zero_grad()\n");
        code.append("            loss = loss_function(model(*inputs), target) + regularization(model)\n");
        code.append("            loss.backward()\n");
        code.append("            optimizer.step()\n");
        code.append("            total, batches = total + loss.item(), batches + 1\n");
        code.append("        print(f\"epoch {epoch + 1}/{epochs}: loss {total / max(batches, 1):.4f}\")\n\n\n");
        code.append("if __name__ == \"__main__\":\n");
        code.append("    torch.manual_seed(").append(settings.seed()).append(")\n");
        code.append("    model = StrideModel()\n");
        code.append("    # Placeholder data with the right shapes: replace it with your dataset.\n");
        code.append("    count = ").append(Math.max(4L * settings.batchSize(), 64)).append('\n');
        List<String> tensors = new ArrayList<>();
        for (NodeId source : network.sources()) {
            String name = "x_" + var(source);
            code.append("    ").append(name).append(" = torch.rand(count, ")
                    .append(dims(torchShape(shape(source)))).append(")\n");
            tensors.add(name);
        }
        NodeId sink = network.sinks().get(0);
        TensorShape out = torchShape(shape(sink));
        code.append("    y = ").append(switch (settings.loss()) {
            case CATEGORICAL_CROSSENTROPY -> out.rank() == 1
                    ? "F.one_hot(torch.randint(0, " + out.dim(0) + ", (count,)), " + out.dim(0) + ").float()"
                    : "torch.softmax(torch.rand(count, " + dims(out) + "), dim=1)";
            case BINARY_CROSSENTROPY -> "torch.randint(0, 2, (count, " + dims(out) + ")).float()";
            case MSE, MAE -> "torch.rand(count, " + dims(out) + ")";
        }).append('\n');
        if (network.sinks().size() > 1) {
            code.append("    # The model has several outputs: this loop trains the first; adapt loss_function.\n");
        }
        tensors.add("y");
        code.append("    dataset = torch.utils.data.TensorDataset(").append(String.join(", ", tensors)).append(")\n");
        code.append("    loader = torch.utils.data.DataLoader(dataset, batch_size=").append(settings.batchSize())
                .append(", shuffle=True)\n");
        code.append("    train(model, loader, epochs=").append(settings.epochs()).append(")\n");
        return code.toString();
    }

    private void translate(LayerNode node) {
        String name = var(node.id());
        LayerSpec spec = node.spec();
        List<NodeId> from = network.inputsOf(node.id());
        String x = from.isEmpty() ? null : var(from.get(0));
        TensorShape in = from.isEmpty() ? null : shape(from.get(0));
        TensorShape out = shape(node.id());
        String self = "self." + name;
        String expression;
        if (spec instanceof InputLayerSpec) {
            return;
        } else if (spec instanceof Conv2DSpec s) {
            modules.add(self + " = nn.Conv2d(" + channels(in) + ", " + s.filters() + ", kernel_size="
                    + pair(s.kernelSize()) + ", stride=" + pair(s.strides()) + ", dilation=" + pair(s.dilationRate())
                    + ", groups=" + s.groups() + ", bias=" + PythonSyntax.bool(s.useBias()) + ")");
            expression = activate(self + "(" + pad(x, in, s.kernelSize(), s.strides(), s.dilationRate(),
                    s.padding(), null) + ")", s.activation(), out);
            load(name, self + ".weight", "kernel", ".permute(3, 2, 0, 1)");
            loadBias(name, self, s.useBias());
            penalty(name, "weight", s.kernelRegularizer());
            penalty(name, "bias", s.biasRegularizer());
            unsupportedExtras(node, s.activityRegularizer() != null, s.kernelConstraint() != null
                    || s.biasConstraint() != null);
        } else if (spec instanceof Conv2DTransposeSpec s) {
            expression = activate(convTranspose(name, x, in, out, s), s.activation(), out);
            // Keras (kh, kw, out, in) to PyTorch's ConvTranspose2d (in, out, kh, kw).
            load(name, self + ".weight", "kernel", ".permute(3, 2, 0, 1)");
            loadBias(name, self, s.useBias());
            penalty(name, "weight", s.kernelRegularizer());
            penalty(name, "bias", s.biasRegularizer());
            unsupportedExtras(node, s.activityRegularizer() != null, s.kernelConstraint() != null
                    || s.biasConstraint() != null);
        } else if (spec instanceof DepthwiseConv2DSpec s) {
            int c = channels(in);
            modules.add(self + " = nn.Conv2d(" + c + ", " + c * s.depthMultiplier() + ", kernel_size="
                    + pair(s.kernelSize()) + ", stride=" + pair(s.strides()) + ", dilation=" + pair(s.dilationRate())
                    + ", groups=" + c + ", bias=" + PythonSyntax.bool(s.useBias()) + ")");
            expression = activate(self + "(" + pad(x, in, s.kernelSize(), s.strides(), s.dilationRate(),
                    s.padding(), null) + ")", s.activation(), out);
            load(name, self + ".weight", "kernel", ".permute(2, 3, 0, 1).reshape(" + c * s.depthMultiplier() + ", 1, "
                    + s.kernelSize().height() + ", " + s.kernelSize().width() + ")");
            loadBias(name, self, s.useBias());
            penalty(name, "weight", s.depthwiseRegularizer());
            penalty(name, "bias", s.biasRegularizer());
            unsupportedExtras(node, s.activityRegularizer() != null, s.depthwiseConstraint() != null
                    || s.biasConstraint() != null);
        } else if (spec instanceof SeparableConv2DSpec s) {
            int c = channels(in);
            modules.add(self + "_depthwise = nn.Conv2d(" + c + ", " + c * s.depthMultiplier() + ", kernel_size="
                    + pair(s.kernelSize()) + ", stride=" + pair(s.strides()) + ", dilation=" + pair(s.dilationRate())
                    + ", groups=" + c + ", bias=False)");
            modules.add(self + "_pointwise = nn.Conv2d(" + c * s.depthMultiplier() + ", " + s.filters()
                    + ", kernel_size=1, bias=" + PythonSyntax.bool(s.useBias()) + ")");
            expression = activate(self + "_pointwise(" + self + "_depthwise(" + pad(x, in, s.kernelSize(),
                    s.strides(), s.dilationRate(), s.padding(), null) + "))", s.activation(), out);
            load(name, self + "_depthwise.weight", "depthwise_kernel", ".permute(2, 3, 0, 1).reshape("
                    + c * s.depthMultiplier() + ", 1, " + s.kernelSize().height() + ", " + s.kernelSize().width() + ")");
            load(name, self + "_pointwise.weight", "pointwise_kernel", ".permute(3, 2, 0, 1)");
            loadBias(name, self + "_pointwise", s.useBias());
            penalty(name + "_depthwise", "weight", s.depthwiseRegularizer());
            penalty(name + "_pointwise", "weight", s.pointwiseRegularizer());
            penalty(name + "_pointwise", "bias", s.biasRegularizer());
            unsupportedExtras(node, s.activityRegularizer() != null, s.depthwiseConstraint() != null
                    || s.pointwiseConstraint() != null || s.biasConstraint() != null);
        } else if (spec instanceof MaxPooling2DSpec s) {
            expression = "F.max_pool2d(" + pad(x, in, s.poolSize(), s.effectiveStrides(), Size2D.square(1),
                    s.padding(), "float(\"-inf\")") + ", kernel_size=" + pair(s.poolSize()) + ", stride="
                    + pair(s.effectiveStrides()) + ")";
        } else if (spec instanceof AveragePooling2DSpec s) {
            long[] p = pads(in, s.poolSize(), s.effectiveStrides(), Size2D.square(1), s.padding());
            if (p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 0) {
                expression = "F.avg_pool2d(" + x + ", kernel_size=" + pair(s.poolSize()) + ", stride="
                        + pair(s.effectiveStrides()) + ")";
            } else {
                needsSameAveragePool = true;
                expression = "same_avg_pool2d(" + x + ", " + pair(s.poolSize()) + ", " + pair(s.effectiveStrides())
                        + ", " + torchPads(p) + ")";
            }
        } else if (spec instanceof GlobalAveragePooling2DSpec s) {
            expression = x + ".mean(dim=(2, 3), keepdim=" + PythonSyntax.bool(s.keepdims()) + ")";
        } else if (spec instanceof GlobalMaxPooling2DSpec s) {
            expression = x + ".amax(dim=(2, 3), keepdim=" + PythonSyntax.bool(s.keepdims()) + ")";
        } else if (spec instanceof ZeroPadding2DSpec s) {
            expression = "F.pad(" + x + ", (" + s.padding().left() + ", " + s.padding().right() + ", "
                    + s.padding().top() + ", " + s.padding().bottom() + "))";
        } else if (spec instanceof Cropping2DSpec s) {
            expression = x + "[:, :, " + s.cropping().top() + ":" + (height(in) - s.cropping().bottom()) + ", "
                    + s.cropping().left() + ":" + (width(in) - s.cropping().right()) + "]";
        } else if (spec instanceof UpSampling2DSpec s) {
            if (!s.interpolation().equals("nearest") && !s.interpolation().equals("bilinear")) {
                throw new UnsupportedLayerException(FORMAT, node.name(),
                        "interpolation '" + s.interpolation() + "' (use 'nearest' or 'bilinear')");
            }
            expression = "F.interpolate(" + x + ", scale_factor=" + pair(s.size()) + ", mode=\""
                    + s.interpolation() + "\"" + (s.interpolation().equals("bilinear") ? ", align_corners=False" : "")
                    + ")";
        } else if (spec instanceof BatchNormalizationSpec s) {
            expression = batchNorm(node, x, in, s);
        } else if (spec instanceof DropoutSpec s) {
            modules.add(self + " = nn.Dropout(p=" + number(s.rate()) + ")");
            expression = self + "(" + x + ")";
        } else if (spec instanceof SpatialDropout2DSpec s) {
            modules.add(self + " = nn.Dropout2d(p=" + number(s.rate()) + ")");
            expression = self + "(" + x + ")";
        } else if (spec instanceof ActivationSpec s) {
            expression = activate(x, s.activation(), out);
        } else if (spec instanceof FlattenSpec) {
            expression = "torch.flatten(" + kerasLayout(x, in) + ", 1)";
        } else if (spec instanceof ReshapeSpec) {
            String reshaped = kerasLayout(x, in) + ".reshape(-1, " + dims(out) + ")";
            expression = isImage(out) && channelsLast ? reshaped + ".permute(0, 3, 1, 2)" : reshaped;
        } else if (spec instanceof DenseSpec s) {
            modules.add(self + " = nn.Linear(" + in.dim(-1) + ", " + s.units() + ", bias="
                    + PythonSyntax.bool(s.useBias()) + ")");
            String applied = isImage(in) && channelsLast
                    ? self + "(" + x + ".permute(0, 2, 3, 1)).permute(0, 3, 1, 2)" : self + "(" + x + ")";
            expression = activate(applied, s.activation(), out);
            load(name, self + ".weight", "kernel", ".T");
            loadBias(name, self, s.useBias());
            penalty(name, "weight", s.kernelRegularizer());
            penalty(name, "bias", s.biasRegularizer());
            unsupportedExtras(node, s.activityRegularizer() != null, s.kernelConstraint() != null
                    || s.biasConstraint() != null);
        } else if (spec instanceof AddSpec) {
            expression = from.stream().map(this::var).collect(Collectors.joining(" + "));
        } else if (spec instanceof SubtractSpec) {
            expression = var(from.get(0)) + " - " + var(from.get(1));
        } else if (spec instanceof MultiplySpec) {
            expression = from.stream().map(this::var).collect(Collectors.joining(" * "));
        } else if (spec instanceof AverageSpec) {
            expression = "(" + from.stream().map(this::var).collect(Collectors.joining(" + ")) + ") / "
                    + from.size();
        } else if (spec instanceof MaximumSpec || spec instanceof MinimumSpec) {
            String function = spec instanceof MaximumSpec ? "torch.maximum(" : "torch.minimum(";
            expression = var(from.get(0));
            for (int i = 1; i < from.size(); i++) {
                expression = function + expression + ", " + var(from.get(i)) + ")";
            }
        } else if (spec instanceof ConcatenateSpec s) {
            expression = "torch.cat([" + from.stream().map(this::var).collect(Collectors.joining(", "))
                    + "], dim=" + torchAxis(s.axis(), out) + ")";
        } else {
            throw new UnsupportedLayerException(FORMAT, node.name(), spec.kerasClassName() + " layers");
        }
        if (!node.trainable()) {
            notes.add(node.name() + " is frozen in Stride: call " + self.replace("self.", "model.")
                    + ".requires_grad_(False) before training.");
        }
        forward.add(name + " = " + expression);
    }

    private String convTranspose(String name, String x, TensorShape in, TensorShape out, Conv2DTransposeSpec s) {
        int[] kernel = {s.kernelSize().height(), s.kernelSize().width()};
        int[] stride = {s.strides().height(), s.strides().width()};
        int[] dilation = {s.dilationRate().height(), s.dilationRate().width()};
        int[] inSize = {height(in), width(in)};
        int[] outSize = {height(out), width(out)};
        int[] begin = new int[2];
        int[] extra = new int[2];
        for (int axis = 0; axis < 2; axis++) {
            int full = (inSize[axis] - 1) * stride[axis] + ConvArithmetic.effectiveKernel(kernel[axis], dilation[axis]);
            if (s.padding() == Padding.SAME) {
                begin[axis] = ConvArithmetic.samePaddingTotal(outSize[axis], kernel[axis], stride[axis],
                        dilation[axis]) / 2;
            }
            extra[axis] = Math.max(0, outSize[axis] + begin[axis] - full);
        }
        modules.add("self." + name + " = nn.ConvTranspose2d(" + channels(in) + ", " + s.filters() + ", kernel_size="
                + pair(s.kernelSize()) + ", stride=" + pair(s.strides()) + ", output_padding=(" + extra[0] + ", "
                + extra[1] + "), dilation=" + pair(s.dilationRate()) + ", bias=" + PythonSyntax.bool(s.useBias())
                + ")");
        // Keras crops the full result like the matching forward convolution would pad it.
        return "self." + name + "(" + x + ")[:, :, " + begin[0] + ":" + (begin[0] + outSize[0]) + ", " + begin[1]
                + ":" + (begin[1] + outSize[1]) + "]";
    }

    private String batchNorm(LayerNode node, String x, TensorShape in, BatchNormalizationSpec s) {
        int axis = s.axis() < 0 ? in.rank() + 1 + s.axis() : s.axis();
        if (torchAxis(axis, in) != 1) {
            throw new UnsupportedLayerException(FORMAT, node.name(),
                    "normalising axis " + s.axis() + " rather than the channel axis");
        }
        String self = "self." + var(node.id());
        String kind = in.rank() == 3 ? "BatchNorm2d" : "BatchNorm1d";
        boolean affine = s.center() || s.scale();
        modules.add(self + " = nn." + kind + "(" + (isImage(in) ? channels(in) : in.dim(0)) + ", eps="
                + number(s.epsilon()) + ", momentum="
                + java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(s.momentum())).toPlainString() + (affine ? "" : ", affine=False")
                + ")");
        if (affine && !s.center()) {
            modules.add(self + ".bias.requires_grad_(False)  # Keras center=False: no beta");
        }
        if (affine && !s.scale()) {
            modules.add(self + ".weight.requires_grad_(False)  # Keras scale=False: no gamma");
        }
        if (s.scale()) {
            load(node.name(), self + ".weight", "gamma", "");
        }
        if (s.center()) {
            load(node.name(), self + ".bias", "beta", "");
        }
        load(node.name(), self + ".running_mean", "moving_mean", "");
        load(node.name(), self + ".running_var", "moving_variance", "");
        penalty(var(node.id()), "weight", s.gammaRegularizer());
        penalty(var(node.id()), "bias", s.betaRegularizer());
        if (s.betaConstraint() != null || s.gammaConstraint() != null) {
            notes.add(node.name() + ": Keras weight constraints are not reproduced.");
        }
        return self + "(" + x + ")";
    }

    private void load(String layer, String target, String weight, String conversion) {
        loads.add(target + ".copy_(tensor(" + PythonSyntax.string(layer) + ", " + PythonSyntax.string(weight) + ")"
                + conversion + ")");
    }

    private void loadBias(String layer, String module, boolean useBias) {
        if (useBias) {
            load(layer, module + ".bias", "bias", "");
        }
    }

    private void unsupportedExtras(LayerNode node, boolean activityRegularizer, boolean constraint) {
        if (activityRegularizer) {
            notes.add(node.name() + ": Keras's activity regularizer is not reproduced.");
        }
        if (constraint) {
            notes.add(node.name() + ": Keras weight constraints are not reproduced; clamp the weights after "
                    + "optimizer.step() to match.");
        }
    }

    private void penalty(String module, String parameter, Regularizer regularizer) {
        if (regularizer == null) {
            return;
        }
        String weight = "model." + module + "." + parameter;
        if (regularizer instanceof Regularizer.L1 l1) {
            penalties.add(number(l1.l1()) + " * " + weight + ".abs().sum()");
        } else if (regularizer instanceof Regularizer.L2 l2) {
            penalties.add(number(l2.l2()) + " * " + weight + ".pow(2).sum()");
        } else if (regularizer instanceof Regularizer.L1L2 both) {
            penalties.add(number(both.l1()) + " * " + weight + ".abs().sum() + " + number(both.l2()) + " * " + weight
                    + ".pow(2).sum()");
        }
    }

    /** The input padded as TensorFlow's 'same' does, or unchanged when nothing is to pad. */
    private String pad(String x, TensorShape in, Size2D kernel, Size2D strides, Size2D dilation, Padding padding,
            String value) {
        long[] p = pads(in, kernel, strides, dilation, padding);
        if (p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 0) {
            return x;
        }
        return "F.pad(" + x + ", " + torchPads(p) + (value == null ? "" : ", value=" + value) + ")";
    }

    /** (top, left, bottom, right) as TensorFlow pads for 'same'. */
    private long[] pads(TensorShape in, Size2D kernel, Size2D strides, Size2D dilation, Padding padding) {
        if (padding == Padding.VALID) {
            return new long[4];
        }
        int vertical = ConvArithmetic.samePaddingTotal(height(in), kernel.height(), strides.height(),
                dilation.height());
        int horizontal = ConvArithmetic.samePaddingTotal(width(in), kernel.width(), strides.width(),
                dilation.width());
        return new long[] {vertical / 2, horizontal / 2, vertical - vertical / 2, horizontal - horizontal / 2};
    }

    /** F.pad's order: (left, right, top, bottom). */
    private static String torchPads(long[] p) {
        return "(" + p[1] + ", " + p[3] + ", " + p[0] + ", " + p[2] + ")";
    }

    private String activate(String x, Activation activation, TensorShape shape) {
        int lastAxis = isImage(shape) && channelsLast ? 1 : -1;
        return switch (activation) {
            case LINEAR -> x;
            case RELU -> "F.relu(" + x + ")";
            case RELU6 -> "F.relu6(" + x + ")";
            case LEAKY_RELU -> "F.leaky_relu(" + x + ", negative_slope=0.2)";
            case ELU -> "F.elu(" + x + ")";
            case SELU -> "F.selu(" + x + ")";
            case GELU -> "F.gelu(" + x + ")";
            case SIGMOID -> "torch.sigmoid(" + x + ")";
            case HARD_SIGMOID -> "F.hardsigmoid(" + x + ")";
            case TANH -> "torch.tanh(" + x + ")";
            case SOFTMAX -> "F.softmax(" + x + ", dim=" + lastAxis + ")";
            case LOG_SOFTMAX -> "F.log_softmax(" + x + ", dim=" + lastAxis + ")";
            case SOFTPLUS -> "F.softplus(" + x + ")";
            case SOFTSIGN -> "F.softsign(" + x + ")";
            case SWISH, SILU -> "F.silu(" + x + ")";
            case HARD_SILU, HARD_SWISH -> "F.hardswish(" + x + ")";
            case MISH -> "F.mish(" + x + ")";
            case EXPONENTIAL -> "torch.exp(" + x + ")";
        };
    }

    private String kerasLayout(String x, TensorShape shape) {
        return isImage(shape) && channelsLast ? x + ".permute(0, 2, 3, 1)" : x;
    }

    /** A Keras axis (batch = 0, negative from the end) of a tensor with Keras shape {@code shape}, in PyTorch. */
    private int torchAxis(int kerasAxis, TensorShape shape) {
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

    private static String lossFunction(TrainingSettings.Loss loss) {
        String body = switch (loss) {
            case CATEGORICAL_CROSSENTROPY -> """
                        # Keras's categorical_crossentropy on probabilities (the model ends in softmax).
                        probabilities = output.clamp(1e-7, 1 - 1e-7)
                        return -(target * probabilities.log()).sum(dim=1).mean()
                    """;
            case BINARY_CROSSENTROPY -> "    return F.binary_cross_entropy(output.clamp(1e-7, 1 - 1e-7), target)\n";
            case MSE -> "    return F.mse_loss(output, target)\n";
            case MAE -> "    return F.l1_loss(output, target)\n";
        };
        return "def loss_function(output, target):\n" + body + "\n\n";
    }

    private static String optimizer(TrainingSettings settings) {
        String lr = "lr=" + number(settings.learningRate());
        return switch (settings.optimizer()) {
            case SGD -> "torch.optim.SGD(model.parameters(), " + lr + ")";
            case SGD_MOMENTUM -> "torch.optim.SGD(model.parameters(), " + lr + ", momentum="
                    + number(settings.momentum()) + ")";
            case NESTEROV -> "torch.optim.SGD(model.parameters(), " + lr + ", momentum=" + number(settings.momentum())
                    + ", nesterov=True)";
            // Keras's epsilon is 1e-7 where PyTorch's is 1e-8.
            case ADAM -> "torch.optim.Adam(model.parameters(), " + lr + ", eps=1e-07)";
            case ADAMW -> "torch.optim.AdamW(model.parameters(), " + lr + ", weight_decay="
                    + number(settings.weightDecay()) + ", eps=1e-07)";
            case RMSPROP -> "torch.optim.RMSprop(model.parameters(), " + lr + ", alpha=" + number(settings.momentum())
                    + ", eps=1e-07)";
            case ADAGRAD -> "torch.optim.Adagrad(model.parameters(), " + lr
                    + ", initial_accumulator_value=0.1, eps=1e-07)";
        };
    }

    /** The Keras shape in PyTorch's axis order (images channels first). */
    TensorShape torchShape(TensorShape keras) {
        if (isImage(keras) && channelsLast) {
            return TensorShape.of(keras.dim(2), keras.dim(0), keras.dim(1));
        }
        return keras;
    }

    private TensorShape shape(NodeId id) {
        return KerasCodeGenerator.shape(analysis, id);
    }

    private String var(NodeId id) {
        return identifier(network.node(id).name());
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

    private static String pair(Size2D size) {
        return PythonSyntax.pair(size);
    }

    private static String dims(TensorShape shape) {
        return shape.dims().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
