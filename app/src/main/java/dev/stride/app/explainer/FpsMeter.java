package dev.stride.app.explainer;

import dev.stride.engine.explain.ExplainerWalk;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures the explainer's render loop when -Dstride.explainer.measureFps=SECONDS is set: counts the frames redrawn
 * per second after a warm-up and prints the rate and the time per redraw.
 */
final class FpsMeter {
    static final String PROPERTY = "stride.explainer.measureFps";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Seconds to wait before counting (start-up, ND4J warm-up and JIT settle first); default 5. */
    static final String WARM_UP_PROPERTY = "stride.explainer.measureWarmUp";

    private final long measureNanos;
    private final long warmUpNanos = (long) (Double.parseDouble(System.getProperty(WARM_UP_PROPERTY, "5")) * 1e9);
    private long firstPulse = -1;
    private long measureStart = -1;
    private int frames;
    private long redrawNanos;
    private long slowestRedraw;
    private boolean done;
    private long fxCpuStart;
    private long renderCpuStart;
    private long renderThreadId = -1;

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
        if (pulseNanos - firstPulse < warmUpNanos) {
            return;
        }
        if (measureStart < 0) {
            measureStart = pulseNanos;
            fxCpuStart = THREADS.getCurrentThreadCpuTime();
            renderThreadId = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId)
                    .findFirst().orElse(-1);
            renderCpuStart = renderThreadId < 0 ? 0 : THREADS.getThreadCpuTime(renderThreadId);
            return;
        }
        frames++;
        redrawNanos += redrawTook;
        slowestRedraw = Math.max(slowestRedraw, redrawTook);
        long elapsed = pulseNanos - measureStart;
        if (elapsed >= measureNanos) {
            done = true;
            // CPU time per frame on the FX and render threads: what the loop costs, whatever else shares the CPUs.
            double fxCpu = (THREADS.getCurrentThreadCpuTime() - fxCpuStart) / 1e6 / frames;
            double renderCpu = renderThreadId < 0 ? 0
                    : (THREADS.getThreadCpuTime(renderThreadId) - renderCpuStart) / 1e6 / frames;
            System.out.printf("Explainer CPU per frame: FX thread %.2f ms, render thread %.2f ms"
                    + " -> at most %.0f fps on two free cores (load average %.1f on %d CPUs)%n", fxCpu, renderCpu,
                    1000 / Math.max(fxCpu, renderCpu),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            var s = walk.setup();
            System.out.printf("Explainer render loop: %d frames in %.2f s = %.1f fps; redraw mean %.2f ms, max %.2f ms"
                            + " (%s, input %d×%d, kernel %d, stride %d, padding %s, dilation %d)%n",
                    frames, elapsed / 1e9, frames / (elapsed / 1e9), redrawNanos / 1e6 / frames, slowestRedraw / 1e6,
                    s.kind().kerasName(), s.inputHeight(), s.inputWidth(), s.kernelHeight(), s.strideHeight(),
                    s.padding().label(), s.dilationHeight());
        }
    }
}
