package dev.stride.engine.keras;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.KerasNames;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Small naming helpers shared by the Keras reader and writer. */
final class KerasNamesBridge {
    private KerasNamesBridge() {
    }

    static String snake(String className) {
        return KerasNames.snakeCase(className);
    }

    static String activationNames() {
        return Arrays.stream(Activation.values()).map(Activation::kerasName).collect(Collectors.joining(", "));
    }
}
