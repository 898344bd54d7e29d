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
}
