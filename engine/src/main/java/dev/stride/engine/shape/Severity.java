package dev.stride.engine.shape;

/** How bad a {@link Diagnostic} is: an error stops the model from being built, a warning is legal but surprising. */
public enum Severity {
    ERROR,
    WARNING
}
