package dev.stride.engine.keras;

/** A Keras model JSON (or a layer config inside a project) that Stride cannot read; the message names the place. */
public class KerasJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public KerasJsonException(String message) {
        super(message);
    }

    public KerasJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
