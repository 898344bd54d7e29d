package dev.stride.engine.explain;

import dev.stride.engine.export.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        AtomicFiles.write(target, out -> {
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.prepareWriteSequence(null);
                for (BufferedImage frame : frames) {
                    BufferedImage rgb = toRgb(frame);
                    ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(rgb);
                    IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
                    configure(metadata, frameMillis);
                    writer.writeToSequence(new IIOImage(rgb, null, metadata), null);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    /** Writes {@code frame-000.png}, {@code frame-001.png}, … into {@code folder} (created if absent). */
    public static void writePngFrames(List<BufferedImage> frames, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int index = 0; index < frames.size(); index++) {
            Path target = folder.resolve(String.format("frame-%03d.png", index));
            BufferedImage frame = frames.get(index);
            AtomicFiles.write(target, out -> {
                if (!ImageIO.write(frame, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            });
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

    private static BufferedImage toRgb(BufferedImage frame) {
        if (frame.getType() == BufferedImage.TYPE_INT_RGB) {
            return frame;
        }
        BufferedImage rgb = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(frame, 0, 0, null);
        return rgb;
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
