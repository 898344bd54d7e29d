package dev.stride.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecimatingSeriesTest {

    @Test
    void aShortSeriesIsDrawnAsItIs() {
        DecimatingSeries series = new DecimatingSeries();
        series.add(1, 0.5);
        series.add(2, 0.4);
        assertThat(series.decimate(800)).containsExactly(1, 0.5, 2, 0.4);
    }

    @Test
    void aHundredThousandPointsBecomeAtMostTwoPerPixelAndKeepTheSpike() {
        DecimatingSeries series = new DecimatingSeries();
        for (int i = 0; i < 100_000; i++) {
            series.add(i, i == 54_321 ? 99.0 : 1.0 / (1 + i * 0.001));
        }
        double[] points = series.decimate(800);
        assertThat(points.length / 2).isLessThanOrEqualTo(2 * 800);
        double max = 0;
        for (int i = 1; i < points.length; i += 2) {
            max = Math.max(max, points[i]);
        }
        assertThat(max).isEqualTo(99.0);
        assertThat(points[0]).isZero();
        assertThat(points[points.length - 2]).isEqualTo(99_999);
    }

    @Test
    void xStaysInOrderAndNonFiniteLossesAreSkipped() {
        DecimatingSeries series = new DecimatingSeries();
        for (int i = 0; i < 10_000; i++) {
            series.add(i, i % 97 == 0 ? Double.NaN : Math.sin(i));
        }
        double[] points = series.decimate(300);
        for (int i = 2; i < points.length; i += 2) {
            assertThat(points[i]).isGreaterThan(points[i - 2]);
        }
        for (int i = 1; i < points.length; i += 2) {
            assertThat(points[i]).isFinite();
        }
    }
}
