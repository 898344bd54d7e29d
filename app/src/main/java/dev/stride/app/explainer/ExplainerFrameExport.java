package dev.stride.app.explainer;

import dev.stride.engine.explain.AnimatedGifWriter;
import dev.stride.engine.explain.ExplainerWalk;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import javafx.animation.AnimationTimer;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Renders every frame of a walk off screen (a few per pulse, so the FX thread keeps drawing) and hands them to the
 * engine's {@link AnimatedGifWriter} on a background thread.
 */
public final class ExplainerFrameExport {
    static final int WIDTH = 960;
    static final int HEIGHT = 560;
    /** Enough for a 17×17 output; longer walks are sampled evenly so the GIF stays small. */
    static final int MAX_FRAMES = 300;
    private static final int FRAMES_PER_PULSE = 4;

    /** What to write: an animated GIF file or a folder of PNG frames. */
    public enum Format { GIF, PNG_FRAMES }

    private ExplainerFrameExport() {
    }

    /** Which frames to render: all of them, or evenly spaced ones (always the first and the last) when too many. */
    static int[] frameIndices(int frameCount) {
        int count = Math.min(frameCount, MAX_FRAMES);
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = count == 1 ? 0 : (int) Math.round(i * (frameCount - 1) / (double) (count - 1));
        }
        return indices;
    }

    /**
     * Must be called on the FX thread; the returned future completes (off the FX thread) once the file is written,
     * with the number of frames.
     */
    static CompletableFuture<Integer> export(ExplainerWalk walk, IntFunction<PaintJob> paintJob, double frameMillis,
                                             Format format, Path target, Executor background) {
        CompletableFuture<List<BufferedImage>> rendered = new CompletableFuture<>();
        int[] indices = frameIndices(walk.frameCount());
        if (indices.length == 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("this walk has no frames to export"));
        }
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        List<BufferedImage> frames = new ArrayList<>();
        SnapshotParameters parameters = new SnapshotParameters();
        new AnimationTimer() {
            private int next;

            @Override
            public void handle(long now) {
                for (int i = 0; i < FRAMES_PER_PULSE && next < indices.length; i++, next++) {
                    paintJob.apply(indices[next]).paint(canvas);
                    WritableImage snapshot = canvas.snapshot(parameters, null);
                    int width = (int) snapshot.getWidth();
                    int height = (int) snapshot.getHeight();
                    int[] argb = new int[width * height];
                    snapshot.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb,
                            0, width);
                    frames.add(AnimatedGifWriter.fromArgb(width, height, argb));
                }
                if (next >= indices.length) {
                    stop();
                    rendered.complete(frames);
                }
            }
        }.start();
        return rendered.thenApplyAsync(images -> {
            try {
                if (format == Format.GIF) {
                    AnimatedGifWriter.writeGif(images, (int) Math.round(frameMillis), target);
                } else {
                    AnimatedGifWriter.writePngFrames(images, target);
                }
                return images.size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background);
    }

    /** Paints one frame on the given canvas. */
    @FunctionalInterface
    interface PaintJob {
        void paint(Canvas canvas);
    }
}
