package dev.stride.engine.explain;

/** How a convolution pads its input on one axis: Keras's 'valid' and 'same', an explicit p, or 'full'. */
public sealed interface PaddingMode {

    /** Short label for menus and titles, e.g. {@code valid}, {@code same}, {@code p=2}, {@code full}. */
    String label();

    /** No padding: windows that would leave the input are not taken. */
    record Valid() implements PaddingMode {
        @Override
        public String label() {
            return "valid";
        }
    }

    /** TensorFlow/Keras 'same': output = ⌈input / stride⌉; an odd total puts the extra cell at the bottom/right. */
    record Same() implements PaddingMode {
        @Override
        public String label() {
            return "same";
        }
    }

    /** The same number of zeros on both sides (PyTorch's {@code padding=p}). */
    record Explicit(int perSide) implements PaddingMode {
        public Explicit {
            if (perSide < 0) {
                throw new IllegalArgumentException("padding must be 0 or more, got " + perSide);
            }
        }

        @Override
        public String label() {
            return "p=" + perSide;
        }
    }

    /** 'full': d·(k−1) zeros on each side, so every partial overlap is a window. */
    record Full() implements PaddingMode {
        @Override
        public String label() {
            return "full";
        }
    }

    static PaddingMode valid() {
        return new Valid();
    }

    static PaddingMode same() {
        return new Same();
    }

    static PaddingMode explicit(int perSide) {
        return new Explicit(perSide);
    }

    static PaddingMode full() {
        return new Full();
    }
}
