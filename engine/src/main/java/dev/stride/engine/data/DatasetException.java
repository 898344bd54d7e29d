package dev.stride.engine.data;

/** A dataset that cannot be used as given, with a message naming the file or folder and the fix. */
public final class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
