package dev.stride.engine.training;

import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.dropout.DropoutHelper;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout in one Java pass each way, as the helper of one DL4J {@code Dropout}: keeps each value with
 * probability p and scales it by 1/p, and in backprop lets the gradient through the same kept values, scaled the
 * same way. libnd4j's {@code DropOutInverted} draws and applies its mask through a {@code std::function} per value,
 * then multiplies by the mask in another pass (7 ms of a 206 ms StridedNet step). The mask is one byte per value,
 * kept on the Java heap between the forward pass and backprop, and drawn from a generator seeded by ND4J's, so a
 * run's seed still fixes it. Strided arrays (DL4J's own convolutions return views) go through contiguous copies.
 */
final class MaskedDropout implements DropoutHelper {
    private static final int CHUNK = DirectFloats.CHUNK;
    /** −1 (all bits set) for a kept value, 0 for a dropped one; valid for the last forward pass. */
    private byte[] keep = new byte[0];
    private float scale;
    private int length = -1;

    /** Whether direct memory access covers these arrays value for value (float, contiguous, same layout). */
    private static boolean handles(INDArray a, INDArray b) {
        return DirectFloats.contiguous(a) && DirectFloats.contiguous(b) && a.ordering() == b.ordering()
                && a.equalShapes(b);
    }

    @Override
    public void applyDropout(INDArray input, INDArray result, double retainProbability) {
        if (input.dataType() != DataType.FLOAT || result.dataType() != DataType.FLOAT) {
            throw new UnsupportedOperationException("Stride's dropout reads float arrays only"); // DL4J takes over
        }
        INDArray resultArray = writable(result);
        INDArray inputActivations = alike(input, resultArray);
        length = (int) inputActivations.length();
        if (keep.length < length) {
            keep = new byte[length];
        }
        scale = 1f / (float) retainProbability;
        // Keep when 24 random bits fall below p·2^24: DL4J's comparison of a uniform float with p.
        int threshold = (int) Math.round(retainProbability * (1 << 24));
        long seed = Nd4j.getRandom().nextLong();
        byte[] mask = keep;
        float factor = scale;
        DirectFloats.map(resultArray, (start, n, chunks) -> {
            float[] chunk = chunks[0];
            // One generator per chunk, seeded by its position: the mask does not depend on the thread count.
            SplittableRandom random = new SplittableRandom(seed + (start / CHUNK) * 0x9E3779B97F4A7C15L);
            for (int i = 0; i < n; i++) {
                int kept = ((random.nextInt() >>> 8) - threshold) >> 31; // no branch: random outcomes mispredict
                mask[start + i] = (byte) kept;
                chunk[i] = Float.intBitsToFloat(Float.floatToRawIntBits(chunk[i] * factor) & kept);
            }
        }, inputActivations);
        if (resultArray != result) {
            result.assign(resultArray);
        }
    }

    @Override
    public void backprop(INDArray upstream, INDArray result) {
        if (upstream.length() != length) {
            throw new IllegalStateException("dropout backprop without a matching forward pass");
        }
        INDArray gradAtInput = writable(result);
        INDArray gradAtOutput = alike(upstream, gradAtInput);
        byte[] mask = keep;
        float factor = scale;
        DirectFloats.map(gradAtInput, (start, n, chunks) -> {
            float[] chunk = chunks[0];
            for (int i = 0; i < n; i++) {
                chunk[i] = Float.intBitsToFloat(Float.floatToRawIntBits(chunk[i] * factor) & mask[start + i]);
            }
        }, gradAtOutput);
        if (gradAtInput != result) {
            result.assign(gradAtInput);
        }
    }

    /** {@code array} itself when it can be written directly, else a contiguous array of its shape to copy back. */
    private static INDArray writable(INDArray array) {
        return DirectFloats.contiguous(array) ? array : array.ulike();
    }

    /** {@code source} itself, or a copy laid out like {@code target}. */
    private static INDArray alike(INDArray source, INDArray target) {
        return handles(source, target) ? source : source.dup(target.ordering());
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Map.of("dropout mask", (long) keep.length);
    }
}
