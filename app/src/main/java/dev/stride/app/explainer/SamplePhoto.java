package dev.stride.app.explainer;

import dev.stride.engine.data.vision.ImageCodec;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ImageDecodeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the photo the real-image pane filters: -Dstride.explainer.photo, else the first of samples/photos/. */
public final class SamplePhoto {
    static final String PHOTO_PROPERTY = "stride.explainer.photo";
    private static final String PREFERRED = "butterfly.jpg";

    private SamplePhoto() {
    }

    static Optional<Path> locate(Path samplesFolder) {
        String configured = System.getProperty(PHOTO_PROPERTY);
        if (configured != null) {
            return Optional.of(Path.of(configured));
        }
        Path photos = samplesFolder.resolve("photos");
        if (!Files.isDirectory(photos)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(photos)) {
            // The butterfly shows edges and stride best; any other photo will do.
            return files.filter(SamplePhoto::isPhoto)
                    .min(Comparator.comparing((Path path) -> !path.getFileName().toString().equals(PREFERRED))
                            .thenComparing(Comparator.naturalOrder()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Decodes the located photo, or draws a test card when there is none so the pane always shows something. */
    public static ImageData load(Path samplesFolder) {
        Optional<Path> photo = locate(samplesFolder);
        if (photo.isEmpty()) {
            return testCard(320, 240);
        }
        try {
            return ImageCodec.decode(Files.readAllBytes(photo.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ImageDecodeException e) {
            throw new IllegalArgumentException(photo.get().getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isPhoto(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
    }

    /** Circles and stripes with sharp edges: every kernel preset shows a visible effect on it. */
    static ImageData testCard(int width, int height) {
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                double dx = x - width / 2.0;
                double dy = y - height / 2.0;
                boolean disc = dx * dx + dy * dy < (height / 3.0) * (height / 3.0);
                boolean stripe = (x / 16) % 2 == 0;
                pixels[i] = (byte) (disc ? 40 : stripe ? 200 : 90);
                pixels[i + 1] = (byte) (disc ? 160 : (x + y) * 255 / (width + height));
                pixels[i + 2] = (byte) (disc ? 230 : stripe ? 60 : 150);
            }
        }
        return new ImageData(width, height, 3, pixels);
    }
}
