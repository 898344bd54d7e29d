package dev.stride.engine.project;

/** A project file that cannot be read or written; the message names the file and the JSON place. */
public class ProjectFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProjectFileException(String message) {
        super(message);
    }

    public ProjectFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
