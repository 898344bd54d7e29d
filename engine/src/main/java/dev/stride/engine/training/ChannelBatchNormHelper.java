package dev.stride.engine.training;

import java.util.Collections;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.BatchNorm;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalization over NCHW activations (and dense activations, as N×C×1×1) with per-channel statistics taken
 * along contiguous memory. DL4J's own layer and its oneDNN helper reduce over the axes (0, 2, 3) directly, which
 * libnd4j does element by element with strides, and its variance kernel is slow even along contiguous memory:
 * those reductions were most of StridedNet's batch-norm time. Here every reduction runs along H·W of the
 * [N, C, H·W] view first (contiguous), then over N on a small [N, C] array, and the variance is the mean square of
 * the centred values (sum and norm2 kernels only; nothing cancels). Normalization
 * itself stays in libnd4j's batchnorm op (oneDNN). Other layouts return null, which makes DL4J use its own code.
 */
final class ChannelBatchNormHelper implements BatchNormalizationHelper {
    private INDArray batchMean;
    private INDArray batchVariance;

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return !fixedGammaBeta;
    }

    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta,
            INDArray mean, INDArray var, double decay, double eps, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        if (!supported(x, format) || gamma == null || beta == null) {
            return null;
        }
        INDArray input = x.isView() || x.ordering() != 'c' ? x.dup('c') : x;
        INDArray m;
        INDArray v;
        if (training) {
            computeBatchStatistics(input);
            m = batchMean;
            v = batchVariance;
        } else {
            m = mean.reshape(mean.length());
            v = var.reshape(var.length());
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape());
        BatchNorm op = new BatchNorm(input, m, v, gamma.reshape(gamma.length()), beta.reshape(beta.length()), eps, 1);
        op.setOutputArgument(0, out);
        Nd4j.exec(op);
        return out;
    }

    private void computeBatchStatistics(INDArray x) {
        long examples = x.size(0);
        long channels = x.size(1);
        long positions = x.length() / (examples * channels);
        double count = (double) examples * positions;
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            if (batchMean == null || batchMean.length() != channels) {
                batchMean = Nd4j.createUninitialized(DataType.FLOAT, channels);
                batchVariance = Nd4j.createUninitialized(DataType.FLOAT, channels);
            }
        }
        INDArray rows = x.reshape('c', examples, channels, positions);
        batchMean.assign(AxisReductions.sum(AxisReductions.sum(rows, 2), 0).divi(count));
        // Variance from the centred values (no cancellation), with libnd4j's fast norm2 along contiguous rows.
        INDArray centred = Nd4j.createUninitialized(DataType.FLOAT, rows.shape());
        Nd4j.exec(new BroadcastSubOp(rows, batchMean, centred, 1));
        batchVariance.assign(AxisReductions.sum(AxisReductions.sumOfSquares(centred, 2), 0).divi(count));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, long[] shape, INDArray gamma,
            INDArray beta, INDArray dGammaView, INDArray dBetaView, double eps, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        if (!supported(input, format) || gamma == null || batchMean == null) {
            return null;
        }
        INDArray x = input.isView() || input.ordering() != 'c' ? input.dup('c') : input;
        INDArray dy = epsilon.isView() || epsilon.ordering() != 'c' ? epsilon.dup('c') : epsilon;
        long examples = x.size(0);
        long channels = x.size(1);
        long positions = x.length() / (examples * channels);
        double count = (double) examples * positions;
        INDArray g = gamma.reshape(channels);
        INDArray stdInv = Transforms.pow(batchVariance.add(eps), -0.5, false);

        // dβ = Σdy, dγ = Σdy·x̂ = σ⁻¹(Σdy·x − μΣdy)
        INDArray dBeta = channelSums(dy, examples, channels, positions);
        INDArray dGamma = channelSums(dy.mul(x), examples, channels, positions).subi(batchMean.mul(dBeta)).muli(stdInv);

        // dx = γσ⁻¹·(dy − dβ/count − x̂·dγ/count) = a·dy + b·(x − μ) + c, with per-channel a, b, c:
        INDArray a = g.mul(stdInv);
        INDArray b = a.mul(stdInv).muli(dGamma).divi(-count);
        INDArray c = a.mul(dBeta).divi(-count);
        // b·(x − μ) + c in one pass: libnd4j's batchnorm with mean μ, variance 1 − ε, scale b and shift c.
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape());
        BatchNorm affine = new BatchNorm(x, batchMean, Nd4j.valueArrayOf(new long[] {channels}, 1 - eps,
                DataType.FLOAT), b, c, eps, 1);
        affine.setOutputArgument(0, dx);
        Nd4j.exec(affine);
        INDArray scaledDy = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(new BroadcastMulOp(dy, a, scaledDy, 1));
        dx.addi(scaledDy);

        dGammaView.assign(dGamma.reshape(dGammaView.shape()));
        dBetaView.assign(dBeta.reshape(dBetaView.shape()));
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
        gradient.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        return new Pair<>(gradient, dx);
    }

    private static INDArray channelSums(INDArray values, long examples, long channels, long positions) {
        return AxisReductions.sum(AxisReductions.sum(values.reshape('c', examples, channels, positions), 2), 0);
    }

    private static boolean supported(INDArray x, CNN2DFormat format) {
        return x.dataType() == DataType.FLOAT && x.rank() == 4 && format == CNN2DFormat.NCHW;
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return batchMean;
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return batchVariance;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Collections.emptyMap();
    }
}
