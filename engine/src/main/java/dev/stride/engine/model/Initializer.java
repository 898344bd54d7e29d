package dev.stride.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Keras weight initializer: its kind plus the kind's arguments (Keras names, defaults filled in).
 *
 * <p>Arguments are normalised so that equal initializers compare equal: {@code seed} is an {@link Integer} or null,
 * other numbers are {@link Double}s, {@code mode}/{@code distribution} are strings.
 */
public record Initializer(Kind kind, Map<String, Object> arguments) {

    /** The initializers Keras ships, with their Keras 3 class names and snake_case aliases. */
    public enum Kind {
        ZEROS("Zeros", "zeros"),
        ONES("Ones", "ones"),
        CONSTANT("Constant", "constant", "value", 0.0),
        RANDOM_NORMAL("RandomNormal", "random_normal", "mean", 0.0, "stddev", 0.05, "seed", null),
        RANDOM_UNIFORM("RandomUniform", "random_uniform", "minval", -0.05, "maxval", 0.05, "seed", null),
        TRUNCATED_NORMAL("TruncatedNormal", "truncated_normal", "mean", 0.0, "stddev", 0.05, "seed", null),
        VARIANCE_SCALING("VarianceScaling", "variance_scaling",
                "scale", 1.0, "mode", "fan_in", "distribution", "truncated_normal", "seed", null),
        GLOROT_UNIFORM("GlorotUniform", "glorot_uniform", "seed", null),
        GLOROT_NORMAL("GlorotNormal", "glorot_normal", "seed", null),
        HE_UNIFORM("HeUniform", "he_uniform", "seed", null),
        HE_NORMAL("HeNormal", "he_normal", "seed", null),
        LECUN_UNIFORM("LecunUniform", "lecun_uniform", "seed", null),
        LECUN_NORMAL("LecunNormal", "lecun_normal", "seed", null),
        ORTHOGONAL("Orthogonal", "orthogonal", "gain", 1.0, "seed", null),
        IDENTITY("Identity", "identity", "gain", 1.0);

        private final String kerasClassName;
        private final String alias;
        private final Map<String, Object> defaults;

        Kind(String kerasClassName, String alias, Object... defaults) {
            this.kerasClassName = kerasClassName;
            this.alias = alias;
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < defaults.length; i += 2) {
                map.put((String) defaults[i], defaults[i + 1]);
            }
            this.defaults = Collections.unmodifiableMap(map);
        }

        /** Keras's class name, e.g. {@code GlorotUniform}. */
        public String kerasClassName() {
            return kerasClassName;
        }

        /** Keras's string alias, e.g. {@code glorot_uniform}. */
        public String alias() {
            return alias;
        }

        /** The arguments this kind takes, in Keras's order, with Keras's defaults. */
        public Map<String, Object> defaults() {
            return defaults;
        }

        /** Finds a kind by Keras class name or alias (case-insensitive, Keras 2 spellings included). */
        public static Kind fromKeras(String name) {
            String wanted = name.replace("_", "").toLowerCase(Locale.ROOT);
            if (wanted.equals("identityinitializer")) {
                return IDENTITY;
            }
            for (Kind kind : values()) {
                if (kind.kerasClassName.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown initializer '" + name + "'");
        }
    }

    public Initializer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(arguments, "arguments");
        Map<String, Object> normalised = new LinkedHashMap<>(kind.defaults());
        for (Map.Entry<String, Object> entry : arguments.entrySet()) {
            if (!kind.defaults().containsKey(entry.getKey())) {
                throw new IllegalArgumentException(
                        kind.kerasClassName() + " has no argument '" + entry.getKey() + "'; it takes "
                                + kind.defaults().keySet());
            }
            normalised.put(entry.getKey(), normalise(entry.getKey(), entry.getValue()));
        }
        arguments = Collections.unmodifiableMap(normalised);
    }

    private static Object normalise(String key, Object value) {
        if (value == null) {
            return null;
        }
        if (key.equals("seed")) {
            if (value instanceof Number number) {
                return number.intValue();
            }
            throw new IllegalArgumentException("seed must be an integer, got " + value);
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String) {
            return value;
        }
        throw new IllegalArgumentException(key + " must be a number or text, got " + value);
    }

    /** The initializer with Keras's default arguments. */
    public static Initializer of(Kind kind) {
        return new Initializer(kind, Map.of());
    }

    public static Initializer glorotUniform() {
        return of(Kind.GLOROT_UNIFORM);
    }

    public static Initializer heNormal() {
        return of(Kind.HE_NORMAL);
    }

    public static Initializer zeros() {
        return of(Kind.ZEROS);
    }

    public static Initializer ones() {
        return of(Kind.ONES);
    }

    public static Initializer constant(double value) {
        return new Initializer(Kind.CONSTANT, Map.of("value", value));
    }

    /** A copy with one argument changed. */
    public Initializer with(String argument, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(arguments);
        changed.put(argument, value);
        return new Initializer(kind, changed);
    }

    /** The argument's value (null for an unset seed). */
    public Object argument(String name) {
        return arguments.get(name);
    }
}
