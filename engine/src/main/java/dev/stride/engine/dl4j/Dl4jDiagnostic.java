package dev.stride.engine.dl4j;

/**
 * Something about a design that DL4J cannot train as Keras would, found before training starts.
 *
 * @param severity  ERROR: the network cannot be compiled; WARNING: it compiles, approximately
 * @param layerName the layer's name in the design (empty for the network as a whole)
 * @param parameter the Keras parameter at fault, e.g. {@code groups} (empty if the whole layer)
 * @param message   what is wrong and what to do, in one sentence
 */
public record Dl4jDiagnostic(Severity severity, String layerName, String parameter, String message) {

    /** How bad it is. */
    public enum Severity { ERROR, WARNING }

    /** One line for the CLI and logs: "layer 'conv2d' groups: …". */
    public String describe() {
        String where = layerName.isEmpty() ? "network" : "layer '" + layerName + "'";
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + where
                + (parameter.isEmpty() ? "" : " " + parameter) + ": " + message;
    }
}
