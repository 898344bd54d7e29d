package dev.stride.engine.data;

import dev.stride.engine.data.vision.ImageCodec;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ShapeKind;
import dev.stride.engine.data.vision.ShapeRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Writes small real image files (and broken ones) for tests, and fingerprints folders. */
final class TestImages {
    private TestImages() {
    }

    static ImageData picture(int width, int height, int channels, long seed) {
        ImageData shape = ShapeRenderer.render(ShapeKind.values()[(int) (seed % 6)], Math.max(width, height), seed);
        byte[] pixels = new byte[width * height * channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    pixels[(y * width + x) * channels + c] = (byte) shape.value(x, y, c);
                }
            }
        }
        return new ImageData(width, height, channels, pixels);
    }

    static byte[] encoded(ImageData image, String extension) {
        if (extension.equals("gif")) {
            BufferedImage buffered = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    int v = image.value(x, y, 0);
                    buffered.setRGB(x, y, v << 16 | v << 8 | v);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ImageIO.write(buffered, "gif", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
        return ImageCodec.encode(image, extension);
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    static Path writeImage(Path file, int width, int height, int channels, long seed) throws IOException {
        String name = file.getFileName().toString();
        return write(file, encoded(picture(width, height, channels, seed), name.substring(name.lastIndexOf('.') + 1)));
    }

    /** A JPEG header, noise where the image should be, and a proper end marker: passes the quick check only. */
    static byte[] corruptJpeg() {
        byte[] bytes = new byte[600];
        new SplittableRandom(1).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        bytes[3] = (byte) 0xE0;
        bytes[598] = (byte) 0xFF;
        bytes[599] = (byte) 0xD9;
        return bytes;
    }

    /** Paths, sizes, modification times and contents of everything under {@code root}. */
    static String fingerprint(Path root) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted().toList()) {
                digest.update(root.relativize(path).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (Files.isRegularFile(path) && Files.isReadable(path)) {
                    digest.update(Files.readAllBytes(path));
                    digest.update(Long.toString(Files.getLastModifiedTime(path).toMillis()).getBytes());
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
