package dev.stride.engine.export;

import dev.stride.engine.model.Size2D;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Python literals and identifiers for the generated Keras and PyTorch code. */
final class PythonSyntax {
    private PythonSyntax() {
    }

    /** A float literal as Python prints it: {@code 0.001}, {@code 1.0}, {@code 1e-07}. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return plain.length() <= 12 ? plain : Double.toString(value).toLowerCase(Locale.ROOT);
    }

    static String string(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String bool(boolean value) {
        return value ? "True" : "False";
    }

    static String pair(Size2D size) {
        return "(" + size.height() + ", " + size.width() + ")";
    }

    static String tuple(List<Integer> values) {
        if (values.size() == 1) {
            return "(" + values.get(0) + ",)";
        }
        return values.stream().map(v -> v == null ? "None" : String.valueOf(v))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** A valid Python identifier made from a layer name (Keras names may hold '/' or start with a digit). */
    static String identifier(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_]", "_");
        if (cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0))) {
            cleaned = "layer_" + cleaned;
        }
        return switch (cleaned) {
            case "input", "inputs", "x", "self", "model", "lambda", "class", "def", "return", "import", "from", "in",
                    "is", "not", "and", "or", "if", "else", "for", "while", "pass", "None", "True", "False", "F",
                    "nn", "torch", "keras", "layers", "np" -> cleaned + "_";
            default -> cleaned;
        };
    }
}
