package dev.stride.engine.model;

/** A Keras weight or activity regularizer: l1, l2 or l1_l2 with their factors. */
public sealed interface Regularizer {

    /** Keras's class name, e.g. {@code L2}. */
    String kerasClassName();

    /** {@code l1 · Σ|w|}; Keras's default factor is 0.01. */
    record L1(double l1) implements Regularizer {
        public static final double KERAS_DEFAULT = 0.01;

        @Override
        public String kerasClassName() {
            return "L1";
        }
    }

    /** {@code l2 · Σw²}; Keras's default factor is 0.01 (DL4J's {@code .l2(x)} equals Keras {@code l2(x/2)}). */
    record L2(double l2) implements Regularizer {
        public static final double KERAS_DEFAULT = 0.01;

        @Override
        public String kerasClassName() {
            return "L2";
        }
    }

    /** Both penalties; Keras's defaults for {@code L1L2} are 0 and 0. */
    record L1L2(double l1, double l2) implements Regularizer {
        @Override
        public String kerasClassName() {
            return "L1L2";
        }
    }

    static Regularizer l1(double factor) {
        return new L1(factor);
    }

    static Regularizer l2(double factor) {
        return new L2(factor);
    }

    static Regularizer l1l2(double l1, double l2) {
        return new L1L2(l1, l2);
    }
}
