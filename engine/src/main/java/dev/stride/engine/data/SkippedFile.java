package dev.stride.engine.data;

import java.nio.file.Path;

/**
 * A file or folder left out of a dataset, and why; the file itself is never touched.
 *
 * @param path   the file, folder, or for CSV the table (with the line in the reason)
 * @param reason what is wrong, in words a student can act on
 */
public record SkippedFile(Path path, String reason) {
}
