package dev.stride.engine.shape;

import dev.stride.engine.model.Size2D;
import java.util.Locale;

/** Number formatting for diagnostics, so messages read the same everywhere ("34,826", "3×3"). */
final class Texts {
    private Texts() {
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String size(int height, int width) {
        return height + "×" + width;
    }

    static String size(Size2D size) {
        return size.height() + "×" + size.width();
    }

    static String plural(int count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }
}
