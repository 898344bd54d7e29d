package dev.stride.app.training;

import dev.stride.engine.export.AtomicFiles;
import dev.stride.engine.training.EpochMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A run's per-epoch history as CSV with Keras's column names (empty cells where nothing was measured). */
public final class HistoryCsv {
    static final String HEADER = "epoch,loss,accuracy,val_loss,val_accuracy,learning_rate,seconds,images_per_second";

    private HistoryCsv() {
    }

    public static String format(List<EpochMetrics> history) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (EpochMetrics m : history) {
            csv.append(m.epoch()).append(',').append(number(m.loss())).append(',').append(number(m.accuracy()))
                    .append(',').append(number(m.valLoss())).append(',').append(number(m.valAccuracy()))
                    .append(',').append(number(m.learningRate())).append(',').append(number(m.seconds()))
                    .append(',').append(number(m.imagesPerSecond())).append('\n');
        }
        return csv.toString();
    }

    /** Writes atomically: a temporary file beside {@code target}, then a move. */
    public static void write(Path target, List<EpochMetrics> history) throws IOException {
        byte[] bytes = format(history).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(target, out -> out.write(bytes));
    }

    private static String number(double value) {
        // Double.toString is locale-free (never "0,5") and round-trips exactly.
        return Double.isFinite(value) ? Double.toString(value) : "";
    }
}
