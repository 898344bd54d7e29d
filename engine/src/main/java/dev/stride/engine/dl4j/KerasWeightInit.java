package dev.stride.engine.dl4j;

import dev.stride.engine.model.Initializer;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Keras's initializers exactly, for DL4J: variance scaling with Keras's fans (DL4J divides a convolution's fan-out by
 * the stride; Keras does not) and Keras's truncated normal (re-drawn beyond 2σ, σ corrected by 0.8796). DL4J's own
 * {@code RELU} init, for one, is an untruncated normal. Draws come from ND4J's generator, so the network seed holds.
 */
public final class KerasWeightInit implements IWeightInit {
    private static final long serialVersionUID = 1L;
    /** Standard deviation of a unit normal truncated to [-2, 2], as Keras divides by it. */
    private static final double TRUNCATED_STDDEV = 0.87962566103423978;

    @JsonProperty("kind")
    private final String kind;
    @JsonProperty("scale")
    private final double scale;
    @JsonProperty("mode")
    private final String mode;
    @JsonProperty("distribution")
    private final String distribution;
    @JsonProperty("a")
    private final double a;
    @JsonProperty("b")
    private final double b;
    @JsonProperty("depthwiseLayout")
    private final boolean depthwiseLayout;

    /**
     * @param kind            "variance_scaling", "normal", "uniform", "truncated_normal" or "constant"
     * @param scale           variance scaling's scale
     * @param mode            fan_in, fan_out or fan_avg
     * @param distribution    truncated_normal, untruncated_normal or uniform
     * @param a               mean, minval or the constant
     * @param b               stddev or maxval
     * @param depthwiseLayout the weights are DL4J's depthwise [kH, kW, in, multiplier] rather than [out, in, kH, kW]
     */
    @JsonCreator
    public KerasWeightInit(@JsonProperty("kind") String kind, @JsonProperty("scale") double scale,
                           @JsonProperty("mode") String mode, @JsonProperty("distribution") String distribution,
                           @JsonProperty("a") double a, @JsonProperty("b") double b,
                           @JsonProperty("depthwiseLayout") boolean depthwiseLayout) {
        this.kind = kind;
        this.scale = scale;
        this.mode = mode;
        this.distribution = distribution;
        this.a = a;
        this.b = b;
        this.depthwiseLayout = depthwiseLayout;
    }

    /** The DL4J initializer for a Keras initializer, or null when Keras's kind has no exact equivalent here. */
    static KerasWeightInit of(Initializer initializer, boolean depthwiseLayout) {
        var args = initializer.arguments();
        return switch (initializer.kind()) {
            case ZEROS -> constant(0, depthwiseLayout);
            case ONES -> constant(1, depthwiseLayout);
            case CONSTANT -> constant(number(args.get("value")), depthwiseLayout);
            case RANDOM_NORMAL -> new KerasWeightInit("normal", 0, "", "", number(args.get("mean")),
                    number(args.get("stddev")), depthwiseLayout);
            case RANDOM_UNIFORM -> new KerasWeightInit("uniform", 0, "", "", number(args.get("minval")),
                    number(args.get("maxval")), depthwiseLayout);
            case TRUNCATED_NORMAL -> new KerasWeightInit("truncated_normal", 0, "", "", number(args.get("mean")),
                    number(args.get("stddev")), depthwiseLayout);
            case VARIANCE_SCALING -> scaling(number(args.get("scale")), (String) args.get("mode"),
                    (String) args.get("distribution"), depthwiseLayout);
            case GLOROT_UNIFORM -> scaling(1, "fan_avg", "uniform", depthwiseLayout);
            case GLOROT_NORMAL -> scaling(1, "fan_avg", "truncated_normal", depthwiseLayout);
            case HE_UNIFORM -> scaling(2, "fan_in", "uniform", depthwiseLayout);
            case HE_NORMAL -> scaling(2, "fan_in", "truncated_normal", depthwiseLayout);
            case LECUN_UNIFORM -> scaling(1, "fan_in", "uniform", depthwiseLayout);
            case LECUN_NORMAL -> scaling(1, "fan_in", "truncated_normal", depthwiseLayout);
            case ORTHOGONAL, IDENTITY -> null;
        };
    }

    private static KerasWeightInit constant(double value, boolean depthwiseLayout) {
        return new KerasWeightInit("constant", 0, "", "", value, 0, depthwiseLayout);
    }

    private static KerasWeightInit scaling(double scale, String mode, String distribution, boolean depthwise) {
        return new KerasWeightInit("variance_scaling", scale, mode, distribution, 0, 0, depthwise);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** Keras's fans for a DL4J weight shape. */
    double[] fans(long[] shape) {
        if (shape.length == 2) {
            return new double[] {shape[0], shape[1]};
        }
        if (shape.length == 4 && depthwiseLayout) {
            double field = shape[0] * shape[1];
            return new double[] {shape[2] * field, shape[3] * field};
        }
        if (shape.length == 4) {
            double field = shape[2] * shape[3];
            return new double[] {shape[1] * field, shape[0] * field};
        }
        long total = 1;
        for (long d : shape) {
            total *= d;
        }
        double side = Math.sqrt(total);
        return new double[] {side, side};
    }

    @Override
    public INDArray init(double dl4jFanIn, double dl4jFanOut, long[] shape, char order, INDArray paramView) {
        int n = (int) paramView.length();
        double[] values = new double[n];
        SplittableRandom random = new SplittableRandom(Nd4j.getRandom().nextLong());
        switch (kind) {
            case "constant" -> java.util.Arrays.fill(values, a);
            case "normal" -> fillNormal(values, random, a, b, false);
            case "truncated_normal" -> fillNormal(values, random, a, b, true);
            case "uniform" -> fillUniform(values, random, a, b);
            case "variance_scaling" -> {
                double[] fans = fans(shape);
                double fan = switch (mode) {
                    case "fan_out" -> fans[1];
                    case "fan_avg" -> (fans[0] + fans[1]) / 2;
                    default -> fans[0];
                };
                double variance = scale / Math.max(1, fan);
                switch (distribution) {
                    case "uniform" -> {
                        double limit = Math.sqrt(3 * variance);
                        fillUniform(values, random, -limit, limit);
                    }
                    case "untruncated_normal", "normal" -> fillNormal(values, random, 0, Math.sqrt(variance), false);
                    default -> fillNormal(values, random, 0, Math.sqrt(variance) / TRUNCATED_STDDEV, true);
                }
            }
            default -> throw new IllegalStateException("unknown initializer kind " + kind);
        }
        INDArray filled = Nd4j.create(values, shape, order).castTo(paramView.dataType());
        paramView.assign(filled.reshape(order, paramView.shape()));
        return paramView.reshape(order, shape);
    }

    private static void fillNormal(double[] values, SplittableRandom random, double mean, double stddev,
                                   boolean truncated) {
        for (int i = 0; i < values.length; i++) {
            double z;
            do {
                z = gaussian(random);
            } while (truncated && Math.abs(z) > 2);
            values[i] = mean + stddev * z;
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian on JDK 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static void fillUniform(double[] values, SplittableRandom random, double low, double high) {
        for (int i = 0; i < values.length; i++) {
            values[i] = low + (high - low) * random.nextDouble();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KerasWeightInit k && k.kind.equals(kind) && k.scale == scale && k.mode.equals(mode)
                && k.distribution.equals(distribution) && k.a == a && k.b == b
                && k.depthwiseLayout == depthwiseLayout;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, scale, mode, distribution, a, b, depthwiseLayout);
    }
}
