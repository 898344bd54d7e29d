package dev.stride.engine.model;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/** Keras's naming conventions: snake_case class names and numbered automatic layer names. */
public final class KerasNames {
    private static final Pattern WORD_START = Pattern.compile("(.)([A-Z][a-z]+)");
    private static final Pattern LOWER_UPPER = Pattern.compile("([a-z])([A-Z])");

    private KerasNames() {
    }

    /** Keras's {@code to_snake_case}: {@code Conv2DTranspose} → {@code conv2d_transpose}. */
    public static String snakeCase(String className) {
        String step = WORD_START.matcher(className).replaceAll("$1_$2");
        return LOWER_UPPER.matcher(step).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The first free automatic name: {@code prefix}, then {@code prefix_1}, {@code prefix_2}, … as Keras counts. */
    public static String uniqueName(String prefix, Collection<String> taken) {
        if (!taken.contains(prefix)) {
            return prefix;
        }
        for (int i = 1; ; i++) {
            String candidate = prefix + "_" + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
