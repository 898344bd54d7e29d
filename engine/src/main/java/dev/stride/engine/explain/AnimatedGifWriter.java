package dev.stride.engine.explain;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Writes rendered explainer frames as a looping animated GIF, or as a folder of numbered PNGs, atomically. */
public final class AnimatedGifWriter {
    private static final String GIF_FORMAT = "javax_imageio_gif_image_1.0";

    private AnimatedGifWriter() {
    }

    /** Writes {@code frames} (all the same size) to {@code target}, each shown for {@code frameMillis}, looping. */
    public static void writeGif(List<BufferedImage> frames, int frameMillis, Path target) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        Path temp = tempBeside(target);
        try {
            try (OutputStream out = Files.newOutputStream(temp);
                 ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.prepareWriteSequence(null);
                // One palette for the whole animation, built here: ImageIO's own per-frame palette search is
                // ~10x slower and makes colours flicker between frames.
                IndexColorModel palette = palette(frames);
                Map<Integer, Byte> nearest = new HashMap<>();
                for (BufferedImage frame : frames) {
                    BufferedImage indexed = toIndexed(frame, palette, nearest);
                    ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(indexed);
                    IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
                    configure(metadata, frameMillis);
                    writer.writeToSequence(new IIOImage(indexed, null, metadata), null);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes {@code frame-000.png}, {@code frame-001.png}, … into {@code folder} (created if absent). */
    public static void writePngFrames(List<BufferedImage> frames, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int index = 0; index < frames.size(); index++) {
            Path target = folder.resolve(String.format("frame-%03d.png", index));
            Path temp = tempBeside(target);
            try {
                if (!ImageIO.write(frames.get(index), "png", temp.toFile())) {
                    throw new IOException("no PNG writer available");
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Wraps raw ARGB pixels (row-major, as a JavaFX PixelReader or snapshot gives them) as an image. */
    public static BufferedImage fromArgb(int width, int height, int[] argb) {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels for " + width + "×" + height
                    + ", got " + argb.length);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }

    private static Path tempBeside(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        return Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
    }

    /** The 256 most frequent colours of all frames (rendered diagrams use few colours besides anti-aliasing). */
    private static IndexColorModel palette(List<BufferedImage> frames) {
        Map<Integer, int[]> counts = new HashMap<>();
        for (BufferedImage frame : frames) {
            int[] pixels = frame.getRGB(0, 0, frame.getWidth(), frame.getHeight(), null, 0, frame.getWidth());
            for (int pixel : pixels) {
                counts.computeIfAbsent(pixel & 0xFFFFFF, key -> new int[1])[0]++;
            }
        }
        List<Map.Entry<Integer, int[]>> byFrequency = new ArrayList<>(counts.entrySet());
        byFrequency.sort((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]));
        int size = Math.max(2, Math.min(256, byFrequency.size()));
        byte[] red = new byte[size];
        byte[] green = new byte[size];
        byte[] blue = new byte[size];
        for (int i = 0; i < Math.min(size, byFrequency.size()); i++) {
            int rgb = byFrequency.get(i).getKey();
            red[i] = (byte) (rgb >> 16);
            green[i] = (byte) (rgb >> 8);
            blue[i] = (byte) rgb;
        }
        return new IndexColorModel(8, size, red, green, blue);
    }

    private static BufferedImage toIndexed(BufferedImage frame, IndexColorModel palette, Map<Integer, Byte> nearest) {
        int width = frame.getWidth();
        int height = frame.getHeight();
        int[] pixels = frame.getRGB(0, 0, width, height, null, 0, width);
        BufferedImage indexed = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
        byte[] target = ((DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            target[i] = nearest.computeIfAbsent(pixels[i] & 0xFFFFFF, rgb -> nearestIndex(palette, rgb));
        }
        return indexed;
    }

    private static byte nearestIndex(IndexColorModel palette, int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < palette.getMapSize(); i++) {
            int dr = palette.getRed(i) - r;
            int dg = palette.getGreen(i) - g;
            int db = palette.getBlue(i) - b;
            int distance = dr * dr + dg * dg + db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return (byte) best;
    }

    private static void configure(IIOMetadata metadata, int frameMillis) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(GIF_FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(1, frameMillis / 10)));
        control.setAttribute("transparentColorIndex", "0");
        IIOMetadataNode applications = child(root, "ApplicationExtensions");
        IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
        loop.setAttribute("applicationID", "NETSCAPE");
        loop.setAttribute("authenticationCode", "2.0");
        loop.setUserObject(new byte[] {1, 0, 0}); // loop forever
        applications.appendChild(loop);
        metadata.setFromTree(GIF_FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
