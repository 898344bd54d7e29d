package dev.stride.app.training;

import java.util.Arrays;

/**
 * A growing (x, y) series kept in primitive arrays, drawn as at most two points per pixel column: the minimum and
 * maximum of each bucket, so a spike survives decimation while the chart never holds more points than the screen
 * can show. Not thread-safe: fill and read it on one thread (the FX thread, from a drained event queue).
 */
public final class DecimatingSeries {
    private double[] xs = new double[1024];
    private double[] ys = new double[1024];
    private int size;

    public void add(double x, double y) {
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    /**
     * Points to draw for a chart {@code buckets} pixels wide, in x order, as {x0, y0, x1, y1, …}. Points are
     * assumed to arrive with non-decreasing x (iterations, epochs). Non-finite y values are skipped.
     */
    public double[] decimate(int buckets) {
        if (buckets <= 0 || size == 0) {
            return new double[0];
        }
        if (size <= 2 * buckets) {
            double[] all = new double[size * 2];
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (Double.isFinite(ys[i])) {
                    all[n++] = xs[i];
                    all[n++] = ys[i];
                }
            }
            return Arrays.copyOf(all, n);
        }
        double[] out = new double[buckets * 4];
        int n = 0;
        double first = xs[0];
        double width = (xs[size - 1] - first) / buckets;
        int i = 0;
        for (int bucket = 0; bucket < buckets && i < size; bucket++) {
            double end = bucket == buckets - 1 ? Double.POSITIVE_INFINITY : first + (bucket + 1) * width;
            int minIndex = -1;
            int maxIndex = -1;
            for (; i < size && xs[i] <= end; i++) {
                if (!Double.isFinite(ys[i])) {
                    continue;
                }
                if (minIndex < 0 || ys[i] < ys[minIndex]) {
                    minIndex = i;
                }
                if (maxIndex < 0 || ys[i] > ys[maxIndex]) {
                    maxIndex = i;
                }
            }
            if (minIndex < 0) {
                continue;
            }
            int a = Math.min(minIndex, maxIndex);
            int b = Math.max(minIndex, maxIndex);
            out[n++] = xs[a];
            out[n++] = ys[a];
            if (b != a) {
                out[n++] = xs[b];
                out[n++] = ys[b];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
