package dev.stride.app.explainer;

import dev.stride.engine.explain.ExplainerWalk;

/**
 * Measures the explainer's render loop when -Dstride.explainer.measureFps=SECONDS is set: counts the frames redrawn
 * per second after a one-second warm-up and prints the rate and the time per redraw.
 */
final class FpsMeter {
    static final String PROPERTY = "stride.explainer.measureFps";
    private static final long WARM_UP_NANOS = 1_000_000_000L;

    private final long measureNanos;
    private long firstPulse = -1;
    private long measureStart = -1;
    private int frames;
    private long redrawNanos;
    private long slowestRedraw;
    private boolean done;

    private FpsMeter(long measureNanos) {
        this.measureNanos = measureNanos;
    }

    static FpsMeter fromSystemProperty() {
        String seconds = System.getProperty(PROPERTY);
        return new FpsMeter(seconds == null ? 0 : (long) (Double.parseDouble(seconds) * 1e9));
    }

    boolean active() {
        return measureNanos > 0 && !done;
    }

    void rendered(long pulseNanos, long redrawTook, ExplainerWalk walk) {
        if (!active()) {
            return;
        }
        if (firstPulse < 0) {
            firstPulse = pulseNanos;
        }
        if (pulseNanos - firstPulse < WARM_UP_NANOS) {
            return;
        }
        if (measureStart < 0) {
            measureStart = pulseNanos;
            return;
        }
        frames++;
        redrawNanos += redrawTook;
        slowestRedraw = Math.max(slowestRedraw, redrawTook);
        long elapsed = pulseNanos - measureStart;
        if (elapsed >= measureNanos) {
            done = true;
            var s = walk.setup();
            System.out.printf("Explainer render loop: %d frames in %.2f s = %.1f fps; redraw mean %.2f ms, max %.2f ms"
                            + " (%s, input %d×%d, kernel %d, stride %d, padding %s, dilation %d)%n",
                    frames, elapsed / 1e9, frames / (elapsed / 1e9), redrawNanos / 1e6 / frames, slowestRedraw / 1e6,
                    s.kind().kerasName(), s.inputHeight(), s.inputWidth(), s.kernelHeight(), s.strideHeight(),
                    s.padding().label(), s.dilationHeight());
        }
    }
}
