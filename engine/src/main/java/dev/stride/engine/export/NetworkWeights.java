package dev.stride.engine.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A network's weights independent of any framework: per layer name, per Keras weight name ({@code kernel},
 * {@code bias}, {@code gamma}, {@code beta}, {@code moving_mean}, {@code moving_variance},
 * {@code depthwise_kernel}, {@code pointwise_kernel}), a tensor in Keras's layout and Keras's semantics (a Dense
 * after a channels_last Flatten expects its inputs in height, width, channel order).
 */
public record NetworkWeights(Map<String, Map<String, WeightTensor>> layers) {
    public NetworkWeights {
        Objects.requireNonNull(layers, "layers");
        Map<String, Map<String, WeightTensor>> copy = new LinkedHashMap<>();
        layers.forEach((layer, params) -> copy.put(layer, Map.copyOf(params)));
        layers = java.util.Collections.unmodifiableMap(copy);
    }

    /** The tensor, if the layer has a weight of that name. */
    public Optional<WeightTensor> find(String layer, String weight) {
        return Optional.ofNullable(layers.getOrDefault(layer, Map.of()).get(weight));
    }

    /** The tensor; throws naming the layer and weight when it is missing. */
    public WeightTensor get(String layer, String weight) {
        return find(layer, weight).orElseThrow(() -> new IllegalArgumentException(
                "no weight '" + weight + "' for layer '" + layer + "'; the weights hold "
                        + layers.getOrDefault(layer, Map.of()).keySet()));
    }
}
