package dev.stride.engine.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path folder;

    @Test
    void a_new_file_reads_like_any_other_and_a_replaced_one_keeps_its_permissions() throws Exception {
        assumeTrue(Files.getFileStore(folder).supportsFileAttributeView("posix"), "POSIX permissions");
        Path created = folder.resolve("model.onnx");
        AtomicFiles.write(created, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(created));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)),
                "not the private 0600 of a temporary file");

        Files.setPosixFilePermissions(created, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(created, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(created));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)));
        try (var left = Files.list(folder)) {
            assertEquals(1, left.count(), "no temporary file left behind");
        }
    }
}
