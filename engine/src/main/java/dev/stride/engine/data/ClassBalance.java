package dev.stride.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many examples each class has, and whether the imbalance is worth a warning.
 *
 * @param classNames the classes, in label order
 * @param counts     examples per class, same order
 */
public record ClassBalance(List<String> classNames, List<Integer> counts) {

    /** Above this ratio of largest to smallest class, accuracy alone becomes misleading. */
    public static final double IMBALANCE_WARNING_RATIO = 1.5;

    public ClassBalance {
        classNames = List.copyOf(classNames);
        counts = List.copyOf(counts);
        if (classNames.size() != counts.size()) {
            throw new IllegalArgumentException(classNames.size() + " class names but " + counts.size() + " counts");
        }
    }

    /** Counts the labels. */
    public static ClassBalance of(List<String> classNames, int[] labels) {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        List<Integer> list = new ArrayList<>();
        for (int count : counts) {
            list.add(count);
        }
        return new ClassBalance(classNames, list);
    }

    public int total() {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    /** Largest class over smallest; infinite when a class is empty. */
    public double imbalanceRatio() {
        int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        int min = counts.stream().mapToInt(Integer::intValue).min().orElse(0);
        return min == 0 ? Double.POSITIVE_INFINITY : (double) max / min;
    }

    public boolean isImbalanced() {
        return imbalanceRatio() > IMBALANCE_WARNING_RATIO;
    }

    /** One line per class ("cats   120  48.0 %") and a closing verdict line. */
    public List<String> report() {
        int width = classNames.stream().mapToInt(String::length).max().orElse(5);
        int total = Math.max(1, total());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < classNames.size(); i++) {
            lines.add(String.format(Locale.ROOT, "%-" + width + "s %7d  %5.1f %%", classNames.get(i), counts.get(i),
                    100.0 * counts.get(i) / total));
        }
        double ratio = imbalanceRatio();
        lines.add(isImbalanced()
                ? String.format(Locale.ROOT, "imbalanced: the largest class has %.1f× the examples of the smallest;"
                        + " watch per-class accuracy, not only the total", ratio)
                : String.format(Locale.ROOT, "balanced (largest/smallest %.2f)", ratio));
        return lines;
    }
}
