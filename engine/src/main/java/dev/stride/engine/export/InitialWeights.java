package dev.stride.engine.export;

import dev.stride.engine.model.Initializer;
import dev.stride.engine.model.Network;
import dev.stride.engine.shape.NetworkAnalysis;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Freshly initialised weights drawn from each weight's Keras initializer (fan-in and fan-out computed as Keras does),
 * for exporting an untrained design, e.g. to ONNX.
 */
public final class InitialWeights {
    private InitialWeights() {
    }

    /** Weights for every layer, reproducible for a given seed. */
    public static NetworkWeights generate(Network network, NetworkAnalysis analysis, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Map<String, WeightTensor>> layers = new LinkedHashMap<>();
        KerasWeightShapes.of(network, analysis).forEach((layer, slots) -> {
            Map<String, WeightTensor> tensors = new LinkedHashMap<>();
            slots.forEach((name, slot) -> tensors.put(name, draw(slot.shape(), slot.initializer(), random)));
            layers.put(layer, tensors);
        });
        return new NetworkWeights(layers);
    }

    static WeightTensor draw(int[] shape, Initializer initializer, SplittableRandom random) {
        int count = 1;
        for (int dim : shape) {
            count *= dim;
        }
        float[] values = new float[count];
        double[] fans = fans(shape);
        Map<String, Object> args = initializer.arguments();
        switch (initializer.kind()) {
            case ZEROS -> {
            }
            case ONES -> java.util.Arrays.fill(values, 1f);
            case CONSTANT -> java.util.Arrays.fill(values, ((Number) args.get("value")).floatValue());
            case RANDOM_NORMAL -> fillNormal(values, number(args, "mean"), number(args, "stddev"), false, random);
            case TRUNCATED_NORMAL -> fillNormal(values, number(args, "mean"), number(args, "stddev"), true, random);
            case RANDOM_UNIFORM -> fillUniform(values, number(args, "minval"), number(args, "maxval"), random);
            case GLOROT_UNIFORM -> scaled(values, 1.0, (fans[0] + fans[1]) / 2, "uniform", random);
            case GLOROT_NORMAL -> scaled(values, 1.0, (fans[0] + fans[1]) / 2, "truncated_normal", random);
            case HE_UNIFORM -> scaled(values, 2.0, fans[0], "uniform", random);
            case HE_NORMAL -> scaled(values, 2.0, fans[0], "truncated_normal", random);
            case LECUN_UNIFORM -> scaled(values, 1.0, fans[0], "uniform", random);
            case LECUN_NORMAL -> scaled(values, 1.0, fans[0], "truncated_normal", random);
            case VARIANCE_SCALING -> {
                String mode = (String) args.get("mode");
                double fan = switch (mode) {
                    case "fan_out" -> fans[1];
                    case "fan_avg" -> (fans[0] + fans[1]) / 2;
                    default -> fans[0];
                };
                scaled(values, number(args, "scale"), fan, (String) args.get("distribution"), random);
            }
            // Orthogonal and identity matrices matter for recurrent nets; a glorot draw is a fair stand-in here.
            case ORTHOGONAL, IDENTITY -> scaled(values, 1.0, (fans[0] + fans[1]) / 2, "uniform", random);
        }
        return new WeightTensor(shape, values);
    }

    /** Keras's {@code compute_fans}: the receptive field times the last two axes (input, output). */
    private static double[] fans(int[] shape) {
        if (shape.length == 0) {
            return new double[] {1, 1};
        }
        if (shape.length == 1) {
            return new double[] {shape[0], shape[0]};
        }
        double receptive = 1;
        for (int i = 0; i < shape.length - 2; i++) {
            receptive *= shape[i];
        }
        return new double[] {shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive};
    }

    private static void scaled(float[] values, double scale, double fan, String distribution,
            SplittableRandom random) {
        double variance = scale / Math.max(1.0, fan);
        if (distribution.equals("uniform")) {
            double limit = Math.sqrt(3 * variance);
            fillUniform(values, -limit, limit, random);
        } else {
            // Keras divides by the stddev of a unit normal truncated at ±2 so the variance comes out right.
            double stddev = distribution.equals("truncated_normal")
                    ? Math.sqrt(variance) / 0.87962566103423978 : Math.sqrt(variance);
            fillNormal(values, 0, stddev, distribution.equals("truncated_normal"), random);
        }
    }

    private static void fillUniform(float[] values, double min, double max, SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (min + (max - min) * random.nextDouble());
        }
    }

    private static void fillNormal(float[] values, double mean, double stddev, boolean truncated,
            SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            double z;
            do {
                z = gaussian(random);
            } while (truncated && Math.abs(z) > 2);
            values[i] = (float) (mean + stddev * z);
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double number(Map<String, Object> args, String key) {
        return ((Number) args.get(key)).doubleValue();
    }
}
