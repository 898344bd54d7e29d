package dev.stride.engine.training;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import dev.stride.engine.backend.NativeThreads;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weight and bias gradients of an NCHW float convolution as one small matrix product per image: the image's
 * output gradient [filters × positions] times its patch matrix [positions × (channels·kH·kW + 1)], whose last column
 * is all ones so that the same product sums the bias gradient. The patch matrix of one image fits in the L2 cache, so
 * the output gradient is read once and nothing of batch size is written; the images are split across
 * {@link KernelThreads}, each with its own running sums.
 */
final class PatchGradient {
    /** Where a convolution's kernel reads: input size, kernel, strides, dilation, top/left padding, output size. */
    record Geometry(int channels, int height, int width, int kernelH, int kernelW, int strideH, int strideW,
            int dilationH, int dilationW, int padTop, int padLeft, int outH, int outW) {
        int positions() {
            return outH * outW;
        }

        /** Rows of the patch matrix (as stored: one row per kernel tap, then the row of ones). */
        int patchRows() {
            return channels * kernelH * kernelW + 1;
        }
    }

    /** Per thread: one image, its patch matrix on the heap and natively, and the running sums. */
    private static final class Scratch {
        float[] image = new float[0];
        float[] patches = new float[0];
        FloatPointer nativePatches = new FloatPointer(1L);
        FloatPointer sums = new FloatPointer(1L);

        void fit(int imageLength, int patchLength, int sumLength) {
            if (image.length < imageLength) {
                image = new float[imageLength];
            }
            if (patches.length < patchLength) {
                patches = new float[patchLength];
                nativePatches.close();
                nativePatches = new FloatPointer((long) patchLength);
            }
            if (sums.capacity() < sumLength) {
                sums.close();
                sums = new FloatPointer((long) sumLength);
            }
        }
    }

    /**
     * OpenBLAS runs a product of m·n·k below 65,536 × GEMM_MULTITHREAD_THRESHOLD (4 in its builds) on the calling
     * thread; above, it hands parts to its own threads, which for these small products costs more than it saves
     * (LeNet's first-layer gradient: 6.7 ms per batch in whole-image products with two OpenBLAS threads, 1.9–2.3 ms in
     * products cut below this size). The kernels split work across threads themselves ({@link KernelThreads}).
     */
    private static final int SINGLE_THREADED_PRODUCT = 65_536 * 4 - 1;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private PatchGradient() {
    }

    /**
     * Sums over the batch: for each filter, {@code patchRows()} values, the weight gradient in [channels, kH, kW]
     * order followed by the bias gradient. {@code images} and {@code delta} are contiguous C-order float arrays.
     */
    static float[] sums(INDArray images, INDArray delta, Geometry geometry) {
        int examples = (int) images.size(0);
        int filters = (int) delta.size(1);
        int length = filters * geometry.patchRows();
        int parts = Math.max(1, Math.min(NativeThreads.openMpThreads(), examples));
        float[][] partial = new float[parts][];
        KernelThreads.runEvenly(examples, parts,
                (part, from, to) -> partial[part] = sums(images, delta, geometry, filters, from, to));
        float[] total = partial[0];
        for (int part = 1; part < parts; part++) {
            for (int i = 0; i < length; i++) {
                total[i] += partial[part][i];
            }
        }
        return total;
    }

    private static float[] sums(INDArray images, INDArray delta, Geometry geometry, int filters, int from, int to) {
        int rows = geometry.patchRows();
        int positions = geometry.positions();
        int imageLength = geometry.channels() * geometry.height() * geometry.width();
        Scratch scratch = SCRATCH.get();
        scratch.fit(imageLength, rows * positions, filters * rows);
        FloatBuffer imageValues = DirectFloats.buffer(images);
        FloatPointer gradients = new FloatPointer(delta.data().addressPointer());
        Arrays.fill(scratch.patches, (rows - 1) * positions, rows * positions, 1f);
        int step = Math.max(1, SINGLE_THREADED_PRODUCT / (filters * rows));
        for (int n = from; n < to; n++) {
            imageValues.get((int) images.offset() + n * imageLength, scratch.image, 0, imageLength);
            fillPatches(scratch.image, geometry, scratch.patches);
            scratch.nativePatches.position(0).put(scratch.patches, 0, rows * positions);
            long image = delta.offset() + (long) n * filters * positions;
            for (int start = 0; start < positions; start += step) {
                gradients.position(image + start);
                scratch.nativePatches.position(start);
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, filters, rows, Math.min(step, positions - start),
                        1f, gradients, positions, scratch.nativePatches, positions, n == from && start == 0 ? 0f : 1f,
                        scratch.sums, rows);
            }
        }
        float[] result = new float[filters * rows];
        if (to > from) {
            scratch.sums.position(0).get(result);
        }
        return result;
    }

    /** im2col of one image: row (c, i, j) holds, for each output position, the input value that kernel tap reads. */
    static void fillPatches(float[] image, Geometry g, float[] patches) {
        int positions = g.positions();
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++) {
                    int row = (c * g.kernelH() + i) * g.kernelW() + j;
                    int shiftX = j * g.dilationW() - g.padLeft();
                    // Output columns whose input column lies inside the image: [first, last).
                    int first = Math.min(g.outW(), Math.max(0, ceilDiv(-shiftX, g.strideW())));
                    int last = Math.max(first, Math.min(g.outW(), ceilDiv(g.width() - shiftX, g.strideW())));
                    for (int y = 0; y < g.outH(); y++) {
                        int target = row * positions + y * g.outW();
                        int inputRow = y * g.strideH() + i * g.dilationH() - g.padTop();
                        if (inputRow < 0 || inputRow >= g.height()) {
                            Arrays.fill(patches, target, target + g.outW(), 0f);
                            continue;
                        }
                        int source = (c * g.height() + inputRow) * g.width() + shiftX;
                        Arrays.fill(patches, target, target + first, 0f);
                        if (g.strideW() == 1) {
                            System.arraycopy(image, source + first, patches, target + first, last - first);
                        } else {
                            for (int x = first; x < last; x++) {
                                patches[target + x] = image[source + x * g.strideW()];
                            }
                        }
                        Arrays.fill(patches, target + last, target + g.outW(), 0f);
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
