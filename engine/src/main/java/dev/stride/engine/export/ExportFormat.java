package dev.stride.engine.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What {@code stride export --format} can write, with the CLI name and the usual file extension. */
public enum ExportFormat {
    /** A copy of a trained model bundle (verified on the way); only a .stride-model can be exported as one. */
    STRIDE_MODEL("stride-model", ".stride-model"),
    KERAS_JSON("keras-json", ".json"),
    KERAS_PY("keras-py", ".py"),
    PYTORCH("pytorch", ".py"),
    DL4J_JAVA("dl4j-java", ".java"),
    ONNX("onnx", ".onnx"),
    PNG("png", ".png"),
    SVG("svg", ".svg"),
    MARKDOWN("markdown", ".md"),
    TEXT("text", ".txt");

    private final String cliName;
    private final String extension;

    ExportFormat(String cliName, String extension) {
        this.cliName = cliName;
        this.extension = extension;
    }

    public String cliName() {
        return cliName;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ExportFormat> fromCliName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.cliName.equals(wanted)).findFirst();
    }

    /** The CLI names, for messages: {@code keras-py|pytorch|…}. */
    public static String cliNames() {
        return Arrays.stream(values()).map(ExportFormat::cliName).collect(Collectors.joining("|"));
    }
}
