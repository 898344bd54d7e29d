package dev.stride.engine.training;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's plain ReLU with its gradient, dL/dz = (z > 0) · dL/da, in one Java pass. libnd4j's {@code relu_bp} calls
 * a {@code std::function} per value: 7 % of a LeNet training step. The forward pass stays DL4J's. This object only
 * stands in for DL4J's {@link ActivationReLU} while {@link TrainingKernels} runs a training step, so saved
 * configurations keep naming DL4J's class.
 */
final class ReluBackprop extends ActivationReLU {
    /** Whether {@code activation} is exactly DL4J's plain ReLU (no cap, threshold or leak), which this replaces. */
    static boolean replaces(Object activation) {
        return activation != null && activation.getClass() == ActivationReLU.class
                && ((ActivationReLU) activation).getMax() == null
                && ((ActivationReLU) activation).getThreshold() == null
                && ((ActivationReLU) activation).getNegativeSlope() == null;
    }

    /**
     * All ones where z > 0, else 0, without a branch: random signs made the plain comparison mispredict every other
     * value (7 ns per value). For z's bits b, (b − 1) | b is negative exactly for z ≤ 0 (−0 included), and
     * 0x7f800000 − b is negative exactly for NaN, which, as in DL4J, is not above 0.
     */
    static int positiveMask(float z) {
        int bits = Float.floatToRawIntBits(z);
        return ~((((bits - 1) | bits) | (0x7f800000 - bits)) >> 31);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        if (!DirectFloats.contiguous(in) || !DirectFloats.contiguous(epsilon) || in.ordering() != epsilon.ordering()
                || !in.equalShapes(epsilon)) {
            return super.backprop(in, epsilon);
        }
        INDArray gradient = in.ulike();
        DirectFloats.map(gradient, (start, n, chunks) -> {
            float[] chunk = chunks[0];
            float[] z = chunks[1];
            for (int i = 0; i < n; i++) {
                chunk[i] = Float.intBitsToFloat(Float.floatToRawIntBits(chunk[i]) & positiveMask(z[i]));
            }
        }, epsilon, in);
        return new Pair<>(gradient, null);
    }
}
