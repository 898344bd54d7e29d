package dev.stride.engine.data.vision;

/** An image file that cannot be used, with the reason in words a student can act on. */
public final class ImageDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImageDecodeException(String reason) {
        super(reason);
    }

    /** The reason alone, e.g. "truncated JPEG: no end-of-image marker". */
    public String reason() {
        return getMessage();
    }
}
