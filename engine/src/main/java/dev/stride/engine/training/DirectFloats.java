package dev.stride.engine.training;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Direct access to the memory of ND4J float arrays on the CPU, for Stride's Java training kernels. */
final class DirectFloats {
    /** Values per chunk the kernels copy to the Java heap, where the JIT vectorizes their loops (fits in L1). */
    static final int CHUNK = 4096;

    private DirectFloats() {
    }

    /** A float array whose values lie one after another in memory (any rank, C or F order), addressable by int. */
    static boolean contiguous(INDArray array) {
        return array != null && array.dataType() == DataType.FLOAT && array.elementWiseStride() == 1
                && array.offset() + array.length() <= Integer.MAX_VALUE;
    }

    /** The array's whole underlying buffer as floats; the array's own values start at {@code array.offset()}. */
    static FloatBuffer buffer(INDArray array) {
        return array.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** Per thread: three chunks, shared by every kernel (none calls another while it holds them). */
    private static final ThreadLocal<float[][]> CHUNKS =
            ThreadLocal.withInitial(() -> new float[][] {new float[CHUNK], new float[CHUNK], new float[CHUNK]});

    /** This thread's three scratch chunks. */
    static float[][] chunks() {
        return CHUNKS.get();
    }

    /** A kernel's work on one chunk: values [start, start + n) of each input, which it turns into {@code chunks[0]}. */
    interface ChunkKernel {
        void apply(int start, int n, float[][] chunks);
    }

    /**
     * Runs {@code kernel} over every chunk of the inputs (contiguous, laid out like {@code out}, at most three) on
     * {@link KernelThreads}, and writes what it leaves in the first chunk to {@code out}.
     */
    static void map(INDArray out, ChunkKernel kernel, INDArray... inputs) {
        int length = (int) out.length();
        FloatBuffer outBuffer = buffer(out);
        int outOffset = (int) out.offset();
        FloatBuffer[] buffers = new FloatBuffer[inputs.length];
        int[] offsets = new int[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            buffers[k] = buffer(inputs[k]);
            offsets[k] = (int) inputs[k].offset();
        }
        KernelThreads.run(length, KernelThreads.parts(length), (part, from, to) -> {
            float[][] chunks = chunks();
            for (int start = from; start < to; start += CHUNK) {
                int n = Math.min(CHUNK, to - start);
                for (int k = 0; k < buffers.length; k++) {
                    buffers[k].get(offsets[k] + start, chunks[k], 0, n);
                }
                kernel.apply(start, n, chunks);
                outBuffer.put(outOffset + start, chunks[0], 0, n);
            }
        });
    }
}
