package dev.stride.engine.export;

import java.util.Arrays;
import java.util.Objects;

/**
 * One weight array in row-major order with its shape, in Keras's layout (a Conv2D kernel is
 * (kernel height, kernel width, input channels, filters); a Dense kernel is (inputs, units)).
 */
public record WeightTensor(int[] shape, float[] values) {
    public WeightTensor {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(values, "values");
        long expected = 1;
        for (int dim : shape) {
            expected *= dim;
        }
        if (expected != values.length) {
            throw new IllegalArgumentException("a tensor of shape " + Arrays.toString(shape) + " holds " + expected
                    + " values, got " + values.length);
        }
        shape = shape.clone();
    }

    /** A tensor of the given shape filled with one value. */
    public static WeightTensor filled(float value, int... shape) {
        int count = 1;
        for (int dim : shape) {
            count *= dim;
        }
        float[] values = new float[count];
        Arrays.fill(values, value);
        return new WeightTensor(shape, values);
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    /** The same values with the axes reordered: axis i of the result is axis {@code order[i]} of this tensor. */
    public WeightTensor transpose(int... order) {
        if (order.length != shape.length) {
            throw new IllegalArgumentException("permutation " + Arrays.toString(order) + " does not fit rank "
                    + shape.length);
        }
        int rank = shape.length;
        int[] newShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            newShape[i] = shape[order[i]];
        }
        int[] oldStrides = strides(shape);
        int[] result = new int[rank];
        float[] out = new float[values.length];
        int[] index = new int[rank];
        for (int flat = 0; flat < out.length; flat++) {
            int source = 0;
            for (int i = 0; i < rank; i++) {
                source += index[i] * oldStrides[order[i]];
            }
            out[flat] = values[source];
            for (int i = rank - 1; i >= 0; i--) {
                if (++index[i] < newShape[i]) {
                    break;
                }
                index[i] = 0;
            }
        }
        System.arraycopy(newShape, 0, result, 0, rank);
        return new WeightTensor(result, out);
    }

    /** The same values under another shape with as many elements. */
    public WeightTensor reshape(int... newShape) {
        return new WeightTensor(newShape, values);
    }

    private static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
        return strides;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightTensor that && Arrays.equals(shape, that.shape)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "WeightTensor" + Arrays.toString(shape);
    }
}
