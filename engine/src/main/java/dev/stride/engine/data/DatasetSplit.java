package dev.stride.engine.data;

import dev.stride.engine.data.vision.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which examples train, which validate and which test; each class is divided in the same proportions, so a rare
 * class is present in every part.
 *
 * @param train      example indices for training, ascending
 * @param validation example indices for validation, ascending
 * @param test       example indices for the final test, ascending
 */
public record DatasetSplit(int[] train, int[] validation, int[] test) {

    public DatasetSplit {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    /**
     * Splits each class by seed. A class with at least three examples gets at least one in every part whose
     * fraction is positive.
     */
    public static DatasetSplit stratified(int[] labels, int classCount, double validationFraction,
                                          double testFraction, long seed) {
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("validation (" + validationFraction + ") and test (" + testFraction
                    + ") fractions must be 0 or more and leave something to train on");
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            int[] members = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
            shuffle(members, new SplittableRandom(Seeds.mix(seed, c)));
            int n = members.length;
            int testCount = share(n, testFraction);
            int validationCount = share(n, validationFraction);
            if (testCount + validationCount >= n) {
                // Tiny class: training gets at least one example.
                testCount = Math.min(testCount, Math.max(0, n - 1));
                validationCount = Math.min(validationCount, Math.max(0, n - 1 - testCount));
            }
            for (int i = 0; i < n; i++) {
                (i < testCount ? test : i < testCount + validationCount ? validation : train).add(members[i]);
            }
        }
        return new DatasetSplit(sorted(train), sorted(validation), sorted(test));
    }

    private static int share(int n, double fraction) {
        if (fraction <= 0) {
            return 0;
        }
        int count = (int) Math.round(n * fraction);
        return n >= 3 ? Math.max(1, count) : count;
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private static int[] sorted(List<Integer> values) {
        int[] array = values.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(array);
        return array;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatasetSplit that && Arrays.equals(train, that.train)
                && Arrays.equals(validation, that.validation) && Arrays.equals(test, that.test);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(train) * 31 * 31 + Arrays.hashCode(validation) * 31 + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "DatasetSplit[train " + train.length + ", validation " + validation.length + ", test " + test.length
                + "]";
    }
}
