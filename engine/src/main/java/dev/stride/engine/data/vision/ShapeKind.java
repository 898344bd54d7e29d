package dev.stride.engine.data.vision;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** The classes of the generated shapes dataset. */
public enum ShapeKind {
    @JsonProperty("circle") CIRCLE,
    @JsonProperty("square") SQUARE,
    @JsonProperty("triangle") TRIANGLE,
    @JsonProperty("star") STAR,
    @JsonProperty("hexagon") HEXAGON,
    @JsonProperty("cross") CROSS;

    /** The class name shown to users and written in projects: "circle". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code label}, case-insensitive. */
    public static ShapeKind fromLabel(String label) {
        for (ShapeKind kind : values()) {
            if (kind.label().equalsIgnoreCase(label.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown shape '" + label + "': choose from circle, square, triangle, "
                + "star, hexagon, cross");
    }
}
