package dev.stride.engine.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.Constraint;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.model.Initializer;
import dev.stride.engine.model.Margins;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Regularizer;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.TensorShape;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed, forgiving access to one Keras layer config: accepts both Keras 2 and Keras 3 spellings (ints or tuples,
 * strings or serialised objects) and reports anything else with the layer and key it came from.
 */
final class ConfigReader {
    private final JsonNode config;
    private final String where;

    ConfigReader(JsonNode config, String where) {
        this.config = config;
        this.where = where;
    }

    String where() {
        return where;
    }

    JsonNode raw(String key) {
        JsonNode value = config.get(key);
        return value == null || value.isNull() ? null : value;
    }

    boolean has(String key) {
        return raw(key) != null;
    }

    KerasJsonException problem(String key, String expectation, JsonNode got) {
        return new KerasJsonException(where + ": \"" + key + "\" " + expectation + ", got " + abbreviate(got));
    }

    static String abbreviate(JsonNode node) {
        String text = node == null ? "nothing" : node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    static int asInt(JsonNode node) {
        if (node != null && node.isNumber()) {
            double value = node.asDouble();
            if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        throw new NumberFormatException();
    }

    int integer(String key, int fallback) throws KerasJsonException {
        JsonNode value = raw(key);
        if (value == null) {
            return fallback;
        }
        try {
            return asInt(value);
        } catch (NumberFormatException e) {
            throw problem(key, "must be an integer", value);
        }
    }

    Integer optionalInteger(String key) throws KerasJsonException {
        return has(key) ? integer(key, 0) : null;
    }

    double number(String key, double fallback) throws KerasJsonException {
        JsonNode value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw problem(key, "must be a number", value);
        }
        return value.asDouble();
    }

    boolean bool(String key, boolean fallback) throws KerasJsonException {
        JsonNode value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw problem(key, "must be true or false", value);
        }
        return value.asBoolean();
    }

    String string(String key, String fallback) throws KerasJsonException {
        JsonNode value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw problem(key, "must be text", value);
        }
        return value.asText();
    }

    /** An int or a 2-tuple, as Keras's {@code standardize_tuple} reads kernel sizes, strides and so on. */
    Size2D pair(String key, Size2D fallback) throws KerasJsonException {
        JsonNode value = raw(key);
        if (value == null) {
            return fallback;
        }
        try {
            if (value.isNumber()) {
                return Size2D.square(asInt(value));
            }
            if (value.isArray() && value.size() == 2) {
                return Size2D.of(asInt(value.get(0)), asInt(value.get(1)));
            }
        } catch (NumberFormatException e) {
            // fall through to the explanation below
        }
        throw problem(key, "must be an integer or a list of 2 integers", value);
    }

    /** A 1-D or 3-D size: an int, or a list of {@code count} ints as Keras writes tuples; null when absent. */
    int[] tuple(String key, int count, int[] fallback) throws KerasJsonException {
        JsonNode value = raw(key);
        if (value == null) {
            return fallback;
        }
        try {
            int[] result = new int[count];
            if (value.isNumber()) {
                java.util.Arrays.fill(result, asInt(value));
                return result;
            }
            if (value.isArray() && value.size() == count) {
                for (int i = 0; i < count; i++) {
                    result[i] = asInt(value.get(i));
                }
                return result;
            }
        } catch (NumberFormatException e) {
            // fall through to the explanation below
        }
        throw problem(key, "must be an integer or a list of " + count + " integer" + (count == 1 ? "" : "s"), value);
    }

    Size2D optionalPair(String key) throws KerasJsonException {
        return has(key) ? pair(key, null) : null;
    }

    /** ZeroPadding2D/Cropping2D amounts: an int, (rows, columns), or ((top, bottom), (left, right)). */
    Margins margins(String key, Margins fallback) throws KerasJsonException {
        JsonNode value = raw(key);
        if (value == null) {
            return fallback;
        }
        try {
            if (value.isNumber()) {
                return Margins.uniform(asInt(value));
            }
            if (value.isArray() && value.size() == 2) {
                JsonNode rows = value.get(0);
                JsonNode columns = value.get(1);
                if (rows.isNumber() && columns.isNumber()) {
                    return Margins.symmetric(asInt(rows), asInt(columns));
                }
                if (rows.isArray() && rows.size() == 2 && columns.isArray() && columns.size() == 2) {
                    return Margins.of(asInt(rows.get(0)), asInt(rows.get(1)), asInt(columns.get(0)),
                            asInt(columns.get(1)));
                }
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw problem(key, "must be an integer, (rows, columns) or ((top, bottom), (left, right))", value);
    }

    DataFormat dataFormat() throws KerasJsonException {
        String value = string("data_format", null);
        if (value == null) {
            return DataFormat.CHANNELS_LAST;
        }
        try {
            return DataFormat.fromKeras(value);
        } catch (IllegalArgumentException e) {
            throw new KerasJsonException(where + ": " + e.getMessage());
        }
    }

    Padding padding() throws KerasJsonException {
        String value = string("padding", "valid");
        try {
            return Padding.fromKeras(value);
        } catch (IllegalArgumentException e) {
            throw new KerasJsonException(where + ": " + e.getMessage());
        }
    }

    Activation activation(String key) throws KerasJsonException {
        JsonNode value = raw(key);
        String name;
        if (value == null) {
            return Activation.LINEAR;
        } else if (value.isTextual()) {
            name = value.asText();
        } else if (value.isObject() && value.path("config").isTextual()) {
            name = value.path("config").asText();
        } else if (value.isObject() && value.path("class_name").isTextual()) {
            name = KerasNamesBridge.snake(value.path("class_name").asText());
        } else {
            throw problem(key, "must be an activation name such as \"relu\"", value);
        }
        if (name.equalsIgnoreCase("leakyrelu")) {
            name = "leaky_relu";
        }
        try {
            return Activation.fromKeras(name.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KerasJsonException(where + ": unsupported activation '" + name + "' in \"" + key
                    + "\"; Stride knows " + KerasNamesBridge.activationNames());
        }
    }

    /** A string alias or a serialised {@code {"class_name", "config"}} object (Keras 2 and 3). */
    Initializer initializer(String key, Initializer fallback) throws KerasJsonException {
        JsonNode value = raw(key);
        if (value == null) {
            return fallback;
        }
        String className;
        JsonNode arguments;
        if (value.isTextual()) {
            className = value.asText();
            arguments = null;
        } else if (value.isObject() && value.path("class_name").isTextual()) {
            className = value.path("class_name").asText();
            arguments = value.get("config");
        } else {
            throw problem(key, "must be an initializer name or {\"class_name\", \"config\"}", value);
        }
        Initializer.Kind kind;
        try {
            kind = Initializer.Kind.fromKeras(className);
        } catch (IllegalArgumentException e) {
            throw new KerasJsonException(where + ": unsupported initializer '" + className + "' in \"" + key + "\"");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (arguments != null && arguments.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = arguments.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!kind.defaults().containsKey(field.getKey())) {
                    continue; // Keras 2 adds "dtype" and the like: not part of what Stride models
                }
                JsonNode v = field.getValue();
                if (v.isNull()) {
                    values.put(field.getKey(), null);
                } else if (v.isNumber()) {
                    values.put(field.getKey(), v.numberValue());
                } else if (v.isTextual()) {
                    values.put(field.getKey(), v.asText());
                } else {
                    throw problem(key, "has an argument \"" + field.getKey() + "\" that is neither number nor text",
                            v);
                }
            }
        }
        try {
            return new Initializer(kind, values);
        } catch (IllegalArgumentException e) {
            throw new KerasJsonException(where + ": \"" + key + "\": " + e.getMessage());
        }
    }

    Regularizer regularizer(String key) throws KerasJsonException {
        JsonNode value = raw(key);
        if (value == null) {
            return null;
        }
        String className;
        JsonNode arguments;
        if (value.isTextual()) {
            className = value.asText();
            arguments = null;
        } else if (value.isObject() && value.path("class_name").isTextual()) {
            className = value.path("class_name").asText();
            arguments = value.get("config");
        } else {
            throw problem(key, "must be a regularizer such as {\"class_name\": \"L2\", \"config\": {\"l2\": 0.01}}",
                    value);
        }
        ConfigReader args = new ConfigReader(arguments == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : arguments,
                where + " \"" + key + "\"");
        // Keras 3 resolves a class name or its snake_case form; "l1_l2" is not one of them (Keras rejects it too).
        switch (className.toLowerCase(Locale.ROOT)) {
            case "l1":
                return new Regularizer.L1(args.number("l1", Regularizer.L1.KERAS_DEFAULT));
            case "l2":
                return new Regularizer.L2(args.number("l2", Regularizer.L2.KERAS_DEFAULT));
            case "l1l2":
                return new Regularizer.L1L2(args.number("l1", 0), args.number("l2", 0));
            default:
                throw new KerasJsonException(where + ": unsupported regularizer '" + className + "' in \"" + key
                        + "\"; Stride supports L1, L2 and L1L2");
        }
    }

    Constraint constraint(String key) throws KerasJsonException {
        JsonNode value = raw(key);
        if (value == null) {
            return null;
        }
        String className;
        JsonNode arguments;
        if (value.isTextual()) {
            className = value.asText();
            arguments = null;
        } else if (value.isObject() && value.path("class_name").isTextual()) {
            className = value.path("class_name").asText();
            arguments = value.get("config");
        } else {
            throw problem(key, "must be a constraint such as {\"class_name\": \"MaxNorm\", \"config\": {...}}", value);
        }
        ConfigReader args = new ConfigReader(arguments == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : arguments,
                where + " \"" + key + "\"");
        switch (className.replace("_", "").toLowerCase(Locale.ROOT)) {
            case "maxnorm":
                return new Constraint.MaxNorm(args.number("max_value", 2.0), args.axis());
            case "nonneg":
                return new Constraint.NonNeg();
            case "unitnorm":
                return new Constraint.UnitNorm(args.axis());
            case "minmaxnorm":
                return new Constraint.MinMaxNorm(args.number("min_value", 0.0), args.number("max_value", 1.0),
                        args.number("rate", 1.0), args.axis());
            default:
                throw new KerasJsonException(where + ": unsupported constraint '" + className + "' in \"" + key
                        + "\"; Stride supports MaxNorm, NonNeg, UnitNorm and MinMaxNorm");
        }
    }

    private List<Integer> axis() throws KerasJsonException {
        JsonNode value = raw("axis");
        if (value == null) {
            return List.of(0);
        }
        return integers("axis", value);
    }

    private List<Integer> integers(String key, JsonNode value) throws KerasJsonException {
        List<Integer> result = new ArrayList<>();
        try {
            if (value.isNumber()) {
                result.add(asInt(value));
                return result;
            }
            if (value.isArray()) {
                for (JsonNode item : value) {
                    result.add(asInt(item));
                }
                return result;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw problem(key, "must be an integer or a list of integers", value);
    }

    /** A list of integers where Keras's None becomes {@link TensorShape#UNKNOWN} (or null when allowNull). */
    List<Integer> shape(String key, boolean keepNull) throws KerasJsonException {
        JsonNode value = raw(key);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw problem(key, "must be a list of sizes", value);
        }
        List<Integer> result = new ArrayList<>();
        for (JsonNode item : value) {
            if (item.isNull()) {
                result.add(keepNull ? null : TensorShape.UNKNOWN);
            } else {
                try {
                    result.add(asInt(item));
                } catch (NumberFormatException e) {
                    throw problem(key, "must contain only integers or null", value);
                }
            }
        }
        return result;
    }

    /** A shape list given directly (None → unknown). */
    List<Integer> shapeOf(JsonNode value) throws KerasJsonException {
        List<Integer> result = new ArrayList<>();
        for (JsonNode item : value) {
            if (item.isNull()) {
                result.add(TensorShape.UNKNOWN);
            } else {
                try {
                    result.add(asInt(item));
                } catch (NumberFormatException e) {
                    throw new KerasJsonException(where + ": a shape must contain only integers or null, got "
                            + abbreviate(value));
                }
            }
        }
        return result;
    }

    List<Integer> intList(String key) throws KerasJsonException {
        JsonNode value = raw(key);
        return value == null ? null : integers(key, value);
    }
}
