package dev.stride.engine.training;

/** A model or checkpoint file that cannot be used: missing, truncated, corrupt or foreign; the message says which. */
public final class InvalidModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidModelFileException(String message) {
        super(message);
    }

    public InvalidModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
