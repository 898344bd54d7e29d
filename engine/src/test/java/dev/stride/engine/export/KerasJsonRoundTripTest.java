package dev.stride.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.keras.KerasModelReader;
import dev.stride.engine.model.AveragePooling2DSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.training.TrainingSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Peer check: the Keras JSON export of every network re-imports to the identical network. */
class KerasJsonRoundTripTest {

    static List<ExportFixtures.Named> networks() {
        return ExportFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void keraJsonExportReimportsToTheIdenticalNetwork(ExportFixtures.Named named) throws Exception {
        byte[] json = DesignExporter.render(ExportFormat.KERAS_JSON,
                ExportableDesign.untrained(named.network(), TrainingSettings.defaults(), named.name()), "model");

        Network reimported = KerasModelReader.read(new String(json, StandardCharsets.UTF_8));

        assertThat(canonical(reimported)).isEqualTo(canonical(named.network()));
    }

    /** Layers (name, what they compute, trainable) in order with their inputs by name: ids are not Keras's. */
    static List<String> canonical(Network network) {
        return network.nodes().stream().map(node -> describe(network, node)).toList();
    }

    private static String describe(Network network, LayerNode node) {
        return node.name() + " " + normalised(node.spec()) + " trainable=" + node.trainable() + " <- "
                + network.inputsOf(node.id()).stream().map(id -> network.node(id).name()).toList();
    }

    /** Keras 3 itself writes pooling strides=None as the pool size: the same layer. */
    private static LayerSpec normalised(LayerSpec spec) {
        if (spec instanceof MaxPooling2DSpec pool) {
            return pool.withStrides(pool.effectiveStrides());
        }
        if (spec instanceof AveragePooling2DSpec pool) {
            return pool.withStrides(pool.effectiveStrides());
        }
        return spec;
    }
}
