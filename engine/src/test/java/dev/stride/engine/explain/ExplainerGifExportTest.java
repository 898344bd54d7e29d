package dev.stride.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainerGifExportTest {

    private static List<BufferedImage> frames(int count) {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 40, 30);
            g.setColor(Color.BLUE);
            g.fillRect(i * 10, 5, 10, 10);
            g.dispose();
            frames.add(image);
        }
        return frames;
    }

    @Test
    void theGifReadsBackWithEveryFrame(@TempDir Path folder) throws IOException {
        Path gif = folder.resolve("walk.gif");

        AnimatedGifWriter.writeGif(frames(4), 250, gif);

        try (ImageInputStream stream = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(stream).next();
            reader.setInput(stream);
            assertThat(reader.getFormatName()).isEqualToIgnoringCase("gif");
            assertThat(reader.getNumImages(true)).isEqualTo(4);
            BufferedImage third = reader.read(2);
            assertThat(third.getWidth()).isEqualTo(40);
            assertThat(new Color(third.getRGB(25, 10)).getBlue()).isGreaterThan(200);
            assertThat(new Color(third.getRGB(5, 10)).getRed()).isGreaterThan(200);
            reader.dispose();
        }
        try (var leftovers = Files.list(folder)) {
            assertThat(leftovers).containsExactly(gif);
        }
    }

    @Test
    void pngFramesAreNumberedInOrder(@TempDir Path folder) throws IOException {
        AnimatedGifWriter.writePngFrames(frames(3), folder.resolve("frames"));

        assertThat(ImageIO.read(folder.resolve("frames/frame-002.png").toFile()).getHeight()).isEqualTo(30);
        try (var files = Files.list(folder.resolve("frames"))) {
            assertThat(files).hasSize(3);
        }
    }

    @Test
    void argbPixelsBecomeAnImage() {
        int[] pixels = new int[6];
        pixels[5] = 0xFF00FF00;

        BufferedImage image = AnimatedGifWriter.fromArgb(3, 2, pixels);

        assertThat(image.getRGB(2, 1) & 0xFFFFFF).isEqualTo(0x00FF00);
    }
}
