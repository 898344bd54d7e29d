package dev.stride.engine.data;

import dev.stride.engine.export.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An unsigned-byte IDX array (the MNIST file format): big-endian magic {@code 0x0000 08 D}, D dimension sizes, then
 * the bytes. Reads gzipped or plain files, recognised by content.
 *
 * @param dimensions the sizes, e.g. [60000, 28, 28] for images or [60000] for labels
 * @param data       the values, row-major, unsigned
 */
public record IdxFile(int[] dimensions, byte[] data) {

    private static final int UNSIGNED_BYTE = 0x08;

    public IdxFile {
        dimensions = dimensions.clone();
        long expected = 1;
        for (int d : dimensions) {
            if (d < 0) {
                throw new IllegalArgumentException("negative IDX dimension in " + Arrays.toString(dimensions));
            }
            expected *= d;
        }
        if (expected != data.length) {
            throw new IllegalArgumentException("IDX dimensions " + Arrays.toString(dimensions) + " need " + expected
                    + " bytes, got " + data.length);
        }
    }

    @Override
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** Number of items (the first dimension). */
    public int count() {
        return dimensions[0];
    }

    /** Reads an IDX file, gzipped or not. */
    public static IdxFile read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            InputStream in = first == 0x1F && second == 0x8B ? new GZIPInputStream(raw, 1 << 16) : raw;
            DataInputStream data = new DataInputStream(in);
            int magic;
            try {
                magic = data.readInt();
            } catch (EOFException e) {
                throw new IOException(file + " is too short to be an IDX file");
            }
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != UNSIGNED_BYTE) {
                throw new IOException(file + " is not an unsigned-byte IDX file (magic 0x"
                        + Integer.toHexString(magic) + ", expected 0x0000080D with D dimensions)");
            }
            int rank = magic & 0xFF;
            if (rank < 1 || rank > 4) {
                throw new IOException(file + " has " + rank + " dimensions; Stride reads IDX files with 1 to 4");
            }
            int[] dimensions = new int[rank];
            long total = 1;
            for (int i = 0; i < rank; i++) {
                dimensions[i] = data.readInt();
                total *= dimensions[i];
            }
            if (total > Integer.MAX_VALUE - 16 || total < 0) {
                throw new IOException(file + " declares " + total + " values, more than Stride can hold");
            }
            byte[] values = new byte[(int) total];
            try {
                data.readFully(values);
            } catch (EOFException e) {
                throw new IOException(file + " is truncated: it declares " + Arrays.toString(dimensions)
                        + " but ends early");
            }
            return new IdxFile(dimensions, values);
        }
    }

    /** Writes the file atomically (temporary file beside it, then a move), gzipped when asked. */
    public void write(Path file, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length + 32);
        try (OutputStream out = gzip ? new GZIPOutputStream(bytes) : bytes) {
            ByteBuffer header = ByteBuffer.allocate(4 + 4 * dimensions.length);
            header.putInt(UNSIGNED_BYTE << 8 | dimensions.length);
            for (int d : dimensions) {
                header.putInt(d);
            }
            out.write(header.array());
            out.write(data);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdxFile that && Arrays.equals(dimensions, that.dimensions)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dimensions) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IdxFile" + Arrays.toString(dimensions);
    }
}
