package dev.stride.engine.training;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A sum along one axis that also holds when the axis has length 1: libnd4j 1.0.0-M2.1 leaves
 * the result of such a reduction unwritten (uninitialised memory), which happens for a batch of one example or a 1×1
 * feature map.
 */
final class AxisReductions {
    private AxisReductions() {
    }

    static INDArray sum(INDArray values, int axis) {
        return values.size(axis) == 1 ? squeezed(values, axis) : values.sum(axis);
    }

    private static INDArray squeezed(INDArray values, int axis) {
        return values.reshape('c', without(values.shape(), axis)).dup('c');
    }

    private static long[] without(long[] shape, int axis) {
        long[] result = new long[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                result[j++] = shape[i];
            }
        }
        return result.length == 0 ? new long[] {1} : Arrays.copyOf(result, result.length);
    }
}
