package dev.stride.engine.data.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_ANYCOLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes JPEG, PNG, BMP and GIF bytes into {@link ImageData} and says precisely why a file cannot be used.
 *
 * <p>Decoding happens from bytes already in memory (OpenCV {@code imdecode}), never through a library that throws
 * away a whole epoch on one bad file, and the empty result OpenCV returns for a corrupt file becomes a reason.
 * Alpha is dropped and 16-bit images are reduced to 8 bits; grayscale stays one channel.
 */
public final class ImageCodec {

    /** Image formats Stride reads, recognised by their first bytes rather than by the file name. */
    public enum Format {
        JPEG, PNG, BMP, GIF;

        /** The format these bytes start with, or null when none of the four. */
        public static Format sniff(byte[] bytes) {
            if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
                return JPEG;
            }
            if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                return PNG;
            }
            if (startsWith(bytes, 'B', 'M') && bytes.length >= 26) {
                return BMP;
            }
            if (startsWith(bytes, 'G', 'I', 'F', '8')) {
                return GIF;
            }
            return null;
        }
    }

    private ImageCodec() {
    }

    /**
     * Decodes an image file's bytes.
     *
     * @throws ImageDecodeException naming why: empty, not an image, truncated, or corrupt
     */
    public static ImageData decode(byte[] bytes) throws ImageDecodeException {
        if (bytes.length == 0) {
            throw new ImageDecodeException("empty file (0 bytes)");
        }
        String problem = quickCheck(bytes, bytes, bytes.length);
        if (problem != null) {
            throw new ImageDecodeException(problem);
        }
        Format format = Format.sniff(bytes);
        ImageData image = format == Format.GIF ? decodeGif(bytes) : decodeWithOpenCv(bytes);
        if (image == null) {
            throw new ImageDecodeException("corrupt " + format + ": the decoder could not read it");
        }
        return image;
    }

    /** Encodes an image as PNG (lossless) or JPEG (quality 95), chosen by {@code extension} ("png", "jpg"). */
    public static byte[] encode(ImageData image, String extension) {
        String ext = "." + extension.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
        return Mats.scoped(() -> {
            Mat mat = Mats.fromImageData(image);
            BytePointer buffer = new BytePointer();
            if (!imencode(ext, mat, buffer)) {
                throw new IllegalArgumentException("OpenCV cannot encode " + ext + " images");
            }
            byte[] out = new byte[(int) buffer.limit()];
            buffer.get(out);
            return out;
        });
    }

    private static ImageData decodeWithOpenCv(byte[] bytes) {
        try {
            return Mats.scoped(() -> {
                Mat encoded = new Mat(bytes, false);
                Mat decoded = imdecode(encoded, IMREAD_ANYCOLOR);
                if (decoded == null || decoded.empty() || decoded.cols() < 1 || decoded.rows() < 1) {
                    return null;
                }
                return Mats.toImageData(Mats.toEightBitGrayOrBgr(decoded));
            });
        } catch (RuntimeException e) {
            // OpenCV reports some corrupt headers as a cv::Exception, which JavaCPP raises as RuntimeException.
            return null;
        }
    }

    /** OpenCV 4.5.5 has no GIF decoder; the JDK's is enough for the first frame. */
    private static ImageData decodeGif(byte[] bytes) {
        try {
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(bytes));
            if (read == null) {
                return null;
            }
            BufferedImage bgr = new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            var graphics = bgr.createGraphics();
            graphics.drawImage(read, 0, 0, null);
            graphics.dispose();
            byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
            return new ImageData(read.getWidth(), read.getHeight(), 3, pixels);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Why a file cannot be an image, judged from its first bytes, its last bytes and its size without decoding it;
     * null when it may be one. Catches empty files, text and other formats, and files cut short.
     *
     * @param head at least the first 32 bytes (or the whole file)
     * @param tail the last bytes, up to 4096 (or the whole file)
     * @param size the file's length in bytes
     */
    public static String quickCheck(byte[] head, byte[] tail, long size) {
        if (size == 0) {
            return "empty file (0 bytes)";
        }
        Format format = Format.sniff(head);
        if (format == null) {
            return looksLikeText(head)
                    ? "not an image: the file contains text"
                    : "not an image: the content is not JPEG, PNG, BMP or GIF";
        }
        return truncation(format, head, tail, size);
    }

    /** A reason when the file stops before its format's end marker, else null. */
    private static String truncation(Format format, byte[] head, byte[] bytes, long size) {
        return switch (format) {
            case JPEG -> lastIndexOf(bytes, new byte[] {(byte) 0xFF, (byte) 0xD9}, 4096) < 0
                    ? "truncated JPEG: the end-of-image marker is missing" : null;
            case PNG -> lastIndexOf(bytes, "IEND".getBytes(StandardCharsets.US_ASCII), 4096) < 0
                    ? "truncated PNG: the IEND chunk is missing" : null;
            case BMP -> {
                long declared = (head[2] & 0xFFL) | (head[3] & 0xFFL) << 8 | (head[4] & 0xFFL) << 16
                        | (head[5] & 0xFFL) << 24;
                yield declared > size ? "truncated BMP: " + size + " of " + declared + " bytes" : null;
            }
            case GIF -> lastIndexOf(bytes, new byte[] {0x3B}, 16) < 0
                    ? "truncated GIF: the trailer byte is missing" : null;
        };
    }

    private static int lastIndexOf(byte[] bytes, byte[] pattern, int window) {
        int stop = Math.max(0, bytes.length - window);
        for (int i = bytes.length - pattern.length; i >= stop; i--) {
            boolean match = true;
            for (int j = 0; j < pattern.length && match; j++) {
                match = bytes[i + j] == pattern[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }

    private static boolean looksLikeText(byte[] bytes) {
        int n = Math.min(bytes.length, 512);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            boolean text = b == '\n' || b == '\r' || b == '\t' || (b >= 0x20 && b != 0x7F);
            if (!text) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
