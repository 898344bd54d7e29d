package dev.stride.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The shape of one example's tensor, without the batch dimension, in the layer's own axis order
 * (so an image is (H, W, C) for channels_last and (C, H, W) for channels_first), as Keras prints it.
 */
public record TensorShape(List<Integer> dims) {
    /** A dimension Keras leaves open ({@code None}), e.g. an image input of any size. */
    public static final int UNKNOWN = -1;

    public TensorShape {
        dims = List.copyOf(Objects.requireNonNull(dims, "dims"));
    }

    public static TensorShape of(int... dims) {
        List<Integer> list = new ArrayList<>(dims.length);
        for (int dim : dims) {
            list.add(dim);
        }
        return new TensorShape(list);
    }

    /** An image (height, width, channels) in channels_last order. */
    public static TensorShape image(int height, int width, int channels) {
        return of(height, width, channels);
    }

    /** A flat feature vector. */
    public static TensorShape vector(int length) {
        return of(length);
    }

    public int rank() {
        return dims.size();
    }

    /** The dimension at {@code axis}; negative axes count from the end as in Keras. */
    public int dim(int axis) {
        return dims.get(axis < 0 ? dims.size() + axis : axis);
    }

    /** True when every dimension is known. */
    public boolean isFullyKnown() {
        return !dims.contains(UNKNOWN);
    }

    /** Number of values in one example (a long: large feature maps overflow an int); −1 if a dimension is open. */
    public long elementCount() {
        long count = 1;
        for (int dim : dims) {
            if (dim == UNKNOWN) {
                return -1;
            }
            count *= dim;
        }
        return count;
    }

    /** A copy with one dimension replaced. */
    public TensorShape withDim(int axis, int value) {
        List<Integer> changed = new ArrayList<>(dims);
        changed.set(axis < 0 ? dims.size() + axis : axis, value);
        return new TensorShape(changed);
    }

    /** Keras's notation with the batch dimension, e.g. {@code (None, 26, 26, 32)}. */
    public String toKerasString() {
        StringBuilder sb = new StringBuilder("(None");
        for (int dim : dims) {
            sb.append(", ").append(dim == UNKNOWN ? "None" : String.valueOf(dim));
        }
        return sb.append(')').toString();
    }

    /** Compact notation for messages, e.g. {@code 26×26×32}. */
    @Override
    public String toString() {
        return dims.stream().map(d -> d == UNKNOWN ? "?" : String.valueOf(d)).collect(Collectors.joining("×"));
    }
}
