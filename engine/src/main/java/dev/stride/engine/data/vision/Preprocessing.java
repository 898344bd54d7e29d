package dev.stride.engine.data.vision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How any decoded image becomes the network's input: size, channel count, resize mode and pixel scaling.
 * Jackson-bindable; absent fields take the defaults below.
 *
 * @param width    input width in pixels (default 28)
 * @param height   input height in pixels (default 28)
 * @param channels 1 (grayscale) or 3 (colour); images with the other count are converted (default 1)
 * @param resize   how other sizes are brought to width × height (default stretch)
 * @param scaling  how bytes become floats (default unit: [0, 1])
 * @param mean     per-channel means on the [0, 1] scale for {@code mean-std}, in B, G, R order for colour
 * @param std      per-channel standard deviations for {@code mean-std}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Preprocessing(Integer width, Integer height, Integer channels, ResizeMode resize, PixelScaling scaling,
                            List<Double> mean, List<Double> std) {

    public Preprocessing {
        width = width == null ? 28 : width;
        height = height == null ? 28 : height;
        channels = channels == null ? 1 : channels;
        resize = resize == null ? ResizeMode.STRETCH : resize;
        scaling = scaling == null ? PixelScaling.UNIT : scaling;
        if (width < 1 || height < 1 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException("input size must be between 1 and 4096 pixels, got " + width + "×"
                    + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grayscale) or 3 (colour), got " + channels);
        }
        if (scaling == PixelScaling.MEAN_STD) {
            if (mean == null || std == null || mean.size() != channels || std.size() != channels) {
                throw new IllegalArgumentException("scaling 'mean-std' needs " + channels
                        + " mean and std values (one per channel), got mean " + mean + " and std " + std);
            }
            for (Double s : std) {
                if (s == null || s <= 0) {
                    throw new IllegalArgumentException("every std must be positive, got " + std);
                }
            }
        }
        mean = mean == null ? null : List.copyOf(mean);
        std = std == null ? null : List.copyOf(std);
    }

    /** Size and channels with [0, 1] scaling and stretching. */
    public static Preprocessing of(int width, int height, int channels) {
        return new Preprocessing(width, height, channels, ResizeMode.STRETCH, PixelScaling.UNIT, null, null);
    }

    public Preprocessing withResize(ResizeMode mode) {
        return new Preprocessing(width, height, channels, mode, scaling, mean, std);
    }

    /** Values per image: channels × height × width. */
    public int valuesPerImage() {
        return channels * height * width;
    }

    /**
     * Writes an image already at this size and channel count into {@code destination} as channel planes
     * (NCHW order for one example) starting at {@code offset}, scaled as configured.
     */
    public void writePlanes(ImageData image, float[] destination, int offset) {
        if (image.width() != width || image.height() != height || image.channels() != channels) {
            throw new IllegalArgumentException("image is " + image + " but the input is " + width + "×" + height
                    + "×" + channels + ": run it through the ImagePipeline first");
        }
        byte[] pixels = image.pixels();
        int plane = width * height;
        for (int c = 0; c < channels; c++) {
            float multiplier;
            float shift;
            switch (scaling) {
                case UNIT -> {
                    multiplier = 1f / 255f;
                    shift = 0f;
                }
                case MEAN_STD -> {
                    float s = mean.get(c).floatValue();
                    float d = std.get(c).floatValue();
                    multiplier = 1f / (255f * d);
                    shift = -s / d;
                }
                default -> {
                    multiplier = 1f;
                    shift = 0f;
                }
            }
            int base = offset + c * plane;
            for (int i = 0, src = c; i < plane; i++, src += channels) {
                destination[base + i] = (pixels[src] & 0xFF) * multiplier + shift;
            }
        }
    }
}
