package dev.stride.engine.training;

import dev.stride.engine.export.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A zip of named byte entries, written atomically and read back only when every entry is intact: the container of
 * checkpoints and {@code .stride-model} bundles. ModelSerializer alone accepts zips with a cut central directory, so
 * integrity is checked here.
 */
public final class ModelArchive {
    private final Map<String, byte[]> entries;

    private ModelArchive(Map<String, byte[]> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static ModelArchive of(Map<String, byte[]> entries) {
        return new ModelArchive(entries);
    }

    public Map<String, byte[]> entries() {
        return entries;
    }

    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The entry's bytes; an {@link InvalidModelFileException} names what is missing. */
    public byte[] entry(String name, Path origin) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new InvalidModelFileException(origin + " has no '" + name + "' entry: it is not a Stride "
                    + "model or checkpoint, or it was written by an incompatible version");
        }
        return bytes;
    }

    /** Writes to a temporary file beside {@code target}, then moves it into place atomically. */
    public void writeAtomically(Path target) throws IOException {
        AtomicFiles.write(target, file -> {
            ZipOutputStream zip = new ZipOutputStream(file);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * Reads every entry through the zip's central directory and checks each entry's CRC and size; a truncated,
     * corrupt or non-zip file gives an {@link InvalidModelFileException} that says so.
     */
    public static ModelArchive read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidModelFileException(file + " does not exist or is not a file");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                CRC32 crc = new CRC32();
                crc.update(bytes);
                if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()
                        || entry.getSize() != -1 && entry.getSize() != bytes.length) {
                    throw new InvalidModelFileException(file + " is corrupt: entry '" + entry.getName()
                            + "' fails its checksum; retrain or restore the file from a backup");
                }
                entries.put(entry.getName(), bytes);
            }
        } catch (ZipException e) {
            throw new InvalidModelFileException(file + " is not a readable zip archive (" + e.getMessage()
                    + "); it is truncated, corrupt, or not a Stride model");
        } catch (java.io.EOFException e) {
            throw new InvalidModelFileException(file + " is truncated; retrain or restore it from a backup");
        }
        if (entries.isEmpty()) {
            throw new InvalidModelFileException(file + " is an empty archive, not a Stride model");
        }
        return new ModelArchive(entries);
    }

    /** Bytes written by a writer callback; saves boilerplate around ByteArrayOutputStream. */
    static byte[] bytesOf(IoWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        return out.toByteArray();
    }

    /** Writes to a stream. */
    @FunctionalInterface
    interface IoWriter {
        void write(OutputStream out) throws IOException;
    }
}
