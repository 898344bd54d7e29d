package dev.stride.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.keras.KerasModelReader;
import dev.stride.engine.model.LayerNode;
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
        return node.name() + " " + node.spec() + " trainable=" + node.trainable() + " <- "
                + network.inputsOf(node.id()).stream().map(id -> network.node(id).name()).toList();
    }
}
