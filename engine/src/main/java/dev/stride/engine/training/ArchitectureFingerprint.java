package dev.stride.engine.training;

import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.NodeId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A design written as one line per layer (name, parameters, inputs) and a short hash of those lines. */
public final class ArchitectureFingerprint {
    private ArchitectureFingerprint() {
    }

    /** One line per layer in the network's order: "conv2d: Conv2DSpec[filters=6, …] <- input". */
    public static List<String> describe(Network network) {
        List<String> lines = new ArrayList<>();
        for (LayerNode node : network.nodes()) {
            StringBuilder line = new StringBuilder(node.name()).append(": ").append(node.spec());
            if (!node.trainable()) {
                line.append(" (frozen)");
            }
            List<NodeId> inputs = network.inputsOf(node.id());
            if (!inputs.isEmpty()) {
                line.append(" <- ");
                for (int i = 0; i < inputs.size(); i++) {
                    line.append(i == 0 ? "" : ", ").append(network.node(inputs.get(i)).name());
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The first 12 hex digits of the SHA-256 of the description: equal designs, equal fingerprints. */
    public static String of(List<String> description) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : description) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
