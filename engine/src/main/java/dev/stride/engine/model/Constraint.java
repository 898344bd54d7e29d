package dev.stride.engine.model;

import java.util.List;
import java.util.Objects;

/** A Keras weight constraint applied after each update: max_norm, non_neg, unit_norm or min_max_norm. */
public sealed interface Constraint {

    /** Keras's class name, e.g. {@code MaxNorm}. */
    String kerasClassName();

    /** Rescales weights whose norm along {@code axis} exceeds {@code maxValue}; Keras defaults 2.0 and axis 0. */
    record MaxNorm(double maxValue, List<Integer> axis) implements Constraint {
        public MaxNorm {
            axis = List.copyOf(Objects.requireNonNull(axis, "axis"));
        }

        public MaxNorm(double maxValue) {
            this(maxValue, List.of(0));
        }

        @Override
        public String kerasClassName() {
            return "MaxNorm";
        }
    }

    /** Clamps weights to be non-negative. */
    record NonNeg() implements Constraint {
        @Override
        public String kerasClassName() {
            return "NonNeg";
        }
    }

    /** Rescales weights to unit norm along {@code axis} (Keras default 0). */
    record UnitNorm(List<Integer> axis) implements Constraint {
        public UnitNorm {
            axis = List.copyOf(Objects.requireNonNull(axis, "axis"));
        }

        @Override
        public String kerasClassName() {
            return "UnitNorm";
        }
    }

    /** Keeps norms within [minValue, maxValue], moving a {@code rate} of the way; Keras defaults 0, 1, 1, axis 0. */
    record MinMaxNorm(double minValue, double maxValue, double rate, List<Integer> axis) implements Constraint {
        public MinMaxNorm {
            axis = List.copyOf(Objects.requireNonNull(axis, "axis"));
        }

        @Override
        public String kerasClassName() {
            return "MinMaxNorm";
        }
    }
}
