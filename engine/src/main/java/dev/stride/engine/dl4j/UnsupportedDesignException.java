package dev.stride.engine.dl4j;

import java.util.List;
import java.util.stream.Collectors;

/** A design DL4J cannot train; the diagnostics name each layer and parameter at fault. */
public final class UnsupportedDesignException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Dl4jDiagnostic> diagnostics;

    public UnsupportedDesignException(List<Dl4jDiagnostic> diagnostics) {
        super(diagnostics.stream().filter(d -> d.severity() == Dl4jDiagnostic.Severity.ERROR)
                .map(Dl4jDiagnostic::describe).collect(Collectors.joining("; ")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Dl4jDiagnostic> diagnostics() {
        return diagnostics;
    }
}
