package dev.stride.engine.export;

/** A layer (or one of its settings) that an export format cannot express; the message names layer and format. */
public final class UnsupportedLayerException extends RuntimeException {
    private final String layerName;

    public UnsupportedLayerException(String format, String layerName, String reason) {
        super(format + " export cannot express layer '" + layerName + "': " + reason);
        this.layerName = layerName;
    }

    public String layerName() {
        return layerName;
    }
}
