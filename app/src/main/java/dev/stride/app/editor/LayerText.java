package dev.stride.app.editor;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.AveragePooling2DSpec;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.ConcatenateSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.Conv2DTransposeSpec;
import dev.stride.engine.model.Cropping2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.DepthwiseConv2DSpec;
import dev.stride.engine.model.DropoutSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Margins;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.ReshapeSpec;
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.SpatialDropout2DSpec;
import dev.stride.engine.model.TensorShape;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.model.ZeroPadding2DSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Short texts for cards and tables: key parameters ("32 × 3×3 · s2 · same"), shapes ("14×14×32"), counts. */
public final class LayerText {
    private static final String DOT = " · ";

    private LayerText() {
    }

    /** A layer's key parameters in a few characters, or "" when it has none worth showing. */
    public static String keyParameters(LayerSpec spec) {
        List<String> parts = new ArrayList<>();
        if (spec instanceof InputLayerSpec s) {
            parts.add(shape(s.shape()));
        } else if (spec instanceof Conv2DSpec s) {
            convolution(parts, s.filters() + " × " + s.kernelSize(), s.strides(), s.padding(), s.dilationRate(),
                    s.activation());
        } else if (spec instanceof Conv2DTransposeSpec s) {
            convolution(parts, s.filters() + " × " + s.kernelSize(), s.strides(), s.padding(), s.dilationRate(),
                    s.activation());
        } else if (spec instanceof SeparableConv2DSpec s) {
            convolution(parts, s.filters() + " × " + s.kernelSize(), s.strides(), s.padding(), s.dilationRate(),
                    s.activation());
        } else if (spec instanceof DepthwiseConv2DSpec s) {
            convolution(parts, s.kernelSize() + " ×" + s.depthMultiplier(), s.strides(), s.padding(),
                    s.dilationRate(), s.activation());
        } else if (spec instanceof MaxPooling2DSpec s) {
            pooling(parts, s.poolSize(), s.strides(), s.padding());
        } else if (spec instanceof AveragePooling2DSpec s) {
            pooling(parts, s.poolSize(), s.strides(), s.padding());
        } else if (spec instanceof DenseSpec s) {
            parts.add(String.valueOf(s.units()));
            activation(parts, s.activation());
        } else if (spec instanceof ActivationSpec s) {
            parts.add(s.activation().kerasName());
        } else if (spec instanceof DropoutSpec s) {
            parts.add("rate " + number(s.rate()));
        } else if (spec instanceof SpatialDropout2DSpec s) {
            parts.add("rate " + number(s.rate()));
        } else if (spec instanceof BatchNormalizationSpec s) {
            parts.add("axis " + s.axis());
        } else if (spec instanceof ConcatenateSpec s) {
            parts.add("axis " + s.axis());
        } else if (spec instanceof ReshapeSpec s) {
            parts.add("→ " + s.targetShape().stream().map(String::valueOf).collect(Collectors.joining("×")));
        } else if (spec instanceof ZeroPadding2DSpec s) {
            parts.add("pad " + margins(s.padding()));
        } else if (spec instanceof Cropping2DSpec s) {
            parts.add("crop " + margins(s.cropping()));
        } else if (spec instanceof UpSampling2DSpec s) {
            parts.add("× " + s.size() + DOT + s.interpolation());
        }
        return String.join(DOT, parts);
    }

    private static void convolution(List<String> parts, String head, Size2D strides, Padding padding,
            Size2D dilation, Activation activation) {
        parts.add(head);
        if (!strides.equals(Size2D.square(1))) {
            parts.add("s" + tuple(strides));
        }
        if (!dilation.equals(Size2D.square(1))) {
            parts.add("d" + tuple(dilation));
        }
        parts.add(padding.kerasName());
        activation(parts, activation);
    }

    private static void pooling(List<String> parts, Size2D pool, Size2D strides, Padding padding) {
        parts.add(pool.toString());
        Size2D effective = strides == null ? pool : strides;
        parts.add("s" + tuple(effective));
        parts.add(padding.kerasName());
    }

    private static void activation(List<String> parts, Activation activation) {
        if (activation != Activation.LINEAR) {
            parts.add(activation.kerasName());
        }
    }

    private static String tuple(Size2D size) {
        return size.isSquare() ? String.valueOf(size.height()) : size.height() + "," + size.width();
    }

    private static String margins(Margins m) {
        if (m.top() == m.bottom() && m.left() == m.right()) {
            return m.top() == m.left() ? String.valueOf(m.top()) : m.top() + "," + m.left();
        }
        return m.top() + "," + m.bottom() + "," + m.left() + "," + m.right();
    }

    /** A shape without the batch axis, e.g. {@code 14×14×32}; open dimensions show as "?". */
    public static String shape(TensorShape shape) {
        if (shape == null) {
            return "—";
        }
        return shape.dims().stream().map(d -> d == TensorShape.UNKNOWN ? "?" : String.valueOf(d))
                .collect(Collectors.joining("×"));
    }

    /** Keras's notation with the batch axis: {@code (None, 14, 14, 32)}. */
    public static String kerasShape(TensorShape shape) {
        return shape == null ? "—" : shape.toKerasString();
    }

    /** A count with thousands separators: {@code 34,826}. */
    public static String count(long value) {
        return value < 0 ? "?" : String.format(Locale.ROOT, "%,d", value);
    }

    /** A count in a few characters: {@code 320}, {@code 18.5k}, {@code 1.2M}. */
    public static String compact(long value) {
        if (value < 0) {
            return "?";
        }
        if (value < 1_000) {
            return String.valueOf(value);
        }
        if (value < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", value / 1e3);
        }
        if (value < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1fM", value / 1e6);
        }
        return String.format(Locale.ROOT, "%.1fG", value / 1e9);
    }

    /** Bytes in binary units: {@code 12.3 KiB}. */
    public static String bytes(long value) {
        if (value < 1024) {
            return value + " B";
        }
        if (value < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", value / 1024.0);
        }
        if (value < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", value / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", value / (1024.0 * 1024 * 1024));
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%s", (float) value);
    }
}
